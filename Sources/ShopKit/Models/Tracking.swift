import Foundation

/// The tracking of an order's shipment.
public struct Tracking: Sendable, Codable, Hashable {
    /// The carrier's tracking id.
    public var trackingID: String
    /// The order shipped.
    public var orderID: String
    /// The current status.
    public var status: OrderStatus
    /// The expected delivery, if known.
    public var estimatedDelivery: Date?
    /// The steps so far, oldest first.
    public var events: [TrackingEvent]

    /// Creates a tracking value.
    public init(trackingID: String, orderID: String, status: OrderStatus, estimatedDelivery: Date? = nil,
                events: [TrackingEvent]) {
        self.trackingID = trackingID
        self.orderID = orderID
        self.status = status
        self.estimatedDelivery = estimatedDelivery
        self.events = events
    }
}
