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

    @Test("the URLSession transport joins the base URL's path and the request's query")
    func urlSessionURLs() throws {
        var request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/v1/search?q=cast%20iron&limit=2")
        let url = try URLSessionClientTransport.url(of: request, baseURL: URL(string: "http://127.0.0.1:9/shop")!)
        #expect(url.absoluteString == "http://127.0.0.1:9/shop/v1/search?q=cast%20iron&limit=2")
        request.path = "/healthz"
        #expect(try URLSessionClientTransport.url(of: request, baseURL: URL(string: "http://127.0.0.1:9")!).absoluteString
            == "http://127.0.0.1:9/healthz")
    }

    @Test("clients made and dropped without shutdown() leave the process healthy")
    func noShutdownNeeded() async throws {
        try await TestGateway.with { gateway in
            // Each client is released at the end of its iteration without shutdown(): with a
            // pool of its own, AsyncHTTPClient would trap in this debug build.
            for _ in 0..<5 {
                let client = ShopClient(baseURL: gateway.url)
                #expect(try await client.health().status == "ok")
            }
            let after = ShopClient(baseURL: gateway.url)
            #expect(try await after.catalog.categories().isEmpty == false)
        }
    }

    @Test("a client over the caller's own HTTPClient leaves it to the caller")
    func injectedHTTPClient() async throws {
        try await TestGateway.with { gateway in
            let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
            let client = ShopClient(configuration: ShopClientConfiguration(baseURL: gateway.url), httpClient: http)
            #expect(try await client.health().status == "ok")
            try await client.shutdown()
            // Still usable: shutdown() closes nothing the client does not own.
            #expect(try await client.health().status == "ok")
            try await http.shutdown()
        }
    }
}
