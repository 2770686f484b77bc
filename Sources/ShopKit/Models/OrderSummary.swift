import Foundation

/// An order as it appears in the order history.
public struct OrderSummary: Sendable, Codable, Hashable, Identifiable {
    /// The order id.
    public var id: String
    /// Where the order is now.
    public var status: OrderStatus
    /// When it was placed.
    public var placedAt: Date
    /// What was charged.
    public var total: Money
    /// Total units ordered.
    public var itemCount: Int

    /// Creates an order summary.
    public init(id: String, status: OrderStatus, placedAt: Date, total: Money, itemCount: Int) {
        self.id = id
        self.status = status
        self.placedAt = placedAt
        self.total = total
        self.itemCount = itemCount
    }
}
