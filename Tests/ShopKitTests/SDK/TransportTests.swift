import AsyncHTTPClient
import Foundation
import ShopKit
import Testing

/// `ShopClient` runs over any `ClientTransport`, and nothing needs closing for a clean exit.
@Suite("Transports and lifecycle")
struct TransportTests {
    @Test("URLSession carries a whole purchase, errors included")
    func urlSessionTransport() async throws {
        try await TestGateway.with { gateway in
            let client = ShopClient(
                configuration: ShopClientConfiguration(baseURL: gateway.url), transport: URLSessionClientTransport())
            let hits = try await client.catalog.searchPage("skillet", limit: 2)
            #expect(hits.items.first?.product.id == Fixtures.skillet)
            let cart = try await client.cart.add(productID: Fixtures.skillet, quantity: 2)
            #expect(cart.itemCount == 2)
            let placed = try await client.checkout.placeOrder(
                PlaceOrderRequest(email: Fixtures.uniqueEmail(), address: Fixtures.address, card: Fixtures.visa))
            #expect(try await client.orders.get(id: placed.order.id).id == placed.order.id)
            let missing = await #expect(throws: ShopError.self) { try await client.catalog.product(id: "p999-nothing") }
            #expect(missing?.problemCode == .notFound)
            #expect(missing?.requestID != nil)
        }
    }

    @Test("clients made and dropped without shutdown() leave the process healthy")
    func noShutdownNeeded() async throws {
        try await TestGateway.with { gateway in
            // Each client is released at the end of its iteration without shutdown(): with a
            // pool of its own, AsyncHTTPClient would trap in this debug build.
            for _ in 0..<5 {
                let client = ShopClient(baseURL: gateway.url)
                let health = try await client.health()
                #expect(!health.version.isEmpty)
            }
            let after = ShopClient(baseURL: gateway.url)
            let categories = try await after.catalog.categories()
            #expect(!categories.isEmpty)
        }
    }

    @Test("a client over the caller's own HTTPClient leaves it to the caller")
    func injectedHTTPClient() async throws {
        try await TestGateway.with { gateway in
            let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
            let client = ShopClient(configuration: ShopClientConfiguration(baseURL: gateway.url), httpClient: http)
            let before = try await client.health()
            try await client.shutdown()
            // Still usable: shutdown() closes nothing the client does not own.
            let after = try await client.health()
            #expect(before.version == after.version)
            try await http.shutdown()
        }
    }
}
