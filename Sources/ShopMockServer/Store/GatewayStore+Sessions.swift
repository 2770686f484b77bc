import Foundation

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
        guard let session = sessions[digest], let user = users[session.userId] else {
            return .rejected(.invalidToken("The token is not known to this gateway."))
        }
        if session.revoked { return .rejected(.invalidToken("The session was signed out.")) }
        if session.expiresAt <= now { return .rejected(.tokenExpired) }
        return .user(userId: user.id, isGuest: user.isGuest, tokenDigest: digest)
    }

    func createGuestSession() throws(GatewayProblem) -> IssuedSession {
        let guest = UserAccount(id: "usr_" + RandomToken.hex(byteCount: 8), isGuest: true, createdAt: now)
        users[guest.id] = guest
        markDirty(.users, guest.id)
        let issued = openSession(for: guest)
        try commit()
        return issued
    }

    /// The user id and bcrypt hash for an email, for the handler to verify off the actor.
    func credentials(email: String) -> (userId: String, hash: String)? {
        guard let id = userIdByEmail[email.lowercased()], let hash = users[id]?.passwordHash else { return nil }
        return (id, hash)
    }

    /// Opens a session for a verified account, carrying a guest caller's cart over.
    func signIn(userId: String, guest: Caller) throws(GatewayProblem) -> IssuedSession {
        let account = try user(userId)
        mergeGuestCart(from: guest, into: account.id)
        record(.signedIn, "Signed in", userId: account.id)
        let issued = openSession(for: account)
        try commit()
        return issued
    }

    func register(email: String, passwordHash: String, name: String, guest: Caller) throws(GatewayProblem) -> IssuedSession {
        let key = email.lowercased()
        guard userIdByEmail[key] == nil else {
            throw .conflict("email-taken", "Email already registered", "An account with this email already exists.")
        }
        let account = UserAccount(
            id: "usr_" + RandomToken.hex(byteCount: 8), isGuest: false, email: email, name: name,
            passwordHash: passwordHash, createdAt: now)
        users[account.id] = account
        userIdByEmail[key] = account.id
        markDirty(.users, account.id)
        mergeGuestCart(from: guest, into: account.id)
        record(.signedUp, "Created the account \(email)", userId: account.id)
        notify(
            userId: account.id, kind: .welcome, title: "Welcome to the shop, \(name)!",
            body: "Your account is ready. Saved addresses, order history and this inbox now follow you.",
            orderId: nil)
        let issued = openSession(for: account)
        try commit()
        return issued
    }

    /// Swaps a refresh token for a new session; the old session (both tokens) is spent.
    func refresh(refreshToken: String) throws(GatewayProblem) -> IssuedSession {
        let refreshDigest = SHA256.hex(refreshToken)
        guard let digest = sessionDigestByRefreshDigest[refreshDigest], var old = sessions[digest] else {
            throw .invalidToken("The refresh token is not known to this gateway.")
        }
        guard !old.revoked else { throw .invalidToken("The refresh token was already used or signed out.") }
        guard old.refreshExpiresAt > now else { throw .tokenExpired }
        let account = try user(old.userId)
        old.revoked = true
        sessions[digest] = old
        markDirty(.sessions, digest)
        let issued = openSession(for: account)
        try commit()
        return issued
    }

    func signOut(tokenDigest: String) throws(GatewayProblem) {
        guard var session = sessions[tokenDigest] else { throw .unauthorized() }
        session.revoked = true
        sessions[tokenDigest] = session
        markDirty(.sessions, tokenDigest)
        record(.signedOut, "Signed out", userId: session.userId)
        try commit()
    }

    private func openSession(for account: UserAccount) -> IssuedSession {
        let token = "tok_" + RandomToken.base64URL(byteCount: 24)
        let refreshToken = "ref_" + RandomToken.base64URL(byteCount: 24)
        let session = SessionRecord(
            tokenDigest: SHA256.hex(token), refreshDigest: SHA256.hex(refreshToken), userId: account.id,
            expiresAt: now.addingTimeInterval(tokenLifetime), refreshExpiresAt: now.addingTimeInterval(Self.refreshLifetime),
            revoked: false)
        sessions[session.tokenDigest] = session
        sessionDigestByRefreshDigest[session.refreshDigest] = session.tokenDigest
        markDirty(.sessions, session.tokenDigest)
        return IssuedSession(token: token, refreshToken: refreshToken, expiresAt: session.expiresAt, user: account)
    }

    /// Adds a guest's cart lines to the account's (quantities summed, capped at stock).
    private func mergeGuestCart(from guest: Caller, into accountId: String) {
        guard case .user(let guestId, true, _) = guest, guestId != accountId,
            let guestLines = carts[guestId], !guestLines.isEmpty
        else { return }
        var lines = carts[accountId] ?? []
        for guestLine in guestLines {
            let stock = catalog.product(guestLine.productId)?.stock ?? 0
            if let index = lines.firstIndex(where: { $0.productId == guestLine.productId }) {
                lines[index].quantity = min(lines[index].quantity + guestLine.quantity, max(stock, lines[index].quantity))
            } else if stock > 0 {
                lines.append(CartLineItem(productId: guestLine.productId, quantity: min(guestLine.quantity, stock), name: guestLine.name))
            }
        }
        carts[accountId] = lines
        carts[guestId] = nil
        markDirty(.carts, accountId)
        markDirty(.carts, guestId)
        record(.cartChanged, "Merged the guest cart (\(guestLines.count) lines)", userId: accountId)
    }
}
