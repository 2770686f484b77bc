/// The fields of a product an administrator creates or replaces.
public struct ProductInput: Sendable, Codable, Hashable {
    /// The unique product code (letters, digits, `_` and `-`).
    public var code: String
    /// The name.
    public var name: String
    /// The long description.
    public var description: String
    /// The category id.
    public var category: String
    /// The price in US cents (other currencies are converted from it).
    public var priceUSD: Int64
    /// Units on hand.
    public var stock: Int
    /// Average rating out of 5, if known.
    public var rating: Double?
    /// How many ratings, if known.
    public var ratingCount: Int?

    /// Creates product fields.
    public init(code: String, name: String, description: String, category: String, priceUSD: Int64, stock: Int,
                rating: Double? = nil, ratingCount: Int? = nil) {
        self.code = code
        self.name = name
        self.description = description
        self.category = category
        self.priceUSD = priceUSD
        self.stock = stock
        self.rating = rating
        self.ratingCount = ratingCount
    }
}
