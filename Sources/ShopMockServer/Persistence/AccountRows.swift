import Foundation
import GRDB

/// Reading and writing users, user_profiles, addresses and sessions.
enum AccountRows {
    static func user(_ db: Database, _ id: String) throws -> UserAccount? {
        guard
            let row = try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT u.id, u.is_guest, u.email, u.password_hash, u.created_at, p.name, p.preferred_currency
                    FROM users u LEFT JOIN user_profiles p ON p.user_id = u.id WHERE u.id = ?
                    """),
                arguments: [id])
        else { return nil }
        return UserAccount(
            id: row[0], isGuest: row[1], email: row[2], name: row[5], passwordHash: row[3],
            preferredCurrency: (row[6] as String?).flatMap(Currency.init(rawValue:)),
            createdAt: Date(timeIntervalSince1970: row[4]), addresses: try addresses(db, userId: id))
    }

    static func userId(_ db: Database, email: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM users WHERE email = ? COLLATE NOCASE"), arguments: [email])
    }

    static func insert(_ db: Database, _ user: UserAccount) throws {
        try db.cachedStatement(sql: "INSERT INTO users (id, is_guest, email, password_hash, created_at) VALUES (?, ?, ?, ?, ?)").execute(arguments: [user.id, user.isGuest, user.email, user.passwordHash, user.createdAt.timeIntervalSince1970])
        if !user.isGuest { try saveProfile(db, user) }
    }

    static func saveProfile(_ db: Database, _ user: UserAccount) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO user_profiles (user_id, name, preferred_currency) VALUES (?, ?, ?)").execute(arguments: [user.id, StoredText.value(user.name), user.preferredCurrency?.rawValue])
    }

    // MARK: Addresses

    static func addresses(_ db: Database, userId: String) throws -> [PostalAddress] {
        try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, name, line1, line2, city, region, postal_code, country, phone
                FROM addresses WHERE user_id = ? ORDER BY position
                """),
            arguments: [userId]
        ).map(address)
    }

    static func address(_ row: Row) -> PostalAddress {
        PostalAddress(
            id: row[0], name: row[1], line1: row[2], line2: row[3], city: row[4], region: row[5], postalCode: row[6],
            country: row[7], phone: row[8])
    }

    static func insertAddress(_ db: Database, _ address: PostalAddress, userId: String) throws {
        let position = try Int.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(position), 0) + 1 FROM addresses WHERE user_id = ?"), arguments: [userId]) ?? 1
        try db.cachedStatement(sql: """
                INSERT INTO addresses (id, user_id, position, name, line1, line2, city, region, postal_code, country, phone)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                address.id, userId, position, StoredText.value(address.name), StoredText.value(address.line1),
                StoredText.value(address.line2), StoredText.value(address.city), StoredText.value(address.region),
                StoredText.value(address.postalCode), address.country, StoredText.value(address.phone),
            ])
    }

    static func updateAddress(_ db: Database, _ address: PostalAddress, userId: String) throws {
        try db.cachedStatement(sql: """
                UPDATE addresses SET name = ?, line1 = ?, line2 = ?, city = ?, region = ?, postal_code = ?, country = ?, phone = ?
                WHERE id = ? AND user_id = ?
                """).execute(arguments: [
                StoredText.value(address.name), StoredText.value(address.line1), StoredText.value(address.line2),
                StoredText.value(address.city), StoredText.value(address.region), StoredText.value(address.postalCode),
                address.country, StoredText.value(address.phone), address.id, userId,
            ])
    }

    // MARK: Sessions

    static func session(_ db: Database, tokenDigest: String) throws -> SessionRecord? {
        try Row.fetchOne(db.cachedStatement(sql: """
                SELECT token_digest, refresh_digest, user_id, expires_at, refresh_expires_at, revoked
                FROM sessions WHERE token_digest = ?
                """),
            arguments: [tokenDigest]
        ).map(session)
    }

    static func session(_ db: Database, refreshDigest: String) throws -> SessionRecord? {
        try Row.fetchOne(db.cachedStatement(sql: """
                SELECT token_digest, refresh_digest, user_id, expires_at, refresh_expires_at, revoked
                FROM sessions WHERE refresh_digest = ?
                """),
            arguments: [refreshDigest]
        ).map(session)
    }

    private static func session(_ row: Row) -> SessionRecord {
        SessionRecord(
            tokenDigest: row[0], refreshDigest: row[1], userId: row[2], expiresAt: Date(timeIntervalSince1970: row[3]),
            refreshExpiresAt: Date(timeIntervalSince1970: row[4]), revoked: row[5])
    }

    static func insertSession(_ db: Database, _ session: SessionRecord, at now: Date) throws {
        try db.cachedStatement(sql: """
                INSERT INTO sessions (token_digest, refresh_digest, user_id, created_at, expires_at, refresh_expires_at, revoked)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                session.tokenDigest, session.refreshDigest, session.userId, now.timeIntervalSince1970,
                session.expiresAt.timeIntervalSince1970, session.refreshExpiresAt.timeIntervalSince1970, session.revoked,
            ])
    }

    static func revoke(_ db: Database, tokenDigest: String) throws {
        try db.cachedStatement(sql: "UPDATE sessions SET revoked = 1 WHERE token_digest = ?").execute(arguments: [tokenDigest])
    }
}
