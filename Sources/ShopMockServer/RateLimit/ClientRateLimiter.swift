import HTTPTypes

/// The per-address limits a request is checked against when its head arrives (see
/// ``GatewayLimits``): every request, guest-session starts, and sign-in or registration attempts.
/// `/healthz` is never limited, so a monitor can always tell a busy gateway from a dead one.
final class ClientRateLimiter: Sendable {
    /// Why a request was refused and when to come back.
    struct Refusal: Sendable, Equatable {
        var what: String
        var retryAfter: Int
    }

    private let requests: KeyedTokenBuckets?
    private let guestSessions: KeyedTokenBuckets?
    private let signIns: KeyedTokenBuckets?

    init(limits: GatewayLimits) {
        let capacity = limits.rateLimiterCapacity
        requests = limits.requestsPerAddress.map { KeyedTokenBuckets(limit: $0, capacity: capacity) }
        guestSessions = limits.guestSessionsPerAddress.map { KeyedTokenBuckets(limit: $0, capacity: capacity) }
        signIns = limits.signInsPerAddress.map { KeyedTokenBuckets(limit: $0, capacity: capacity) }
    }

    var isEnabled: Bool { requests != nil || guestSessions != nil || signIns != nil }

    /// nil when the request may go on; otherwise what was exceeded. `address` is asked for only
    /// when a limit applies (with no per-request limit, a read never needs it).
    func check(address: () -> String, method: HTTPRequest.Method, path: Substring) -> Refusal? {
        guard path != "/healthz" else { return nil }
        if let requests, let wait = requests.take(address()) { return Refusal(what: "requests", retryAfter: wait) }
        guard method == .post else { return nil }
        switch path {
        case "/v1/sessions/guest":
            if let guestSessions, let wait = guestSessions.take(address()) { return Refusal(what: "guest sessions", retryAfter: wait) }
        case "/v1/sessions", "/v1/users":
            if let signIns, let wait = signIns.take(address()) { return Refusal(what: "sign-in attempts", retryAfter: wait) }
        default:
            break
        }
        return nil
    }
}
