/// One search result: the product and where the query matched it.
public struct SearchHit: Sendable, Codable, Hashable, Identifiable {
    /// A part of a product a query can match.
    public enum Field: String, Sendable, Codable, Hashable, CaseIterable {
        /// The product name.
        case name
        /// The long description.
        case description
        /// The category.
        case category
    }

    /// The matching product.
    public var product: ProductSummary
    /// Where the query matched, best first.
    public var matchedIn: [Field]

    /// The product id identifies the hit.
    public var id: String { product.id }

    /// Creates a search hit.
    public init(product: ProductSummary, matchedIn: [Field]) {
        self.product = product
        self.matchedIn = matchedIn
    }
}
