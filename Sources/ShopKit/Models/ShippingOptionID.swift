/// A way to ship an order.
public enum ShippingOptionID: String, Sendable, Codable, Hashable, CaseIterable {
    /// The cheap, slower option.
    case standard
    /// The faster, dearer option.
    case express
}
