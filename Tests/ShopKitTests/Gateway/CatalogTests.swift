import Foundation
import ShopKit
import Testing

@Suite("Catalog and currency through ShopKit")
struct CatalogTests {
    @Test func pagingWalksEveryProductExactlyOnce() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let first = try await client.catalog.productsPage(limit: 7)
            let total = try #require(first.total)
            let all = try await client.catalog.products(pageSize: 7).collect()
            #expect(all.count == total)
            #expect(Set(all.map(\.id)).count == total)
            let listings = gateway.recorder.attempts(of: "listProducts").count
            #expect(listings >= 1 + (total + 6) / 7, "the sequence fetched page by page")

            let kitchen = try await client.catalog.products(category: "kitchen", sort: .priceAscending, pageSize: 3).collect()
            #expect(!kitchen.isEmpty)
            #expect(kitchen.allSatisfy { $0.category == "kitchen" })
            #expect(kitchen.map(\.price.amount) == kitchen.map(\.price.amount).sorted())

            let inStock = try await client.catalog.products(inStock: true).collect()
            #expect(inStock.allSatisfy { $0.availability != .outOfStock && $0.stock > 0 })
        }
    }

    @Test func breakingOutOfTheSequenceStopsFetching() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            var seen = 0
            for try await _ in client.catalog.products(pageSize: 5) {
                seen += 1
                if seen == 5 { break }
            }
            #expect(gateway.recorder.attempts(of: "listProducts").count == 1)
        }
    }

    @Test func searchRanksNameMatchesFirstAndPages() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let hits = try await client.catalog.search("skillet", pageSize: 2).collect()
            let first = try #require(hits.first)
            #expect(first.product.id == Fixtures.skillet)
            #expect(first.matchedIn.first == .name)
            let page = try await client.catalog.searchPage("a", limit: 5)
            #expect(page.items.count == 5)
            #expect(try await client.catalog.search("a", pageSize: 50).collect().count == page.total)
        }
    }

    @Test func searchForgivesAndSuggests() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let typo = try await client.catalog.searchPage("wristwach")
            #expect(typo.items.first?.product.name == "Automatic Wristwatch" && typo.suggestion == nil)
            let nothing = try await client.catalog.searchPage("lamq")
            #expect(nothing.items.isEmpty && nothing.total == 0 && nothing.isLast)
            #expect(nothing.suggestion == "lamp")
            #expect(try await client.catalog.searchPage(try #require(nothing.suggestion)).total ?? 0 > 0)
            #expect(try await client.catalog.searchPage("zzzzzz").suggestion == nil)
        }
    }

    @Test("converts through EUR, rounding half to even", arguments: [
        (Money(amount: 1999, currency: .usd), CurrencyCode.eur, Int64(1768)),
        (Money(amount: 1999, currency: .usd), .jpy, 2235),
        (Money(amount: 1999, currency: .usd), .cad, 2675),
        (Money(amount: 1999, currency: .usd), .gbp, 1520),
        (Money(amount: 1999, currency: .usd), .try, 10830),
        (Money(amount: 2263, currency: .jpy), .usd, 2024),
        (Money(amount: 1000, currency: .eur), .usd, 1130),  // 1130.5 rounds to even
        (Money(amount: 3000, currency: .eur), .usd, 3392),  // 3391.5 rounds to even
        (Money(amount: 5000, currency: .eur), .gbp, 4298),  // 4298.5 rounds to even
    ])
    func currencyConversion(from money: Money, to target: CurrencyCode, expected: Int64) async throws {
        try await TestGateway.with { gateway in
            let converted = try await gateway.client().currency.convert(money, to: target)
            #expect(converted == Money(amount: expected, currency: target))
        }
    }

    @Test func pricesComeInTheRequestedCurrency() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let usd = try await client.catalog.product(id: Fixtures.skillet)
            let jpy = try await client.catalog.product(id: Fixtures.skillet, currency: .jpy)
            #expect(usd.price == Money(amount: 3499, currency: .usd))
            #expect(jpy.price.currency == .jpy)
            #expect(jpy.price == (try await client.currency.convert(usd.price, to: .jpy)))
            #expect(!jpy.price.formatted.contains("."))
            let currencies = try await client.currency.list()
            #expect(currencies.first { $0.code == .jpy }?.minorUnits == 0)
        }
    }

    @Test func unknownProductIsA404WithAUserMessage() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let error = await #expect(throws: ShopError.self) {
                try await client.catalog.product(id: "no-such-product")
            }
            #expect(error?.status == 404)
            #expect(error?.requestID != nil)
            #expect(error?.isRetryable == false)
            #expect(error?.userMessage.isEmpty == false)
        }
    }
}

@Suite("Recommendations, ads and administration through ShopKit")
struct DiscoveryAndAdminTests {
    @Test func recommendationsLeaveOutTheGivenProductsAndPreferTheirCategory() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let given = [Fixtures.skillet, Fixtures.coffeeSet]
            let recommended = try await client.recommendations.for(productIDs: given, currency: .gbp)
            #expect(!recommended.isEmpty)
            #expect(recommended.count <= 5)
            #expect(recommended.allSatisfy { !given.contains($0.id) })
            #expect(recommended.first?.category == "kitchen")
            #expect(recommended.allSatisfy { $0.price.currency == .gbp })
        }
    }

    @Test func adsFollowTheCategoriesInView() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let kitchen = try await client.ads.for(categories: ["kitchen"])
            #expect(!kitchen.isEmpty)
            #expect(kitchen.allSatisfy { $0.category == "kitchen" })
            #expect(try await client.ads.for().count == 2)
        }
    }

    @Test func adminCallsNeedTheAdminToken() async throws {
        try await TestGateway.with { gateway in
            let anonymous = gateway.client(adminToken: nil)
            let error = await #expect(throws: ShopError.self) { try await anonymous.admin.advanceClock(by: 1) }
            #expect(error?.status == 401 || error?.status == 403)
            #expect(gateway.recorder.attempts(of: "refreshSession").isEmpty, "admin calls never refresh a session")

            let wrong = gateway.client(adminToken: "adm_wrong")
            let wrongError = await #expect(throws: ShopError.self) { try await wrong.admin.activityPage() }
            #expect(wrongError?.status == 401 || wrongError?.status == 403)
        }
    }

    @Test func productCodesAreUnique() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let input = ProductInput(code: "DUP-1", name: "Twin", description: "", category: "home", priceUSD: 100, stock: 1)
            let created = try await client.admin.createProduct(input)
            #expect(created.price == Money(amount: 100, currency: .usd))
            let error = await #expect(throws: ShopError.self) { try await client.admin.createProduct(input) }
            #expect(error?.status == 409)
            let events = try await client.admin.activity(pageSize: 10).collect()
            #expect(events.contains { $0.kind == .productCreated && $0.subjectID == created.id })
        }
    }

    @Test func anInjectedHTTPClientIsLeftRunning() async throws {
        try await TestGateway.with { gateway in
            let httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
            let client = ShopClient(configuration: ShopClientConfiguration(baseURL: gateway.url), httpClient: httpClient)
            #expect(try await client.health().status == "ok")
            try await client.shutdown()
            let again = ShopClient(configuration: ShopClientConfiguration(baseURL: gateway.url), httpClient: httpClient)
            #expect(try await again.catalog.categories().count > 0, "the shared HTTP client still works")
            try await httpClient.shutdown()
        }
    }
}

import AsyncHTTPClient
