import Foundation

enum NotificationKind: String, Codable, Sendable {
    case orderConfirmation = "order_confirmation"
    case shippingUpdate = "shipping_update"
    case orderCancelled = "order_cancelled"
    case welcome
}

/// A message in a shopper's inbox (the mock's stand-in for email).
struct NotificationRecord: Codable, Sendable {
    var id: String
    var userId: String
    var kind: NotificationKind
    var title: String
    var body: String
    var orderId: String?
    var createdAt: Date
    var read: Bool
    /// Insertion order, for a stable newest-first listing.
    var sequence: Int
}
