import Foundation

/// A signed-in (or guest) session.
///
/// Kept under the SHA-256 of its tokens, so a copy of the database holds no usable token.
struct SessionRecord: Codable, Sendable {
    /// SHA-256 of the access token (the record's key).
    var tokenDigest: String
    var refreshDigest: String
    var userId: String
    var expiresAt: Date
    var refreshExpiresAt: Date
    var revoked: Bool
}

/// Who is calling, as the auth middleware found out.
enum Caller: Sendable {
    /// No Authorization header.
    case anonymous
    /// The gateway's admin token.
    case admin
    /// A live session.
    case user(userId: String, isGuest: Bool, tokenDigest: String)
    /// A token that is not (or no longer) good, and why.
    case rejected(GatewayProblem)

    /// The key idempotency records are kept under.
    var idempotencyScope: String {
        switch self {
        case .anonymous, .rejected: "anonymous"
        case .admin: "admin"
        case .user(let userId, _, _): "user:" + userId
        }
    }
}
