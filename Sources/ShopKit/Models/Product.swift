import Foundation

/// A product with its full description and current stock.
public struct Product: Sendable, Codable, Hashable, Identifiable {
    /// The product id.
    public var id: String
    /// The unique product code (SKU).
    public var code: String
    /// The name.
    public var name: String
    /// The long description.
    public var description: String
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
    /// When the product last changed.
    public var updatedAt: Date

    /// Creates a product value.
    public init(id: String, code: String, name: String, description: String, category: String, price: Money,
                rating: Double, ratingCount: Int, stock: Int, availability: Availability, updatedAt: Date) {
        self.id = id
        self.code = code
        self.name = name
        self.description = description
        self.category = category
        self.price = price
        self.rating = rating
        self.ratingCount = ratingCount
        self.stock = stock
        self.availability = availability
        self.updatedAt = updatedAt
    }

    /// The listing view of this product.
    public var summary: ProductSummary {
        ProductSummary(id: id, code: code, name: name, category: category, price: price, rating: rating,
                       ratingCount: ratingCount, stock: stock, availability: availability)
    }
}
