import Foundation
import HTTPTypes
import OpenAPIRuntime

/// One bad item must not fail a whole list: the generated wire layer decodes a page in one go,
/// so a wrong type inside one product would turn the page into `.decoding`. Before it does,
/// this middleware decodes each item of a list answer on its own, cuts out the ones that do not
/// decode, and records them in the call's ``UndecodableItems``. Single values are untouched:
/// they are refused whole, as before.
struct ListItemToleranceMiddleware: ClientMiddleware {
    /// Decodes an operation's answer: the whole page at once, or one item of its `items` array.
    struct ItemCheck: Sendable {
        /// Throws when some item of the page does not decode (or the page has no `items`).
        let page: @Sendable (Data) throws -> Void
        /// Throws why one item does not decode.
        let item: @Sendable (Data) throws -> Void
    }

    /// Larger answers are left to the wire layer, which refuses them as it always did.
    static let maximumAnswerBytes = 32 * 1024 * 1024

    /// The list operations of the contract and the schema of their items.
    static let itemChecks: [String: ItemCheck] = [
        "listCategories": decodes(Components.Schemas.Category.self),
        "listProducts": decodes(Components.Schemas.ProductSummary.self),
        "searchProducts": decodes(Components.Schemas.SearchHit.self),
        "listRecommendations": decodes(Components.Schemas.ProductSummary.self),
        "listOrders": decodes(Components.Schemas.OrderSummary.self),
        "listNotifications": decodes(Components.Schemas.Notification.self),
        "listAds": decodes(Components.Schemas.Ad.self),
        "listActivity": decodes(Components.Schemas.ActivityEvent.self),
        "adminListActivity": decodes(Components.Schemas.ActivityEvent.self),
        "listAddresses": decodes(Components.Schemas.Address.self),
        "listCurrencies": decodes(Components.Schemas.Currency.self),
    ]

    /// Only the `items` of a page: what the whole-page check decodes.
    private struct Items<Item: Decodable>: Decodable {
        let items: [Item]
    }

    private static func decodes<Item: Decodable & Sendable>(_ type: Item.Type) -> ItemCheck {
        ItemCheck(
            page: { data in _ = try itemDecoder().decode(Items<Item>.self, from: data) },
            item: { data in _ = try itemDecoder().decode(Item.self, from: data) }
        )
    }

    /// Decodes as the wire layer does (OpenAPIRuntime's converter): dates through the same
    /// transcoder, so an item is cut out only when the wire layer would refuse it.
    private static func itemDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        let transcoder = FlexibleISO8601DateTranscoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            try transcoder.decode(try decoder.singleValueContainer().decode(String.self))
        }
        return decoder
    }

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let (response, answer) = try await next(request, body, baseURL)
        guard let check = Self.itemChecks[operationID], response.status.kind == .successful,
            let answer, let recorder = UndecodableItems.current
        else { return (response, answer) }
        let data = try await Data(collecting: answer, upTo: Self.maximumAnswerBytes)
        guard let pruned = Self.pruned(data, operation: operationID, check: check) else {
            return (response, HTTPBody(data))
        }
        recorder.record(pruned.violations, removedIndices: pruned.removedIndices)
        var changed = response
        changed.headerFields[.contentLength] = String(pruned.body.count)
        return (changed, HTTPBody(pruned.body))
    }

    /// The answer without its undecodable items, or nil when every item decodes (or the
    /// answer is not a JSON object with an `items` array: the wire layer then says why).
    static func pruned(_ data: Data, operation: String, check: ItemCheck)
        -> (body: Data, violations: [ContractViolation], removedIndices: [Int])?
    {
        // The usual answer, every item good, costs one decode; only a page that fails it is
        // taken apart item by item.
        if (try? check.page(data)) != nil { return nil }
        guard var object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let items = object["items"] as? [Any]
        else { return nil }
        var kept: [Any] = []
        var violations: [ContractViolation] = []
        var removed: [Int] = []
        for (index, item) in items.enumerated() {
            do {
                try check.item(try JSONSerialization.data(withJSONObject: item, options: [.fragmentsAllowed]))
                kept.append(item)
            } catch {
                let (field, rule) = describe(error)
                violations.append(ContractViolation(operation: operation, field: "items[\(index)]" + field, rule: rule))
                removed.append(index)
            }
        }
        guard !removed.isEmpty else { return nil }
        object["items"] = kept
        guard let body = try? JSONSerialization.data(withJSONObject: object) else { return nil }
        return (body, violations, removed)
    }

    /// Where in the item the decoding failed (`.price.amount`) and what was wrong there.
    static func describe(_ error: any Error) -> (field: String, rule: String) {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
        }
        switch error as? DecodingError {
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "must be \(wireName(of: type))")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "must be \(wireName(of: type)), was null")
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "is required")
        case .dataCorrupted(let context):
            return (path(context.codingPath), context.debugDescription)
        case nil, .some:
            return ("", "is not a valid item")
        }
    }

    private static func wireName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        default: "\(type)"
        }
    }
}
