/// One page of a cursor-paged list.
public struct Page<Item> {
    /// The items of this page.
    public var items: [Item]
    /// The cursor of the next page; `nil` on the last page.
    public var nextCursor: String?

    /// Creates a page.
    public init(items: [Item], nextCursor: String? = nil) {
        self.items = items
        self.nextCursor = nextCursor
    }

    /// True when there is no page after this one.
    public var isLast: Bool { nextCursor == nil }
}

extension Page: Sendable where Item: Sendable {}
extension Page: Equatable where Item: Equatable {}
extension Page: Hashable where Item: Hashable {}
extension Page: Encodable where Item: Encodable {}
extension Page: Decodable where Item: Decodable {}
