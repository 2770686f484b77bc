/// What an inbox message is about. A kind this version does not know is kept as ``unknown(_:)``.
public enum NotificationKind: OpenEnum, CaseIterable {
    /// An order was placed.
    case orderConfirmation
    /// An order moved on its way.
    case shippingUpdate
    /// An order was cancelled.
    case orderCancelled
    /// Welcome to a new account.
    case welcome
    /// A kind this version of ShopKit does not know (the raw value as sent).
    case unknown(String)

    public static let known: [NotificationKind] = [.orderConfirmation, .shippingUpdate, .orderCancelled, .welcome]
    /// The known kinds.
    public static var allCases: [NotificationKind] { known }

    public var knownRawValue: String? {
        switch self {
        case .orderConfirmation: "order_confirmation"
        case .shippingUpdate: "shipping_update"
        case .orderCancelled: "order_cancelled"
        case .welcome: "welcome"
        case .unknown: nil
        }
    }

    public var rawValue: String {
        if case .unknown(let raw) = self { return raw }
        return knownRawValue!
    }
}
