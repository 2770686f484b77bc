/// Where an order is in its life.
///
/// Statuses are ordered along the progression
/// placed → paid → packed → shipped → in transit → out for delivery → delivered,
/// with cancelled last (an order can only be cancelled before it ships). A status this version
/// does not know (a newer gateway's) is kept as ``unknown(_:)``, shown by its own name, ordered
/// before cancelled, and never taken as final or shipped.
public enum OrderStatus: OpenEnum, CaseIterable, Comparable {
    /// Accepted, not yet charged.
    case placed
    /// Charged.
    case paid
    /// Packed in the warehouse.
    case packed
    /// Handed to the carrier.
    case shipped
    /// On its way.
    case inTransit
    /// With the courier for delivery today.
    case outForDelivery
    /// Delivered.
    case delivered
    /// Cancelled before shipping; stock returned and charge refunded.
    case cancelled
    /// A status this version of ShopKit does not know (the raw value as sent).
    case unknown(String)

    public static let known: [OrderStatus] = [
        .placed, .paid, .packed, .shipped, .inTransit, .outForDelivery, .delivered, .cancelled,
    ]
    /// The known statuses.
    public static var allCases: [OrderStatus] { known }

    public var knownRawValue: String? {
        switch self {
        case .placed: "placed"
        case .paid: "paid"
        case .packed: "packed"
        case .shipped: "shipped"
        case .inTransit: "in_transit"
        case .outForDelivery: "out_for_delivery"
        case .delivered: "delivered"
        case .cancelled: "cancelled"
        case .unknown: nil
        }
    }

    public var rawValue: String {
        if case .unknown(let raw) = self { return raw }
        return knownRawValue!
    }

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
    public var hasShipped: Bool { isKnown && self != .cancelled && self >= .shipped }

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
        case .unknown(let raw): OrderStatus.label(forUnknown: raw)
        }
    }

    /// Known statuses by their place; an unknown one sits after delivered, before cancelled
    /// (unknown ones among themselves by raw value, so the order is total).
    private var rank: Int {
        guard let index = OrderStatus.known.firstIndex(of: self) else { return OrderStatus.progression.count * 2 - 1 }
        return index * 2
    }

    /// Orders along the progression, unknown statuses next, cancelled last.
    public static func < (lhs: OrderStatus, rhs: OrderStatus) -> Bool {
        if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
        return lhs.rawValue < rhs.rawValue
    }
}
