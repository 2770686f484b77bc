import Foundation
import ShopKit
import Testing

/// One paging scheme across services: `noun(…)` sequences, `nounPage(…)` pages, `next()` on a
/// page, and `total` on every list.
@Suite("Paging")
struct PagingTests {
    @Test("next() walks the product pages to the end, matching the sequence and total")
    func nextWalksToTheEnd() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            var page: Page<ProductSummary>? = try await client.catalog.productsPage(category: "kitchen", limit: 3)
            let total = try #require(page?.total)
            var walked: [String] = []
            while let current = page {
                #expect(current.items.count <= 3)
                walked += current.items.map(\.id)
                page = try await current.next()
            }
            #expect(walked.count == total)
            #expect(Set(walked).count == walked.count)
            let sequenced = try await client.catalog.products(category: "kitchen", pageSize: 3).collect().map(\.id)
            #expect(walked == sequenced)
            let first = try await client.catalog.products(category: "kitchen", pageSize: 3).firstPage()
            #expect(first.items.map(\.id) == Array(walked.prefix(3)))
        }
    }

    @Test("search pages, orders, inbox and activity pages carry total and next()")
    func everyListHasTotalAndNext() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let search = try await client.catalog.searchPage("a", limit: 2)
            #expect((search.total ?? 0) > 2)
            let second = try #require(try await search.next())
            #expect(Set(second.items.map(\.product.id)).isDisjoint(with: search.items.map(\.product.id)))

            try await client.sessions.register(email: Fixtures.uniqueEmail(), password: "correct horse battery", name: "Ada")
            for _ in 0..<3 {
                try await client.cart.add(productID: Fixtures.coffeeSet)
                _ = try await client.checkout.placeOrder(
                    PlaceOrderRequest(email: Fixtures.uniqueEmail(), address: Fixtures.address, card: Fixtures.visa))
            }
            let orders = try await client.orders.listPage(limit: 2)
            #expect(orders.total == 3)
            #expect(orders.items.count == 2)
            let lastOrders = try #require(try await orders.next())
            #expect(lastOrders.items.count == 1)
            #expect(lastOrders.isLast)
            #expect(try await lastOrders.next() == nil)

            let inbox = try await client.notifications.listPage(limit: 1)
            #expect((inbox.total ?? 0) >= 3)
            #expect(inbox.unreadCount == inbox.total)
            #expect(try await inbox.next()?.items.count == 1)

            let activity = try await client.account.activityPage(limit: 1)
            #expect((activity.total ?? 0) >= 1)
        }
    }

    @Test("pages compare and encode by their contents, not by how they were fetched")
    func pagesAreValues() throws {
        let fetched = Page(items: [1, 2], nextCursor: "c2", total: 4, fetcher: { _ throws(ShopError) in Page(items: [3, 4]) })
        let made = Page(items: [1, 2], nextCursor: "c2", total: 4)
        #expect(fetched == made)
        #expect(fetched.hashValue == made.hashValue)
        let decoded = try JSONDecoder().decode(Page<Int>.self, from: JSONEncoder().encode(fetched))
        #expect(decoded == made)
    }

    @Test("a page made without a fetcher has no next page")
    func handMadePagesEnd() async throws {
        #expect(try await Page(items: [1], nextCursor: "more").next() == nil)
    }
}
