import Foundation

/// Everything a ShopKit call can fail with.
///
/// Every throwing call of ``ShopClient`` throws `ShopError` (the generated wire layer's
/// errors are unwrapped). Show ``userMessage`` to people; switch on the case, ``status`` or
/// ``problemCode`` in code; check ``isRetryable`` before offering "Try again". As a
/// `LocalizedError`, its `localizedDescription` is ``userMessage``.
public enum ShopError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The gateway answered with an error status and problem details.
    case server(ProblemDetails)
    /// The gateway could not be reached or the connection broke (after any retries).
    case transport(String)
    /// The gateway did not answer within the configured per-request timeout (after any retries).
    case timeout
    /// The caller's task was cancelled.
    case cancelled
    /// The gateway's answer could not be read (it does not match the contract).
    case decoding(String)
    /// The gateway's answer was read but breaks a rule of the contract (a count below 0, a
    /// rating above 5, negative money): it is refused rather than shown or computed with.
    case invalidAnswer(ContractViolation)

    /// The HTTP status of a ``server(_:)`` error.
    public var status: Int? {
        if case .server(let problem) = self { problem.status } else { nil }
    }

    /// The problem details of a ``server(_:)`` error.
    public var problem: ProblemDetails? {
        if case .server(let problem) = self { problem } else { nil }
    }

    /// The request id to quote in a bug report, when the gateway gave one.
    public var requestID: String? { problem?.requestID }

    /// Field by field validation problems (empty unless the gateway sent some).
    public var fieldErrors: [FieldError] { problem?.fieldErrors ?? [] }

    /// True when trying the same call again later may succeed: connection failures, timeouts,
    /// 408, 429, 5xx, and a 409 with `Retry-After` (the same Idempotency-Key still being
    /// handled). (The client already retried these as configured by ``RetryPolicy``.)
    public var isRetryable: Bool {
        switch self {
        case .transport, .timeout: true
        case .server(let problem):
            RetryPolicy.isRetryableStatus(problem.status) || (problem.status == 409 && problem.retryAfterSeconds != nil)
        case .cancelled, .decoding, .invalidAnswer: false
        }
    }

    /// The kind of problem of a ``server(_:)`` error, e.g. ``ProblemCode/cardDeclined``.
    public var problemCode: ProblemCode? { problem?.code }

    /// True when the gateway declined the card (402 `card-declined`).
    public var isCardDeclined: Bool { problemCode == .cardDeclined }

    /// True when the card has insufficient funds (402 `insufficient-funds`).
    public var isInsufficientFunds: Bool { problemCode == .insufficientFunds }

    /// True when the card was refused for any reason (402: declined, insufficient funds, wrong
    /// security code, or a reason this version does not know): ask for another card.
    public var isPaymentRefused: Bool { status == 402 }

    /// True for 422 `validation-failed`; ``fieldErrors`` says which fields and why.
    public var isValidationFailed: Bool { problemCode == .validationFailed }

    /// True for 404: no such product, order, address or message.
    public var isNotFound: Bool { status == 404 }

    /// True when registering with an e-mail address that has an account (409 `email-taken`).
    public var isEmailTaken: Bool { problemCode == .emailTaken }

    /// True when ordering an empty cart (409 `cart-empty`).
    public var isCartEmpty: Bool { problemCode == .cartEmpty }

    /// True for 401: the session is gone and could not be renewed (sign in again).
    public var isUnauthorized: Bool { status == 401 }

    /// True for a 409 stock conflict; ``ProblemDetails/available`` says how many can be had.
    public var isStockConflict: Bool { status == 409 && problem?.available != nil }

    /// True for 429: too many requests from this client, or too many wrong passwords for the
    /// account. ``retryAfter`` says when to try again.
    public var isRateLimited: Bool { status == 429 }

    /// How long the gateway asked to wait before trying again (`Retry-After`), when it did.
    /// The client already waited and retried when this was short enough (``RetryPolicy/maxDelay``).
    public var retryAfter: Duration? {
        problem?.retryAfterSeconds.map { .seconds($0) }
    }

    /// A sentence fit to show a person. Never contains secrets or request bodies.
    public var userMessage: String {
        switch self {
        case .server(let problem) where problem.status == 429:
            let wait = problem.retryAfterSeconds.map { " Try again in \(ShopError.describeWait(seconds: $0))." } ?? " Try again in a moment."
            return problem.code == .signInLocked
                ? "Too many wrong passwords for this account." + wait
                : "Too many requests right now." + wait
        case .server(let problem):
            if let first = problem.fieldErrors.first {
                return first.message
            }
            if let detail = problem.detail, !detail.isEmpty {
                return detail
            }
            return ShopError.fallbackMessage(status: problem.status, title: problem.title)
        case .transport:
            return "Can't reach the shop. Check your connection and try again."
        case .timeout:
            return "The shop took too long to answer. Please try again."
        case .cancelled:
            return "The request was cancelled."
        case .decoding:
            return "The shop sent an answer this app can't read. Please try again later."
        case .invalidAnswer(let violation):
            return "The shop sent an answer this app can't use (\(violation.field) \(violation.rule)). Please try again later."
        }
    }

    /// A description for logs and debugging.
    public var description: String {
        switch self {
        case .server(let problem):
            let request = problem.requestID.map { " [request \($0)]" } ?? ""
            return "ShopError.server(\(problem.status) \(problem.title): \(problem.detail ?? "-"))\(request)"
        case .transport(let message): return "ShopError.transport(\(message))"
        case .timeout: return "ShopError.timeout"
        case .cancelled: return "ShopError.cancelled"
        case .decoding(let message): return "ShopError.decoding(\(message))"
        case .invalidAnswer(let violation): return "ShopError.invalidAnswer(\(violation))"
        }
    }

    /// "45 s", "3 min", "2 h": the wait a person is asked to sit out, rounded up.
    static func describeWait(seconds: Int) -> String {
        switch max(1, seconds) {
        case ..<120: "\(max(1, seconds)) s"
        case ..<7200: "\((seconds + 59) / 60) min"
        default: "\((seconds + 3599) / 3600) h"
        }
    }

    private static func fallbackMessage(status: Int, title: String) -> String {
        switch status {
        case 413: "That is more than the shop accepts in one request."
        case 431: "The request carried more headers than the shop accepts."
        case 401: "Your session has expired. Please sign in again."
        case 402: "Your card was declined."
        case 403: "You are not allowed to do that."
        case 404: "We couldn't find that."
        case 408, 429, 500...599: "The shop is busy right now. Please try again in a moment."
        default: title.isEmpty ? "Something went wrong (\(status))." : title
        }
    }
}

extension ShopError: LocalizedError {
    /// The ``userMessage``, so generic error handling (`error.localizedDescription`) shows a
    /// sentence instead of "The operation could not be completed".
    public var errorDescription: String? { userMessage }

    /// What to do next, when there is something: wait, sign in again, or fix a field.
    public var recoverySuggestion: String? {
        if let wait = retryAfter?.components.seconds {
            return "Try again in \(ShopError.describeWait(seconds: Int(wait)))."
        }
        if isUnauthorized { return "Sign in again." }
        if let field = fieldErrors.first { return "Check \(field.field)." }
        return nil
    }
}
