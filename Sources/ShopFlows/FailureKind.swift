import ShopKit

/// What a failed ShopKit call means for whoever asked, in the few kinds both front ends react
/// to: the full-screen client shows a banner per kind, the command line exits with a code per kind.
public enum FailureKind: String, Sendable, Hashable, CaseIterable {
    /// The gateway could not be reached or did not answer in time (the request may not have arrived).
    case unreachable
    /// The gateway is there but busy or failing (408, 429, 5xx, or the same idempotency key
    /// still being handled): trying again later may work.
    case unavailable
    /// The session is gone or the credentials are wrong (401).
    case signInNeeded = "sign-in-needed"
    /// The card was refused (402).
    case paymentRefused = "payment-refused"
    /// No such product, order, address or message (404).
    case notFound = "not-found"
    /// Stock ran out, the order can no longer be cancelled, the e-mail is taken (409).
    case conflict
    /// The request itself was wrong (400, 422).
    case invalidInput = "invalid-input"
    /// Anything else: an answer that could not be read, a cancelled call, an unexpected status.
    case other

    /// The kind of `error`.
    public init(_ error: ShopError) {
        switch error {
        case .transport, .timeout:
            self = .unreachable
        case .cancelled, .decoding, .invalidAnswer:
            self = .other
        case .server(let problem):
            switch problem.status {
            case 401: self = .signInNeeded
            case 402: self = .paymentRefused
            case 404: self = .notFound
            // Still being handled under the same key: not a conflict with the cart or stock.
            case 409 where problem.code == .idempotencyKeyInFlight: self = .unavailable
            case 409: self = .conflict
            case 400, 422: self = .invalidInput
            case 408, 429, 500...599: self = .unavailable
            default: self = .other
            }
        }
    }
}
