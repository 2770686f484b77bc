/// What an inbox message is about.
public enum NotificationKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// An order was placed.
    case orderConfirmation = "order_confirmation"
    /// An order moved on its way.
    case shippingUpdate = "shipping_update"
    /// An order was cancelled.
    case orderCancelled = "order_cancelled"
    /// Welcome to a new account.
    case welcome
}
