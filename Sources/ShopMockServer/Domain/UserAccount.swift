import Foundation

/// A shopper: a guest (no credentials) or an account (email + bcrypt hash).
struct UserAccount: Codable, Sendable {
    var id: String
    var isGuest: Bool
    var email: String?
    var name: String?
    /// bcrypt hash; the password itself is never kept.
    var passwordHash: String?
    var preferredCurrency: Currency?
    var createdAt: Date
    var addresses: [PostalAddress] = []
}

/// A postal address; saved ones have an id.
struct PostalAddress: Codable, Hashable, Sendable {
    var id: String
    var name: String
    var line1: String
    var line2: String?
    var city: String
    var region: String?
    var postalCode: String
    var country: String
    var phone: String?
}
