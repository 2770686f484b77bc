import Foundation
import ShopKit
import ShopKitTesting
import Testing

/// `ShopKitTesting`'s stub transport: a consumer's tests run its code against canned answers.
@Suite("ShopKitTesting stub transport")
struct StubTransportTests {
    static func client(_ stub: StubTransport) -> ShopClient {
        ShopClient(configuration: ShopClientConfiguration(
            baseURL: URL(string: "http://stub.invalid")!, retryPolicy: .none), transport: stub)
    }

    @Test("canned answers are decoded, and the requests are recorded as sent")
    func cannedAnswers() async throws {
        let stub = StubTransport()
        stub.answer("listCategories", with: .json(#"{"items":[{"id":"kitchen","name":"Kitchen","productCount":12}]}"#))
        let client = Self.client(stub)
        let categories = try await client.catalog.categories()
        #expect(categories.map(\.name) == ["Kitchen"])
        #expect(categories.first?.productCount == 12)
        #expect(stub.requests.map(\.operationID) == ["listCategories"])
        #expect(stub.requests.first?.method == .get)
        #expect(stub.requests.first?.path == "/v1/categories")
    }

    @Test("a guest session is answered by default, and calls then carry its token")
    func guestSessionByDefault() async throws {
        let stub = StubTransport()
        stub.answer("getCart", with: .json(#"{"lines":[],"subtotal":{"amount":0,"currency":"USD"},"itemCount":0}"#))
        let client = Self.client(stub)
        let cart = try await client.cart.get()
        #expect(cart.itemCount == 0)
        #expect(stub.requests.map(\.operationID) == ["createGuestSession", "getCart"])
        #expect(stub.requests(of: "getCart").first?.headers[.authorization] == "Bearer stub-guest-token")
        #expect(await client.sessions.current?.isGuest == true)
    }

    @Test("answers of one operation are given in order, the last one repeated")
    func answersInOrder() async throws {
        let stub = StubTransport()
        stub.answer("getHealth",
                    with: .json(#"{"status":"ok","version":"1","time":"2026-01-01T00:00:00Z"}"#),
                    .json(#"{"status":"ok","version":"2","time":"2026-01-01T00:00:00Z"}"#))
        let client = Self.client(stub)
        var versions: [String] = []
        for _ in 0..<3 { versions.append(try await client.health().version) }
        #expect(versions == ["1", "2", "2"])
    }

    @Test("a canned problem throws the ShopError a gateway's would")
    func cannedProblems() async throws {
        let stub = StubTransport()
        stub.answer("placeOrder", with: .problem(.cardDeclined, status: 402, detail: "Your card was declined."))
        let client = Self.client(stub)
        let order = PlaceOrderRequest(email: "ada@example.com", address: Fixtures.address, card: Fixtures.visa)
        let error = await #expect(throws: ShopError.self) { try await client.checkout.placeOrder(order) }
        #expect(error?.isCardDeclined == true)
        #expect(error?.status == 402)
        #expect(error?.userMessage == "Your card was declined.")
        let sent = try #require(stub.requests(of: "placeOrder").first)
        #expect(sent.headers[.idempotencyKey] != nil)
        #expect(sent.text.contains("ada@example.com"))
    }

    @Test("a request without an answer fails, naming the operation")
    func missingAnswer() async throws {
        let client = Self.client(StubTransport())
        let error = await #expect(throws: ShopError.self) { try await client.health() }
        guard case .transport(let message) = error else {
            Issue.record("expected a transport error, got \(String(describing: error))")
            return
        }
        #expect(message.contains("getHealth"))
    }
}
