/// A product as it appears in a listing: price and stock, without the long description.
public struct ProductSummary: Sendable, Codable, Hashable, Identifiable {
    /// The product id.
    public var id: String
    /// The unique product code (SKU).
    public var code: String
    /// The name.
    public var name: String
    /// The category id.
    public var category: String
    /// The price in the requested currency.
    public var price: Money
    /// Average rating out of 5.
    public var rating: Double
    /// How many ratings the average is over.
    public var ratingCount: Int
    /// Units on hand.
    public var stock: Int
    /// Whether it can be bought now.
    public var availability: Availability

    /// Creates a product summary.
    public init(id: String, code: String, name: String, category: String, price: Money, rating: Double,
                ratingCount: Int, stock: Int, availability: Availability) {
        self.id = id
        self.code = code
        self.name = name
        self.category = category
        self.price = price
        self.rating = rating
        self.ratingCount = ratingCount
        self.stock = stock
        self.availability = availability
    }
}
