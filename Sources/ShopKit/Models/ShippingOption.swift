import Foundation

/// A priced shipping option for the cart to an address.
public struct ShippingOption: Sendable, Codable, Hashable, Identifiable {
    /// Which option.
    public var id: ShippingOptionID
    /// The display name, e.g. "Standard".
    public var name: String
    /// What it costs (0 for an empty cart).
    public var cost: Money
    /// The fewest days it takes.
    public var minDays: Int
    /// The most days it takes.
    public var maxDays: Int
    /// The latest expected delivery.
    public var estimatedDelivery: Date

    /// Creates a shipping option.
    public init(id: ShippingOptionID, name: String, cost: Money, minDays: Int, maxDays: Int, estimatedDelivery: Date) {
        self.id = id
        self.name = name
        self.cost = cost
        self.minDays = minDays
        self.maxDays = maxDays
        self.estimatedDelivery = estimatedDelivery
    }
}
