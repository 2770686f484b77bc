import Foundation
import ShopKit
import ShopMockServer
import Testing

/// The article `ShopKit.docc/GettingStarted.md` runs as written against a gateway on loopback:
/// the function between the markers is the article's code, and the second test fails if the two
/// drift apart. The article's code uses ShopKit alone; only this harness starts the gateway.
@Suite("Getting started article")
struct GettingStartedArticleTests {
    /// What the article's code ends with, for the expectations.
    struct Outcome {
        var guestCartItems: Int
        var accountCartItems: Int
        var declinedMatched: Bool
        var orderStatus: OrderStatus
        var kitchenSeen: Int
        var trackingEvents: Int
        var rawStatus: Int
        var signedOutAsGuest: Bool
        var suggestion: String?
    }

    @Test("the article's walk-through runs as written against a running gateway")
    func theArticleRunsAsWritten() async throws {
        try await TestGateway.with { gateway in
            let outcome = try await Self.article(gatewayURL: gateway.url.absoluteString)
            #expect(outcome.guestCartItems == 2)
            #expect(outcome.accountCartItems == 2)
            #expect(outcome.declinedMatched)
            #expect(outcome.orderStatus == .placed || outcome.orderStatus == .paid)
            #expect(outcome.kitchenSeen >= 8)
            #expect(outcome.trackingEvents >= 1)
            #expect(outcome.rawStatus == 200)
            #expect(outcome.signedOutAsGuest)
            #expect(outcome.suggestion == "lamp")
        }
    }

    // The article's `let gatewayURL = "http://127.0.0.1:8080"` is this function's parameter.
    static func article(gatewayURL: String) async throws -> Outcome {
        var declinedMatched = false
        // BEGIN ARTICLE
        let client = ShopClient(baseURL: URL(string: gatewayURL)!)
        let health = try await client.health()
        print("gateway", health.version)
        let hits = try await client.catalog.searchPage("skillet", limit: 5)
        print(hits.total ?? 0, "hits for skillet")
        let skillet = hits.items[0].product
        let nothing = try await client.catalog.searchPage("lamq")
        print("nothing for lamq; did you mean", nothing.suggestion ?? "-")
        var cart = try await client.cart.add(productID: skillet.id, quantity: 2)
        print(cart.itemCount, cart.subtotal.formatted)
        print(await client.sessions.current?.isGuest == true)
        let guestCartItems = cart.itemCount
        let email = "grace-\(UUID().uuidString.prefix(8).lowercased())@example.com"
        try await client.sessions.register(email: email, password: "correct horse battery", name: "Grace Hopper")
        cart = try await client.cart.get()
        print(cart.itemCount, "items in the account's cart")
        let address = AddressInput(
            name: "Grace Hopper", line1: "1 Harbor Way", city: "Arlington", region: "VA",
            postalCode: "22201", country: "US")
        let declinedCard = CardInput(number: "4000 0000 0000 0002", cvv: "123", expMonth: 12, expYear: 2099)
        do {
            _ = try await client.checkout.placeOrder(PlaceOrderRequest(email: email, address: address, card: declinedCard))
        } catch {
            guard error.isCardDeclined else { throw error }
            print(error.problemCode == .cardDeclined, error.localizedDescription)
            declinedMatched = error.problemCode == .cardDeclined
        }
        let card = CardInput(number: "4242 4242 4242 4242", cvv: "123", expMonth: 12, expYear: 2099)
        let placed = try await client.checkout.placeOrder(PlaceOrderRequest(email: email, address: address, card: card))
        print(placed.order.id, placed.order.status.displayName, placed.order.total.formatted)
        for try await order in client.orders.list() {
            print(order.id, order.total.formatted)
        }
        var page: Page<ProductSummary>? = try await client.catalog.productsPage(category: "kitchen", limit: 4)
        var seen = 0
        while let current = page, seen < 8 {
            seen += current.items.count
            print("\(seen) of \(current.total ?? 0) kitchen products")
            page = try await current.next()
        }
        let tracking = try await client.orders.tracking(orderID: placed.order.id)
        print(tracking.status.displayName, tracking.events.count, "events")
        let (order, raw) = try await client.withRawResponse { try await client.orders.get(id: placed.order.id) }
        print(order.id, raw.status, raw.requestID ?? "-", raw.body.count, "bytes")
        try await client.sessions.signOut()
        // END ARTICLE
        return Outcome(
            guestCartItems: guestCartItems, accountCartItems: cart.itemCount, declinedMatched: declinedMatched,
            orderStatus: order.status, kitchenSeen: seen, trackingEvents: tracking.events.count, rawStatus: raw.status,
            signedOutAsGuest: await client.sessions.current?.isGuest ?? true, suggestion: nothing.suggestion)
    }

    @Test("the function above is the article's code, verbatim")
    func theCodeIsTheArticleVerbatim() throws {
        let testFile = URL(fileURLWithPath: #filePath)
        let article = GeneratedCodeFreshnessTests.root.appendingPathComponent("Sources/ShopKit/ShopKit.docc/GettingStarted.md")
        let articleLines = Self.articleCode(try String(contentsOf: article, encoding: .utf8))
        #expect(articleLines.count > 40)
        #expect(articleLines == Self.testCode(try String(contentsOf: testFile, encoding: .utf8)))
    }

    /// The lines of the article's Swift code, leaving out imports, the manifest excerpt (a block
    /// that starts with `// Package.swift`) and the gateway's address (the harness's parameter).
    static func articleCode(_ markdown: String) -> [String] {
        var lines: [String] = []
        var inSwiftBlock = false
        var skippingBlock = false
        for line in markdown.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                inSwiftBlock = !inSwiftBlock && line == "```swift"
                skippingBlock = false
                continue
            }
            guard inSwiftBlock else { continue }
            if line == "// Package.swift" { skippingBlock = true }
            if skippingBlock || line.hasPrefix("import ") || line.hasPrefix("let gatewayURL = ") { continue }
            lines.append(line)
        }
        return lines
    }

    /// The lines between the markers, indentation removed, without the harness's bookkeeping
    /// (lines that set what the expectations read: `let guestCartItems`, `declinedMatched = `).
    static func testCode(_ source: String) -> [String] {
        let lines = source.components(separatedBy: "\n")
        guard let begin = lines.firstIndex(where: { $0.hasSuffix("// BEGIN ARTICLE") }),
              let end = lines.firstIndex(where: { $0.hasSuffix("// END ARTICLE") }) else { return [] }
        return lines[(begin + 1)..<end]
            .map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : $0 }
            .filter { !$0.contains("let guestCartItems = ") && !$0.contains("declinedMatched = ") }
    }
}
