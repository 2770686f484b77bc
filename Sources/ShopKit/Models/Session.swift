import Foundation

/// The tokens that authenticate a guest or an account, and who they belong to.
///
/// Its `description`, `debugDescription` and mirror never show the tokens, so a session can be
/// logged, dumped or snapshotted safely.
public struct Session: Sendable, Codable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable {
    /// The bearer token sent in `Authorization`.
    public var token: String
    /// The one-time token that buys a fresh session when ``token`` expires.
    public var refreshToken: String
    /// When ``token`` stops working.
    public var expiresAt: Date
    /// Who the session belongs to.
    public var user: User

    /// Creates a session value.
    public init(token: String, refreshToken: String, expiresAt: Date, user: User) {
        self.token = token
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
        self.user = user
    }

    /// True for a guest session.
    public var isGuest: Bool { user.isGuest }

    /// A redacted description: the user and expiry, never the tokens.
    public var description: String {
        "Session(user: \(user.id), guest: \(user.isGuest), expiresAt: \(expiresAt), token: <redacted>)"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror without the tokens.
    public var customMirror: Mirror {
        Mirror(self, children: ["user": user, "expiresAt": expiresAt], displayStyle: .struct)
    }
}
