/// A failure the gateway answers with: an RFC 9457 problem.
///
/// Business code throws these; `ProblemMiddleware` renders them as
/// `application/problem+json` with the request's path and id filled in.
struct GatewayProblem: Error, Sendable, Equatable {
    struct FieldIssue: Sendable, Equatable {
        var field: String
        var message: String
    }

    /// The last part of the problem type URI, e.g. `out-of-stock`.
    var slug: String
    var title: String
    var status: Int
    var detail: String?
    var errors: [FieldIssue] = []
    var productId: String?
    var available: Int?
    /// Extra response headers (Retry-After, Allow).
    var headers: [(String, String)] = []

    static func == (lhs: GatewayProblem, rhs: GatewayProblem) -> Bool {
        lhs.slug == rhs.slug && lhs.status == rhs.status && lhs.detail == rhs.detail && lhs.errors == rhs.errors
    }

    var typeURI: String { "https://shop.example/problems/\(slug)" }
}

extension GatewayProblem {
    static func badRequest(_ detail: String, field: String? = nil) -> GatewayProblem {
        GatewayProblem(
            slug: "bad-request", title: "Bad request", status: 400, detail: detail,
            errors: field.map { [FieldIssue(field: $0, message: detail)] } ?? [])
    }

    static func validation(_ issues: [FieldIssue]) -> GatewayProblem {
        GatewayProblem(
            slug: "validation-failed", title: "Validation failed", status: 422,
            detail: issues.map { "\($0.field): \($0.message)" }.joined(separator: "; "), errors: issues)
    }

    static func validation(field: String, _ message: String) -> GatewayProblem {
        validation([FieldIssue(field: field, message: message)])
    }

    static func unauthorized(_ detail: String = "A valid bearer token is required.") -> GatewayProblem {
        GatewayProblem(slug: "unauthorized", title: "Unauthorized", status: 401, detail: detail)
    }

    /// A 401 for a token that was sent and refused (unknown, signed out, expired).
    static func invalidToken(_ detail: String) -> GatewayProblem {
        var problem = unauthorized(detail)
        problem.headers = [(challengeField, #"Bearer realm="shop", error="invalid_token""#)]
        return problem
    }

    static let tokenExpired = GatewayProblem(
        slug: "token-expired", title: "Token expired", status: 401,
        detail: "The access token has expired; refresh the session or sign in again.",
        headers: [(challengeField, #"Bearer realm="shop", error="invalid_token", error_description="The token expired""#)])

    /// Every 401 carries a challenge (RFC 9110 §11.6.1); ``ProblemRendering`` adds the plain one
    /// when a problem has none.
    static let challengeField = "WWW-Authenticate"
    static let plainChallenge = #"Bearer realm="shop""#

    static func forbidden(_ detail: String) -> GatewayProblem {
        GatewayProblem(slug: "forbidden", title: "Forbidden", status: 403, detail: detail)
    }

    static func notFound(_ detail: String) -> GatewayProblem {
        GatewayProblem(slug: "not-found", title: "Not found", status: 404, detail: detail)
    }

    static func conflict(_ slug: String, _ title: String, _ detail: String) -> GatewayProblem {
        GatewayProblem(slug: slug, title: title, status: 409, detail: detail)
    }

    static func outOfStock(productId: String, name: String, available: Int) -> GatewayProblem {
        GatewayProblem(
            slug: "out-of-stock", title: "Not enough stock", status: 409,
            detail: available == 0
                ? "\(name) is out of stock."
                : "Only \(available) of \(name) \(available == 1 ? "is" : "are") available.",
            productId: productId, available: available)
    }

    static func payment(_ slug: String, _ title: String, _ detail: String) -> GatewayProblem {
        GatewayProblem(slug: slug, title: title, status: 402, detail: detail)
    }

    static func serviceUnavailable(retryAfter: Int) -> GatewayProblem {
        GatewayProblem(
            slug: "service-unavailable", title: "Service unavailable", status: 503,
            detail: "The gateway is busy; retry after \(retryAfter) seconds.",
            headers: [("Retry-After", String(retryAfter))])
    }

    static func `internal`(_ detail: String = "The gateway failed unexpectedly.") -> GatewayProblem {
        GatewayProblem(slug: "internal", title: "Internal error", status: 500, detail: detail)
    }
}
