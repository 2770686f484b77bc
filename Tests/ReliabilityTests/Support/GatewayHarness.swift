import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import ShopKit
import ShopMockServer

/// A raw JSON answer of the gateway.
struct RawResponse: Sendable {
    let status: Int
    let headers: [(String, String)]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }
    func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
    func string(_ key: String) -> String? { object[key] as? String }
    func items() -> [[String: Any]] {
        let any = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        return any?["items"] as? [[String: Any]] ?? []
    }
}

/// Why a helper could not set the scene.
struct HarnessFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A small JSON client for any gateway base URL (in-process or a subprocess).
struct RawGateway: Sendable {
    static let adminToken = "adm_reliability"

    let base: String

    init(_ url: URL) { base = url.absoluteString }
    init(base: String) { self.base = base }

    func send(
        _ method: String, _ path: String, token: String? = nil, json: String? = nil, headers: [(String, String)] = [],
        timeout: TimeAmount = .seconds(30)
    ) async throws -> RawResponse {
        var request = HTTPClientRequest(url: base + path)
        request.method = .init(rawValue: method)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: 32 << 20)
        return RawResponse(
            status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
            body: Data(body.readableBytesView))
    }

    func guestToken() async throws -> String {
        let response = try await send("POST", "/v1/sessions/guest")
        guard response.status == 201, let token = response.string("token") else {
            throw HarnessFailure("guest session failed: \(response.status) \(response.text)")
        }
        return token
    }

    func register(email: String, password: String = "correct horse battery") async throws -> String {
        let response = try await send(
            "POST", "/v1/users", json: #"{"email":"\#(email)","password":"\#(password)","name":"Tester"}"#)
        guard response.status == 201, let token = response.string("token") else {
            throw HarnessFailure("register failed: \(response.status) \(response.text)")
        }
        return token
    }

    func stock(_ productId: String) async throws -> Int {
        let response = try await send("GET", "/v1/inventory/\(productId)")
        guard response.status == 200, let onHand = response.object["onHand"] as? Int else {
            throw HarnessFailure("stock failed: \(response.status) \(response.text)")
        }
        return onHand
    }

    /// Replaces a product's stock through the admin API (keeps its other fields).
    func setStock(_ productId: String, to stock: Int) async throws {
        let product = try await send("GET", "/v1/products/\(productId)")
        let object = (try JSONSerialization.jsonObject(with: product.body)) as? [String: Any] ?? [:]
        let price = (object["price"] as? [String: Any])?["amount"] as? Int ?? 0
        var body: [String: Any] = [:]
        for key in ["code", "name", "description", "category"] { body[key] = object[key] }
        body["priceUsd"] = price
        body["stock"] = stock
        let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        let response = try await send("PUT", "/v1/admin/products/\(productId)", token: Self.adminToken, json: json)
        guard response.status == 200 else { throw HarnessFailure("setStock failed: \(response.status) \(response.text)") }
    }

    /// Every order of a shopper (all pages), as full orders.
    func orders(token: String) async throws -> [[String: Any]] {
        var ids: [String] = []
        var cursor: String?
        for _ in 0..<100 {
            let path = "/v1/orders?limit=100" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try await send("GET", path, token: token)
            guard page.status == 200 else { throw HarnessFailure("orders failed: \(page.status) \(page.text)") }
            ids += page.items().compactMap { $0["id"] as? String }
            cursor = page.string("nextCursor")
            if cursor == nil { break }
        }
        var orders: [[String: Any]] = []
        for id in ids {
            let order = try await send("GET", "/v1/orders/\(id)", token: token)
            guard order.status == 200 else { throw HarnessFailure("order \(id) failed: \(order.status)") }
            orders.append((try JSONSerialization.jsonObject(with: order.body)) as? [String: Any] ?? [:])
        }
        return orders
    }

    /// The gateway-wide activity of one kind (admin), all pages.
    func adminActivity(kind: String) async throws -> [[String: Any]] {
        var entries: [[String: Any]] = []
        var cursor: String?
        for _ in 0..<1000 {
            let path = "/v1/admin/activity?limit=100" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try await send("GET", path, token: Self.adminToken)
            guard page.status == 200 else { throw HarnessFailure("activity failed: \(page.status) \(page.text)") }
            entries += page.items().filter { $0["kind"] as? String == kind }
            cursor = page.string("nextCursor")
            if cursor == nil { break }
        }
        return entries
    }

    static let orderJSON = #"{"email":"buyer@example.com","shippingOption":"standard","address":{"name":"Ana Lima","line1":"12 Rua Augusta","city":"Lisboa","postalCode":"1100-053","country":"PT"},"card":{"number":"4242424242424242","cvv":"123","expMonth":12,"expYear":2099}}"#
}

/// An in-process gateway for the suites, quiet unless a logger is given.
enum Gateways {
    static func start(
        dataDirectory: String? = nil, tokenLifetime: TimeInterval = 3600, catalogFile: String? = nil,
        logger: Logger = Logger(label: "reliability-gateway", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws -> RunningGateway {
        var configuration = GatewayConfiguration(
            port: 0, catalogFile: catalogFile, dataDirectory: dataDirectory, adminToken: RawGateway.adminToken,
            tokenLifetime: tokenLifetime, bcryptCost: 4, logger: logger, clock: GatewayClock())
        // Hundreds of buyers from one loopback address are these suites' load, not abuse
        // (the limits have their own tests in ShopMockServerTests).
        configuration.limits.guestSessionsPerAddress = nil
        configuration.limits.signInsPerAddress = nil
        configuration.limits.requestHeadTimeout = .seconds(120)
        configuration.limits.requestBodyTimeout = .seconds(120)
        return try await MockGateway.start(configuration)
    }

    /// Runs `body` with a gateway and always stops it.
    static func with<T>(
        tokenLifetime: TimeInterval = 3600, dataDirectory: String? = nil,
        logger: Logger = Logger(label: "reliability-gateway", factory: { _ in SwiftLogNoOpLogHandler() }),
        _ body: (RunningGateway) async throws -> T
    ) async throws -> T {
        let gateway = try await start(dataDirectory: dataDirectory, tokenLifetime: tokenLifetime, logger: logger)
        do {
            let result = try await body(gateway)
            await gateway.stop()
            return result
        } catch {
            await gateway.stop()
            throw error
        }
    }

    /// A product with at least `minimumStock` units.
    static func product(_ raw: RawGateway, minimumStock: Int) async throws -> String {
        let page = try await raw.send("GET", "/v1/products?limit=100&sort=price_asc")
        guard let id = page.items().first(where: { ($0["stock"] as? Int ?? 0) >= minimumStock })?["id"] as? String else {
            throw HarnessFailure("no product with \(minimumStock) units")
        }
        return id
    }
}

/// A temporary directory removed at the end of a test.
func temporaryDirectory(_ prefix: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))").path
}
