/// One page of a cursor-paged list.
public struct Page<Item> {
    /// The items of this page.
    public var items: [Item]
    /// The cursor of the next page; `nil` on the last page.
    public var nextCursor: String?
    /// How many items the whole list has, when the gateway says (product listings and search).
    public var total: Int?
    /// Items of the gateway's page left out because they break the contract (a negative stock,
    /// a rating above 5): one bad item is reported here instead of failing the whole page.
    public var skipped: [ContractViolation]

    /// Creates a page.
    public init(items: [Item], nextCursor: String? = nil, total: Int? = nil, skipped: [ContractViolation] = []) {
        self.items = items
        self.nextCursor = nextCursor
        self.total = total
        self.skipped = skipped
    }

    /// True when there is no page after this one.
    public var isLast: Bool { nextCursor == nil }
}

extension Page: Sendable where Item: Sendable {}
extension Page: Equatable where Item: Equatable {}
extension Page: Hashable where Item: Hashable {}
extension Page: Encodable where Item: Encodable {}
extension Page: Decodable where Item: Decodable {}
