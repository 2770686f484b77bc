import ShopKit

/// Pages of a cursor-paged list read up to a limit or to the real end (the last page is the one
/// without a next cursor, not the first short one).
public struct CollectedPages<Item: Sendable>: Sendable {
    /// The items read, in order.
    public var items: [Item]
    /// How many the whole list has, when the gateway said.
    public var total: Int?
    /// True when the list's end was reached (nothing left unread).
    public var reachedEnd: Bool
}

extension CollectedPages: Encodable where Item: Encodable {}

public enum PagingToEnd {
    /// Reads pages from `fetch` (given the cursor of the page to read, `nil` for the first) until
    /// `limit` items are read (`nil`: all of them) or the list ends. A cursor the gateway repeats
    /// ends the walk instead of looping forever.
    public static func collect<Item: Sendable>(
        limit: Int?, pageSize: Int = 100,
        _ fetch: (_ cursor: String?, _ pageLimit: Int) async throws(ShopError) -> Page<Item>
    ) async throws(ShopError) -> CollectedPages<Item> {
        var items: [Item] = []
        var total: Int?
        var cursor: String?
        var seen: Set<String> = []
        while true {
            let remaining = limit.map { max($0 - items.count, 0) } ?? pageSize
            if remaining == 0 {
                return CollectedPages(items: items, total: total, reachedEnd: total.map { items.count >= $0 } ?? false)
            }
            let page = try await fetch(cursor, min(remaining, pageSize))
            items.append(contentsOf: page.items.prefix(remaining))
            total = page.total ?? total
            guard let next = page.nextCursor, !page.items.isEmpty, seen.insert(next).inserted else {
                // The last page: the end is reached unless the limit cut it short.
                return CollectedPages(items: items, total: total, reachedEnd: page.items.count <= remaining)
            }
            cursor = next
        }
    }
}
