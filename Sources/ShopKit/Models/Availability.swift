/// Whether a product can be bought now: above 5 units in stock, 1 to 5 low, 0 out.
public enum Availability: String, Sendable, Codable, Hashable, CaseIterable {
    /// More than 5 units on hand.
    case inStock = "in_stock"
    /// 1 to 5 units on hand.
    case lowStock = "low_stock"
    /// None on hand.
    case outOfStock = "out_of_stock"

    /// True unless out of stock.
    public var canBuy: Bool { self != .outOfStock }
}
