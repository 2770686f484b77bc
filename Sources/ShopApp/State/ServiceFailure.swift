/// Why a gateway call failed, reduced to what the app reacts to. Effects translate ShopKit's
/// errors into this so that state and actions stay simple, comparable values.
public struct ServiceFailure: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The gateway could not be reached or did not answer: the request may not have
        /// arrived, so it is safe to retry (with the same idempotency key).
        case network
        /// The session is no longer valid, or the credentials are wrong.
        case unauthorized
        case notFound
        /// Stock, duplicate or status conflicts (409).
        case conflict
        /// The card was declined (402).
        case paymentDeclined
        /// Field errors (400/422).
        case validation
        /// The gateway is busy (503).
        case unavailable
        case other
    }

    public var kind: Kind
    /// A sentence for people, as the gateway worded it where it gave one.
    public var message: String
    /// Field errors keyed by the gateway's dotted path, e.g. `card.number`, `address.postalCode`.
    public var fieldErrors: [String: String]
    /// For stock conflicts: the product concerned and the units that can still be had.
    public var productID: String?
    public var available: Int?

    public init(kind: Kind, message: String, fieldErrors: [String: String] = [:], productID: String? = nil, available: Int? = nil) {
        self.kind = kind
        self.message = message
        self.fieldErrors = fieldErrors
        self.productID = productID
        self.available = available
    }

    /// True when the request may never have reached the gateway.
    public var isRetryable: Bool { kind == .network || kind == .unavailable }
}
