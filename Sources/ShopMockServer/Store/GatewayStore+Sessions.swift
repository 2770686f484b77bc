import Foundation
import GRDB

/// A session as handed to the client: the only time the raw tokens exist.
struct IssuedSession: Sendable {
    var token: String
    var refreshToken: String
    var expiresAt: Date
    var user: UserAccount
}

extension GatewayStore {
    static let refreshLifetime: TimeInterval = 30 * 86_400

    /// Who a bearer token belongs to (the admin token is checked before this).
    func resolve(token: String) -> Caller {
        let digest = SHA256.hex(token)
        let found: (SessionRecord, Bool)?
        do {
            found = try read { db -> (SessionRecord, Bool)? in
                guard let session = try AccountRows.session(db, tokenDigest: digest),
                    let isGuest = try Bool.fetchOne(db.cachedStatement(sql: "SELECT is_guest FROM users WHERE id = ?"), arguments: [session.userId])
                else { return nil }
                return (session, isGuest)
            }
        } catch {
            return .rejected(error)
        }
        guard let (session, isGuest) = found else {
            return .rejected(.invalidToken("The token is not known to this gateway."))
        }
        if session.revoked { return .rejected(.invalidToken("The session was signed out.")) }
        if session.expiresAt <= now { return .rejected(.tokenExpired) }
        return .user(userId: session.userId, isGuest: isGuest, tokenDigest: digest)
    }

    func createGuestSession() throws(GatewayProblem) -> IssuedSession {
        let guest = UserAccount(id: "usr_" + RandomToken.hex(byteCount: 8), isGuest: true, createdAt: now)
        return try write { db in
            try self.sweepIfDue(db)
            try AccountRows.insert(db, guest)
            return try self.openSession(db, for: guest)
        }
    }

    /// The user id and bcrypt hash for an email, for the handler to verify outside any transaction.
    func credentials(email: String) -> (userId: String, hash: String)? {
        try? read { db -> (userId: String, hash: String)? in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, password_hash FROM users WHERE email = ? COLLATE NOCASE AND is_guest = 0"), arguments: [email]),
                let hash = row[1] as String?
            else { return nil }
            return (row[0], hash)
        }
    }

    /// Opens a session for a verified account; a guest caller's cart, orders, invoices and
    /// messages move to the account.
    func signIn(userId: String, guest: Caller) throws(GatewayProblem) -> IssuedSession {
        try write { db in
            let account = try self.user(db, userId)
            try self.moveGuestBelongings(db, from: guest, into: account.id)
            try self.record(db, .signedIn, "Signed in", userId: account.id)
            return try self.openSession(db, for: account)
        }
    }

    func register(email: String, passwordHash: String, name: String, guest: Caller) throws(GatewayProblem) -> IssuedSession {
        let account = UserAccount(
            id: "usr_" + RandomToken.hex(byteCount: 8), isGuest: false, email: email, name: name,
            passwordHash: passwordHash, createdAt: now)
        return try write { db in
            guard try AccountRows.userId(db, email: email) == nil else {
                throw GatewayProblem.conflict("email-taken", "Email already registered", "An account with this email already exists.")
            }
            try AccountRows.insert(db, account)
            try self.moveGuestBelongings(db, from: guest, into: account.id)
            try self.record(db, .signedUp, "Created the account \(email)", userId: account.id)
            try self.notify(
                db, userId: account.id, kind: .welcome, title: "Welcome to the shop, \(name)!",
                body: "Your account is ready. Saved addresses, order history and this inbox now follow you.",
                orderId: nil)
            return try self.openSession(db, for: account)
        }
    }

    /// Swaps a refresh token for a new session; the old session (both tokens) is spent.
    func refresh(refreshToken: String) throws(GatewayProblem) -> IssuedSession {
        let refreshDigest = SHA256.hex(refreshToken)
        let now = self.now
        return try write { db in
            guard let old = try AccountRows.session(db, refreshDigest: refreshDigest) else {
                throw GatewayProblem.invalidToken("The refresh token is not known to this gateway.")
            }
            guard !old.revoked else { throw GatewayProblem.invalidToken("The refresh token was already used or signed out.") }
            guard old.refreshExpiresAt > now else { throw GatewayProblem.tokenExpired }
            let account = try self.user(db, old.userId)
            try AccountRows.revoke(db, tokenDigest: old.tokenDigest)
            return try self.openSession(db, for: account)
        }
    }

    func signOut(tokenDigest: String) throws(GatewayProblem) {
        try write { db in
            guard let session = try AccountRows.session(db, tokenDigest: tokenDigest) else { throw GatewayProblem.unauthorized() }
            try AccountRows.revoke(db, tokenDigest: tokenDigest)
            try self.record(db, .signedOut, "Signed out", userId: session.userId)
        }
    }

    func openSession(_ db: Database, for account: UserAccount) throws -> IssuedSession {
        let token = "tok_" + RandomToken.base64URL(byteCount: 24)
        let refreshToken = "ref_" + RandomToken.base64URL(byteCount: 24)
        let session = SessionRecord(
            tokenDigest: SHA256.hex(token), refreshDigest: SHA256.hex(refreshToken), userId: account.id,
            expiresAt: now.addingTimeInterval(tokenLifetime), refreshExpiresAt: now.addingTimeInterval(Self.refreshLifetime),
            revoked: false)
        try AccountRows.insertSession(db, session, at: now)
        return IssuedSession(token: token, refreshToken: refreshToken, expiresAt: session.expiresAt, user: account)
    }

    /// What a guest had moves to the account they sign in to or register from the guest
    /// session: the cart's lines are added to the account's (quantities summed, capped at
    /// stock), and the guest's orders (with their invoices, payments and shipments) and inbox
    /// become the account's. Order history follows the person, as the welcome message promises.
    private func moveGuestBelongings(_ db: Database, from guest: Caller, into accountId: String) throws {
        guard case .user(let guestId, true, _) = guest, guestId != accountId else { return }
        let guestLines = try ServiceRows.cartLines(db, userId: guestId)
        if !guestLines.isEmpty {
            var lines = try ServiceRows.cartLines(db, userId: accountId)
            for guestLine in guestLines {
                let stock = try CatalogRows.liveProduct(db, guestLine.productId)?.stock ?? 0
                if let index = lines.firstIndex(where: { $0.productId == guestLine.productId }) {
                    lines[index].quantity = min(lines[index].quantity + guestLine.quantity, max(stock, lines[index].quantity))
                } else if stock > 0 {
                    lines.append(CartLineItem(productId: guestLine.productId, quantity: min(guestLine.quantity, stock), name: guestLine.name))
                }
            }
            try ServiceRows.saveCart(db, userId: accountId, lines: lines, at: now)
            try ServiceRows.saveCart(db, userId: guestId, lines: [], at: now)
            try record(db, .cartChanged, "Merged the guest cart (\(guestLines.count) lines)", userId: accountId)
        }
        try db.cachedStatement(sql: "UPDATE orders SET user_id = ? WHERE user_id = ?").execute(arguments: [accountId, guestId])
        let movedOrders = db.changesCount
        try db.cachedStatement(sql: "UPDATE notifications SET user_id = ? WHERE user_id = ?").execute(arguments: [accountId, guestId])
        if movedOrders > 0 {
            // The audit entries of those orders go with them.
            try db.cachedStatement(sql: "UPDATE activity_events SET user_id = ? WHERE user_id = ? AND kind IN ('order_placed', 'order_cancelled')").execute(arguments: [accountId, guestId])
        }
    }
}
