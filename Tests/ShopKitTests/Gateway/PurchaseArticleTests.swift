import Foundation
import ShopKit
import ShopMockServer
import Testing

/// The article `ShopKit.docc/Purchase.md` runs as written: the first test's body between the
/// markers is the article's code, and the second test fails if the two drift apart.
@Suite("Purchase article")
struct PurchaseArticleTests {
    @Test("the article's purchase runs as written")
    func theArticlesPurchaseRunsAsWritten() async throws {
        // BEGIN ARTICLE
        let gateway = try await MockGateway.start(GatewayConfiguration(port: 0))
        let client = ShopClient(configuration: ShopClientConfiguration(baseURL: gateway.url))
        let categories = try await client.catalog.categories()
        print(categories.map(\.name))
        for try await product in client.catalog.products(category: "kitchen", sort: .priceAscending, inStock: true) {
            print(product.name, product.price.formatted)
            if product.price.amount > 3000 { break }
        }
        let hits = try await client.catalog.searchPage("skillet", limit: 5)
        let skillet = hits.items[0].product
        var cart = try await client.cart.add(productID: skillet.id, quantity: 2)
        cart = try await client.cart.add(productID: skillet.id)
        print(cart.itemCount, cart.subtotal.formatted)
        let address = AddressInput(
            name: "Ada Lovelace", line1: "12 Analytical Row", city: "Springfield", region: "IL",
            postalCode: "62701", country: "US")
        let options = try await client.shipping.quote(address: address)
        for option in options {
            print(option.name, option.cost.formatted, "\(option.minDays)–\(option.maxDays) days")
        }
        let card = CardInput(number: "4242 4242 4242 4242", cvv: "123", expMonth: 12, expYear: 2099)
        if let problem = CardValidator.problem(with: card, at: Date()) {
            print(problem.message)
        }
        let idempotencyKey = ShopClient.makeIdempotencyKey()
        let placed = try await client.checkout.placeOrder(
            PlaceOrderRequest(email: "ada@example.com", address: address, shippingOption: .standard, card: card),
            idempotencyKey: idempotencyKey)
        let order = placed.order
        print(order.id, order.status.displayName, order.total.formatted)
        gateway.clock.advance(by: 3600)
        let tracking = try await client.orders.tracking(orderID: order.id)
        for event in tracking.events {
            print(event.status.displayName, event.location ?? "")
        }
        let invoice = try await client.orders.invoice(orderID: order.id)
        print(invoice.number, invoice.subtotal.formatted, invoice.shipping.formatted, invoice.total.formatted)
        await gateway.stop()
        // END ARTICLE
        #expect(invoice.total == order.total)
        #expect(cart.itemCount == 3)
        #expect(tracking.status == .delivered)
    }

    @Test("the test above is the article's code, verbatim")
    func theTestIsTheArticleVerbatim() throws {
        let testFile = URL(fileURLWithPath: #filePath)
        let article = testFile.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Sources/ShopKit/ShopKit.docc/Purchase.md")
        #expect(try Self.articleCode(String(contentsOf: article, encoding: .utf8))
            == Self.testCode(String(contentsOf: testFile, encoding: .utf8)))
    }

    /// The lines of the article's Swift code blocks, imports left out (they live at file scope).
    static func articleCode(_ markdown: String) -> [String] {
        var lines: [String] = []
        var inSwiftBlock = false
        for line in markdown.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                inSwiftBlock = !inSwiftBlock && line == "```swift"
                continue
            }
            if inSwiftBlock && !line.hasPrefix("import ") { lines.append(line) }
        }
        return lines
    }

    /// The lines between the markers of the first test, indentation removed.
    static func testCode(_ source: String) -> [String] {
        let lines = source.components(separatedBy: "\n")
        guard let begin = lines.firstIndex(where: { $0.hasSuffix("// BEGIN ARTICLE") }),
              let end = lines.firstIndex(where: { $0.hasSuffix("// END ARTICLE") }) else { return [] }
        return lines[(begin + 1)..<end].map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : $0 }
    }
}
