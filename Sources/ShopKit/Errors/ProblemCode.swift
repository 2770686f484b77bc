/// The kind of problem the gateway answered with: the last segment of the problem's `type`
/// (`https://shop.example/problems/out-of-stock` is ``outOfStock``).
///
/// The cases are the contract's `ProblemCode` list (`docs/openapi.yaml`); ``init(wire:)``
/// switches over the code generated from it, so a code added to the contract does not compile
/// until it has a case here. A code a newer gateway sends that this version does not know is
/// kept as ``unknown(_:)``: handle it by ``ProblemDetails/status``.
///
/// ```swift
/// do { try await client.checkout.placeOrder(order) }
/// catch let error where error.problemCode == .cardDeclined { askForAnotherCard() }
/// ```
public enum ProblemCode: OpenEnum, CaseIterable {
    /// 400: malformed JSON, a wrong type, a missing field or header, a bad cursor.
    case badRequest
    /// 422: the request is well formed but its values are not; see ``ShopError/fieldErrors``.
    case validationFailed
    /// 401: no session, or one the gateway refused.
    case unauthorized
    /// 401: the access token expired (ShopKit refreshes it once by itself).
    case tokenExpired
    /// 403: the caller may not do that.
    case forbidden
    /// 404: no such product, order, address or message.
    case notFound
    /// 404: no such path.
    case routeNotFound
    /// 405: the path does not take that method.
    case methodNotAllowed
    /// 406: the gateway answers JSON only.
    case notAcceptable
    /// 408: the request did not arrive in time.
    case requestTimeout
    /// 409: not enough stock; ``ProblemDetails/available`` says how many can be had.
    case outOfStock
    /// 409: an order of an empty cart.
    case cartEmpty
    /// 409: the order has gone too far to be cancelled.
    case notCancellable
    /// 409: an account with that e-mail address exists.
    case emailTaken
    /// 409: another product has that code (administration).
    case duplicateCode
    /// 409: a request with the same `Idempotency-Key` is still being handled.
    case idempotencyKeyInFlight
    /// 422: the `Idempotency-Key` was used before for a different request.
    case idempotencyKeyReused
    /// 402: the card was declined.
    case cardDeclined
    /// 402: the card has insufficient funds.
    case insufficientFunds
    /// 402: the card's security code is wrong.
    case incorrectCVC
    /// 413: the request body is too large.
    case payloadTooLarge
    /// 431: the request's headers are too large.
    case headersTooLarge
    /// 429: too many requests from this address; see ``ShopError/retryAfter``.
    case tooManyRequests
    /// 429: too many wrong passwords for the account; see ``ShopError/retryAfter``.
    case signInLocked
    /// 500: the gateway failed.
    case `internal`
    /// 503: the gateway is temporarily unavailable; see ``ShopError/retryAfter``.
    case serviceUnavailable
    /// 503: the gateway has too many open connections; see ``ShopError/retryAfter``.
    case tooManyConnections
    /// A code this version of ShopKit does not know (the raw value as sent).
    case unknown(String)

    /// The known codes, in the contract's order.
    public static let known: [ProblemCode] = Components.Schemas.ProblemCode.allCases.map(ProblemCode.init(wire:))
    /// The known codes (an unknown one is not a case to iterate).
    public static var allCases: [ProblemCode] { known }

    /// The raw value of a known case, as the contract spells it.
    public var knownRawValue: String? { wire?.rawValue }

    public var rawValue: String {
        if case .unknown(let raw) = self { return raw }
        return knownRawValue!
    }
}
