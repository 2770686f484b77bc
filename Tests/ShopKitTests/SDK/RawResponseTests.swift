import Foundation
import ShopKit
import ShopKitTesting
import Testing

/// `withRawResponse` answers the typed value with the answer as the gateway sent it.
@Suite("Raw responses")
struct RawResponseTests {
    @Test("status, headers, request id and body come with the typed value")
    func rawBesideTyped() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let (product, raw) = try await client.withRawResponse { try await client.catalog.product(id: Fixtures.skillet) }
            #expect(product.id == Fixtures.skillet)
            #expect(raw.status == 200)
            #expect(raw.operationID == "getProduct")
            #expect(raw.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(raw.requestID?.isEmpty == false)
            let json = try JSONSerialization.jsonObject(with: raw.body) as? [String: Any]
            #expect(json?["id"] as? String == Fixtures.skillet)

            // The first call of a client also starts its guest session: that is not the answer.
            let fresh = gateway.client()
            let (cart, cartRaw) = try await fresh.withRawResponse { try await fresh.cart.get() }
            #expect(cart.itemCount == 0)
            #expect(cartRaw.operationID == "getCart")
        }
    }

    @Test("fields this version does not decode are in the raw body")
    func unknownFieldsAreKept() async throws {
        let stub = StubTransport()
        stub.answer("getHealth", with: .json(#"{"status":"ok","version":"9.9","time":"2026-01-01T00:00:00Z","region":"eu-west"}"#))
        let client = ShopClient(configuration: ShopClientConfiguration(baseURL: URL(string: "http://stub.invalid")!),
                                transport: stub)
        let (health, raw) = try await client.withRawResponse { try await client.health() }
        #expect(health.version == "9.9")
        #expect(raw.text.contains(#""region":"eu-west""#))
    }

    @Test("outside withRawResponse nothing is recorded, and a failed call throws as usual")
    func failuresThrow() async throws {
        let stub = StubTransport()
        stub.answer("getProduct", with: .problem(.notFound, status: 404, detail: "No such product."))
        let client = ShopClient(configuration: ShopClientConfiguration(baseURL: URL(string: "http://stub.invalid")!),
                                transport: stub)
        let error = await #expect(throws: ShopError.self) {
            _ = try await client.withRawResponse { try await client.catalog.product(id: "p404") }
        }
        #expect(error?.problemCode == .notFound)
        #expect(error?.userMessage == "No such product.")
    }
}
