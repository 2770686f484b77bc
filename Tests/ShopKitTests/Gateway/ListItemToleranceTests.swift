import Foundation
import HTTPTypes
import OpenAPIRuntime
import ShopKit
import Testing

/// Rewrites chosen items of one operation's `items` array, as a buggy or newer gateway might.
private struct ItemRewriter: ClientMiddleware {
    let operation: String
    let rewrite: @Sendable (inout [[String: Any]]) -> Void

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let (response, answer) = try await next(request, body, baseURL)
        guard operationID == operation, let answer else { return (response, answer) }
        let data = try await Data(collecting: answer, upTo: 1 << 24)
        guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            var items = object["items"] as? [[String: Any]]
        else { return (response, HTTPBody(data)) }
        rewrite(&items)
        object["items"] = items
        var changed = response
        changed.headerFields[.contentLength] = nil
        return (changed, HTTPBody(try JSONSerialization.data(withJSONObject: object)))
    }
}

@Suite("One bad item never fails a list")
struct ListItemToleranceTests {
    @Test func wrongTypesAndNullsInsideItemsAreSkippedAndReported() async throws {
        try await TestGateway.with { gateway in
            let honest = try await gateway.client().catalog.productsPage(limit: 8)
            let faults = ItemRewriter(operation: "listProducts") { items in
                var price = items[1]["price"] as! [String: Any]
                price["amount"] = "12.99"  // a string where the contract says integer
                items[1]["price"] = price
                items[3]["stock"] = NSNull()  // null where a count is required
                items[4]["stock"] = -1  // decodes, but breaks `minimum: 0`
                items[6].removeValue(forKey: "name")  // a required field missing
            }
            let page = try await gateway.client(faults: [faults]).catalog.productsPage(limit: 8)
            #expect(page.items.map(\.id) == [0, 2, 5, 7].map { honest.items[$0].id })
            // Each bad item is named by its place in the gateway's answer and what is wrong.
            let skipped = Set(page.skipped.map(\.field))
            #expect(skipped == ["items[1].price.amount", "items[3].stock", "items[4].stock", "items[6].name"], "\(page.skipped)")
            #expect(page.skipped.allSatisfy { $0.operation == "listProducts" })
            #expect(page.skipped.first { $0.field == "items[1].price.amount" }?.rule == "must be an integer")
            #expect(page.nextCursor == honest.nextCursor && page.total == honest.total)
        }
    }

    @Test func aBadHitOrOrderLeavesTheRestOfItsPage() async throws {
        try await TestGateway.with { gateway in
            let honest = try await gateway.client().catalog.searchPage("set", limit: 5)
            #expect(honest.items.count >= 3)
            let faults = ItemRewriter(operation: "searchProducts") { items in
                items[0]["matchedIn"] = "name"  // a string where an array is expected
            }
            let page = try await gateway.client(faults: [faults]).catalog.searchPage("set", limit: 5)
            #expect(page.items.map(\.product.id) == honest.items.dropFirst().map(\.product.id))
            #expect(page.skipped.map(\.field) == ["items[0].matchedIn"])
        }
    }

    @Test func listsWithoutPagesKeepTheirGoodItems() async throws {
        try await TestGateway.with { gateway in
            let honest = try await gateway.client().catalog.categories()
            let faults = ItemRewriter(operation: "listCategories") { items in items[0]["productCount"] = true }
            let categories = try await gateway.client(faults: [faults]).catalog.categories()
            #expect(categories.map(\.id) == honest.dropFirst().map(\.id))
        }
    }

    @Test func anAnswerWithNoBadItemIsPassedOnUntouched() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let first = try await client.catalog.productsPage(limit: 20)
            #expect(first.skipped.isEmpty && first.items.count == 20)
        }
    }
}
