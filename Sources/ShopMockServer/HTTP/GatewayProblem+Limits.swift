/// The answers of the gateway's protective limits (docs/security.md, "Under abuse").
extension GatewayProblem {
    static func payloadTooLarge(limit: Int) -> GatewayProblem {
        GatewayProblem(
            slug: "payload-too-large", title: "Payload too large", status: 413,
            detail: "The request body is larger than the gateway accepts (\(limit) bytes).")
    }

    static func headersTooLarge(limit: Int) -> GatewayProblem {
        GatewayProblem(
            slug: "headers-too-large", title: "Request header fields too large", status: 431,
            detail: "The request line and headers are larger than the gateway accepts (\(limit) bytes).")
    }

    static let malformedRequest = GatewayProblem(
        slug: "bad-request", title: "Bad request", status: 400, detail: "The request is not valid HTTP/1.1.")

    static func requestTimeout(_ part: String) -> GatewayProblem {
        GatewayProblem(
            slug: "request-timeout", title: "Request timeout", status: 408,
            detail: "The request \(part) did not arrive in time; the connection is closed.")
    }

    /// 429: `what` names the limit ("requests", "guest sessions", "sign-in attempts").
    static func tooManyRequests(_ what: String, retryAfter: Int) -> GatewayProblem {
        GatewayProblem(
            slug: "too-many-requests", title: "Too many requests", status: 429,
            detail: "Too many \(what) from this client; try again in \(retryAfter) s.",
            headers: [("Retry-After", String(retryAfter))])
    }

    /// 429 for an account whose password was wrong too often.
    static func signInLocked(retryAfter: Int) -> GatewayProblem {
        GatewayProblem(
            slug: "sign-in-locked", title: "Too many sign-in attempts", status: 429,
            detail: "Too many wrong passwords for this account; try again in \(retryAfter) s.",
            headers: [("Retry-After", String(retryAfter))])
    }

    static func tooManyConnections(retryAfter: Int) -> GatewayProblem {
        GatewayProblem(
            slug: "too-many-connections", title: "Service unavailable", status: 503,
            detail: "The gateway has too many open connections; retry after \(retryAfter) s.",
            headers: [("Retry-After", String(retryAfter))])
    }
}
