import Foundation

/// One change of an order's status.
public struct OrderEvent: Sendable, Codable, Hashable {
    /// The status reached.
    public var status: OrderStatus
    /// When.
    public var at: Date
    /// An optional remark.
    public var note: String?

    /// Creates an order event.
    public init(status: OrderStatus, at: Date, note: String? = nil) {
        self.status = status
        self.at = at
        self.note = note
    }
}
