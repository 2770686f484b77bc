/// Where an order is in its life.
///
/// Statuses are ordered along the progression
/// placed → paid → packed → shipped → in transit → out for delivery → delivered,
/// with cancelled last (an order can only be cancelled before it ships).
public enum OrderStatus: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    /// Accepted, not yet charged.
    case placed
    /// Charged.
    case paid
    /// Packed in the warehouse.
    case packed
    /// Handed to the carrier.
    case shipped
    /// On its way.
    case inTransit = "in_transit"
    /// With the courier for delivery today.
    case outForDelivery = "out_for_delivery"
    /// Delivered.
    case delivered
    /// Cancelled before shipping; stock returned and charge refunded.
    case cancelled

    /// The normal progression of an order, first to last.
    public static let progression: [OrderStatus] = [
        .placed, .paid, .packed, .shipped, .inTransit, .outForDelivery, .delivered,
    ]

    /// The status that normally follows this one, or `nil` at the end (delivered, cancelled).
    public var next: OrderStatus? {
        guard let index = OrderStatus.progression.firstIndex(of: self),
              index + 1 < OrderStatus.progression.count else { return nil }
        return OrderStatus.progression[index + 1]
    }

    /// True once nothing more will happen to the order.
    public var isFinal: Bool { self == .delivered || self == .cancelled }

    /// True once the order has left the warehouse (it can no longer be cancelled).
    public var hasShipped: Bool { self != .cancelled && self >= .shipped }

    /// A short label for people, e.g. "Out for delivery".
    public var displayName: String {
        switch self {
        case .placed: "Placed"
        case .paid: "Paid"
        case .packed: "Packed"
        case .shipped: "Shipped"
        case .inTransit: "In transit"
        case .outForDelivery: "Out for delivery"
        case .delivered: "Delivered"
        case .cancelled: "Cancelled"
        }
    }

    private var rank: Int { OrderStatus.allCases.firstIndex(of: self)! }

    /// Orders along the progression, cancelled last.
    public static func < (lhs: OrderStatus, rhs: OrderStatus) -> Bool { lhs.rank < rhs.rank }
}
