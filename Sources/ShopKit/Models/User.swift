import Foundation

/// The person behind a session: a guest (no sign-up) or an account.
public struct User: Sendable, Codable, Hashable, Identifiable {
    /// The user id.
    public var id: String
    /// True for a guest session that has not signed in or registered.
    public var isGuest: Bool
    /// The account's e-mail (absent for a guest).
    public var email: String?
    /// The display name (absent for a guest).
    public var name: String?
    /// The currency the user chose to see prices in, if any.
    public var preferredCurrency: CurrencyCode?
    /// When the user (or guest) was created.
    public var createdAt: Date

    /// Creates a user value.
    public init(id: String, isGuest: Bool, email: String? = nil, name: String? = nil,
                preferredCurrency: CurrencyCode? = nil, createdAt: Date) {
        self.id = id
        self.isGuest = isGuest
        self.email = email
        self.name = name
        self.preferredCurrency = preferredCurrency
        self.createdAt = createdAt
    }
}
