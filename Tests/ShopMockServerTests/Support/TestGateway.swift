import AsyncHTTPClient
import Foundation
import Logging
@testable import ShopMockServer

/// A gateway on a free loopback port, plus a small JSON client for it.
struct TestGateway {
    static let adminToken = "test-admin-token"

    let running: RunningGateway
    var url: URL { running.url }
    var clock: GatewayClock { running.clock }

    /// Starts a gateway, runs `body` against it, and always stops it.
    static func with<T>(
        _ configure: (inout GatewayConfiguration) -> Void = { _ in },
        _ body: (TestGateway) async throws -> T
    ) async throws -> T {
        let gateway = try await start(configure)
        do {
            let result = try await body(gateway)
            await gateway.running.stop()
            return result
        } catch {
            await gateway.running.stop()
            throw error
        }
    }

    static func start(_ configure: (inout GatewayConfiguration) -> Void = { _ in }) async throws -> TestGateway {
        var logger = Logger(label: "test.gateway")
        logger.logLevel = .critical
        var configuration = GatewayConfiguration(
            port: 0, adminToken: adminToken, tokenLifetime: 7 * 86_400, bcryptCost: 4, logger: logger,
            clock: GatewayClock())
        // Beside the whole suite on two cores a request can wait seconds for a thread: the
        // connection timeouts are generous here, and the suites that test them set their own.
        configuration.limits.requestHeadTimeout = .seconds(120)
        configuration.limits.requestBodyTimeout = .seconds(120)
        configuration.limits.idleTimeout = .seconds(300)
        configure(&configuration)
        return TestGateway(running: try await MockGateway.start(configuration))
    }

    // MARK: Requests

    func send(
        _ method: String, _ path: String, token: String? = nil, json: Any? = nil, rawBody: String? = nil,
        headers: [(String, String)] = []
    ) async throws -> TestResponse {
        var request = HTTPClientRequest(url: url.absoluteString + path)
        request.method = .init(rawValue: method)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            let data = try JSONSerialization.data(withJSONObject: json)
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(Array(data))
        } else if let rawBody {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(Array(rawBody.utf8))
        }
        // 120 s: a hundred concurrent buyers beside the whole suite (a hundred runtimes, tmux
        // tests) can wait past 30 s for the two shared cores.
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
        let body = try await response.body.collect(upTo: 10 << 20)
        return TestResponse(
            status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
            body: Data(body.readableBytesView))
    }

    func get(_ path: String, token: String? = nil) async throws -> TestResponse {
        try await send("GET", path, token: token)
    }

    func post(_ path: String, token: String? = nil, json: Any? = nil, headers: [(String, String)] = []) async throws -> TestResponse {
        try await send("POST", path, token: token, json: json, headers: headers)
    }

    // MARK: Shopping helpers

    /// A new guest session's token.
    func guestToken() async throws -> String {
        try await post("/v1/sessions/guest").object["token"] as? String ?? ""
    }

    /// Registers an account and returns its session token.
    func register(email: String = "ana-\(UUID().uuidString.prefix(8))@example.com", password: String = "correct horse", name: String = "Ana", guestToken: String? = nil) async throws -> String {
        let response = try await post(
            "/v1/users", token: guestToken, json: ["email": email, "password": password, "name": name])
        guard response.status == 201 else { throw TestFailure("register failed: \(response.text)") }
        return response.object["token"] as? String ?? ""
    }

    /// Adds `quantity` of a product to the token's cart (expects success).
    @discardableResult
    func add(_ productId: String, quantity: Int = 1, token: String) async throws -> TestResponse {
        try await post("/v1/cart/items", token: token, json: ["productId": productId, "quantity": quantity])
    }

    static var address: [String: Any] { [
        "name": "Ana Lima", "line1": "12 Rua Augusta", "city": "Lisboa", "postalCode": "1100-053", "country": "PT",
    ] }

    static func orderBody(
        card: String = "4242 4242 4242 4242", cvv: String = "123", expMonth: Int = 12, expYear: Int = 2099,
        shipping: String = "standard", currency: String? = nil
    ) -> [String: Any] {
        var body: [String: Any] = [
            "email": "ana@example.com", "address": address, "shippingOption": shipping,
            "card": ["number": card, "cvv": cvv, "expMonth": expMonth, "expYear": expYear],
        ]
        if let currency { body["currency"] = currency }
        return body
    }

    func placeOrder(token: String, key: String = UUID().uuidString, body: [String: Any] = TestGateway.orderBody()) async throws -> TestResponse {
        try await post("/v1/checkout/orders", token: token, json: body, headers: [("Idempotency-Key", key)])
    }

    /// Sets a product's stock through the admin API.
    func setStock(_ productId: String, to stock: Int) async throws {
        let product = try await get("/v1/products/\(productId)").object
        let body: [String: Any] = [
            "code": product["code"]!, "name": product["name"]!, "description": product["description"]!,
            "category": product["category"]!, "priceUsd": (product["price"] as? [String: Any] ?? [:])["amount"]!, "stock": stock,
        ]
        let response = try await send("PUT", "/v1/admin/products/\(productId)", token: Self.adminToken, json: body)
        guard response.status == 200 else { throw TestFailure("setStock failed: \(response.text)") }
    }

    func stock(of productId: String) async throws -> Int {
        try await get("/v1/inventory/\(productId)").object["onHand"] as? Int ?? -1
    }

    /// A product with plenty of stock, for tests that do not care which.
    func anyProduct(minimumStock: Int = 20) async throws -> (id: String, priceUsd: Int) {
        let items = try await get("/v1/products?limit=100&sort=price_asc").object["items"] as? [[String: Any]] ?? []
        guard let product = items.first(where: { ($0["stock"] as? Int ?? -1) >= minimumStock }) else {
            throw TestFailure("no product with \(minimumStock) units in stock")
        }
        return (product["id"] as? String ?? "", (product["price"] as? [String: Any] ?? [:])["amount"] as? Int ?? -1)
    }
}

/// A response with helpers to read JSON.
struct TestResponse {
    let status: Int
    let headers: [(String, String)]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    var contentType: String { header("Content-Type") ?? "" }

    func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
    var isProblem: Bool { contentType.hasPrefix("application/problem+json") }
    /// The slug of a problem's type URI (`out-of-stock`).
    var problemSlug: String? { (object["type"] as? String)?.components(separatedBy: "/").last }
    var fieldErrors: [String: String] {
        var errors: [String: String] = [:]
        for entry in object["errors"] as? [[String: Any]] ?? [] {
            errors[entry["field"] as? String ?? ""] = entry["message"] as? String
        }
        return errors
    }
}

/// A helper could not set the scene for a test.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Array where Element == [String: Any] {
    /// The element at `index`, or an empty object (so a failing test reports, not crashes).
    subscript(at index: Int) -> [String: Any] { indices.contains(index) ? self[index] : [:] }
}

extension Dictionary where Key == String, Value == Any {
    func money(_ key: String) -> (amount: Int, currency: String) {
        let value = self[key] as? [String: Any] ?? [:]
        return (value["amount"] as? Int ?? -1, value["currency"] as? String ?? "")
    }
}
