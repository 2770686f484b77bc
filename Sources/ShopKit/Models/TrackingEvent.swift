import Foundation

/// One step of a shipment, e.g. "Out for delivery" at a time and place.
public struct TrackingEvent: Sendable, Codable, Hashable {
    /// The order status the step reached.
    public var status: OrderStatus
    /// When it happened.
    public var at: Date
    /// What happened.
    public var description: String
    /// Where, if known.
    public var location: String?

    /// Creates a tracking event.
    public init(status: OrderStatus, at: Date, description: String, location: String? = nil) {
        self.status = status
        self.at = at
        self.description = description
        self.location = location
    }
}
