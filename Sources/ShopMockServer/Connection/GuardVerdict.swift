import HTTPTypes

/// What ``RequestGuardHandler`` decided about a request it passes on to the router: the router
/// answers it (``GuardVerdictMiddleware``) so the answer gets its request id, log line and the
/// same problem+json as every other.
///
/// It travels in a header the guard removes from every incoming request first, so a client
/// cannot set it.
enum GuardVerdict: Sendable, Equatable {
    case bodyTooLarge(limit: Int)
    case rateLimited(what: String, retryAfter: Int)

    static let field = HTTPField.Name("X-Shop-Guard-Verdict")!

    var headerValue: String {
        switch self {
        case .bodyTooLarge(let limit): "413;\(limit)"
        case .rateLimited(let what, let retryAfter): "429;\(retryAfter);\(what)"
        }
    }

    init?(headerValue: String) {
        let parts = headerValue.split(separator: ";", maxSplits: 2).map(String.init)
        switch (parts.first, parts.count) {
        case ("413", 2):
            guard let limit = Int(parts[1]) else { return nil }
            self = .bodyTooLarge(limit: limit)
        case ("429", 3):
            guard let retryAfter = Int(parts[1]) else { return nil }
            self = .rateLimited(what: parts[2], retryAfter: retryAfter)
        default:
            return nil
        }
    }

    var problem: GatewayProblem {
        switch self {
        case .bodyTooLarge(let limit): .payloadTooLarge(limit: limit)
        case .rateLimited(let what, let retryAfter): .tooManyRequests(what, retryAfter: retryAfter)
        }
    }
}
