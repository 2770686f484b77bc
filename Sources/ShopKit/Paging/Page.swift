/// One page of a cursor-paged list.
///
/// Every list of ShopKit is paged the same way: `noun(…)` is a ``PagedSequence`` of every
/// item and `nounPage(…, cursor:limit:)` answers one `Page` (``CatalogService/products(category:sort:inStock:currency:pageSize:)``
/// and ``CatalogService/productsPage(category:sort:inStock:currency:cursor:limit:)``,
/// ``OrdersService/list(pageSize:)`` and ``OrdersService/listPage(cursor:limit:)``, …).
/// ``next()`` fetches the page after this one with the same filter and size.
///
/// ```swift
/// var page: Page? = try await client.orders.listPage(limit: 10)
/// while let current = page {
///     print("\(current.items.count) of \(current.total ?? 0) orders")
///     page = try await current.next()
/// }
/// ```
public struct Page<Item> {
    /// Fetches the page at a cursor (`nil` for the first page).
    public typealias Fetcher = @Sendable (_ cursor: String?) async throws(ShopError) -> Page<Item>

    /// The items of this page.
    public var items: [Item]
    /// The cursor of the next page; `nil` on the last page.
    public var nextCursor: String?
    /// How many items the whole list has, when the gateway says (every list of today's
    /// gateway does; an older one left it out of orders, inbox and activity pages).
    public var total: Int?
    /// For inbox pages: the unread messages of the whole inbox (not just this page).
    public var unreadCount: Int?
    /// For search pages, only when nothing matched: a corrected query that finds products with
    /// the same filters (`"lamp"` for `"lamq"`). See the search rules in the contract.
    public var suggestion: String?
    /// Items of the gateway's page left out because they break the contract (a negative stock,
    /// a rating above 5): one bad item is reported here instead of failing the whole page.
    public var skipped: [ContractViolation]
    /// Fetches the following pages; set by the service that answered this page.
    private var fetcher: FetcherBox?

    /// Creates a page; `fetcher` (when given) is what ``next()`` calls with ``nextCursor``.
    public init(items: [Item], nextCursor: String? = nil, total: Int? = nil, unreadCount: Int? = nil,
                suggestion: String? = nil, skipped: [ContractViolation] = [], fetcher: Fetcher? = nil) {
        self.items = items
        self.nextCursor = nextCursor
        self.total = total
        self.unreadCount = unreadCount
        self.suggestion = suggestion
        self.skipped = skipped
        self.fetcher = fetcher.map(FetcherBox.init)
    }

    /// True when there is no page after this one.
    public var isLast: Bool { nextCursor == nil }

    /// The page after this one, with the same filter and page size; `nil` on the last page (or
    /// for a page made without a fetcher).
    public func next() async throws(ShopError) -> Page<Item>? {
        guard let nextCursor, let fetcher else { return nil }
        return try await fetcher.fetch(nextCursor)
    }

    /// This page, with `fetcher` to fetch the ones after it.
    func fetching(with fetcher: @escaping Fetcher) -> Page<Item> {
        var page = self
        page.fetcher = FetcherBox(fetch: fetcher)
        return page
    }

    /// Holds the fetcher so that a page's equality, hash and encoding are those of its contents.
    private struct FetcherBox {
        let fetch: Fetcher
    }
}

extension Page: Sendable where Item: Sendable {}

extension Page: Equatable where Item: Equatable {
    /// Pages are equal when their contents are, however they were fetched.
    public static func == (lhs: Page, rhs: Page) -> Bool {
        lhs.items == rhs.items && lhs.nextCursor == rhs.nextCursor && lhs.total == rhs.total
            && lhs.unreadCount == rhs.unreadCount && lhs.suggestion == rhs.suggestion && lhs.skipped == rhs.skipped
    }
}

extension Page: Hashable where Item: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(items)
        hasher.combine(nextCursor)
        hasher.combine(total)
        hasher.combine(unreadCount)
        hasher.combine(suggestion)
        hasher.combine(skipped)
    }
}

extension Page {
    fileprivate enum CodingKeys: String, CodingKey {
        case items, nextCursor, total, unreadCount, suggestion, skipped
    }
}

extension Page: Decodable where Item: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            items: try container.decode([Item].self, forKey: .items),
            nextCursor: try container.decodeIfPresent(String.self, forKey: .nextCursor),
            total: try container.decodeIfPresent(Int.self, forKey: .total),
            unreadCount: try container.decodeIfPresent(Int.self, forKey: .unreadCount),
            suggestion: try container.decodeIfPresent(String.self, forKey: .suggestion),
            skipped: try container.decodeIfPresent([ContractViolation].self, forKey: .skipped) ?? [])
    }
}

extension Page: Encodable where Item: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encodeIfPresent(nextCursor, forKey: .nextCursor)
        try container.encodeIfPresent(total, forKey: .total)
        try container.encodeIfPresent(unreadCount, forKey: .unreadCount)
        try container.encodeIfPresent(suggestion, forKey: .suggestion)
        try container.encode(skipped, forKey: .skipped)
    }
}
