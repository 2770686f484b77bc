/// Units on hand of one product.
public struct StockLevel: Sendable, Codable, Hashable {
    /// The product.
    public var productID: String
    /// Units on hand.
    public var onHand: Int
    /// Whether it can be bought now.
    public var availability: Availability

    /// Creates a stock level.
    public init(productID: String, onHand: Int, availability: Availability) {
        self.productID = productID
        self.onHand = onHand
        self.availability = availability
    }
}
