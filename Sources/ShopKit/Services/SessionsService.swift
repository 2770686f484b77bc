/// Sessions: start a guest session, sign in, register, refresh, sign out.
///
/// You rarely need ``startGuest()``: the client starts a guest session by itself the first time
/// a call needs one. Signing in or registering while a guest sends the guest token along, so the
/// gateway merges the guest's cart into the account's. Every successful call here updates the
/// client's ``SessionStore``.
public struct SessionsService: Sendable {
    let gateway: Gateway

    /// The current session, or `nil` when none was started yet.
    public var current: Session? {
        get async { await gateway.sessions.current() }
    }

    /// Starts a new guest session now (replacing any current one).
    @discardableResult
    public func startGuest() async throws(ShopError) -> Session {
        let session = try await gateway.call { Session(wire: try await $0.createGuestSession().created.body.json) }
        await gateway.sessions.replace(with: session)
        return session
    }

    /// Signs in to an account; a current guest session's cart is merged into the account's.
    /// - Throws: ``ShopError`` 401 for a wrong e-mail or password.
    @discardableResult
    public func signIn(email: String, password: String) async throws(ShopError) -> Session {
        let session = try await gateway.call {
            Session(wire: try await $0.signIn(body: .json(.init(email: email, password: password))).ok.body.json)
        }
        await gateway.sessions.replace(with: session)
        return session
    }

    /// Creates an account and signs in to it; a current guest session's cart carries over.
    /// - Throws: ``ShopError`` 409 when the e-mail is taken, 422 for invalid fields.
    @discardableResult
    public func register(email: String, password: String, name: String) async throws(ShopError) -> Session {
        let session = try await gateway.call {
            Session(wire: try await $0.register(
                body: .json(.init(email: email, password: password, name: name))).created.body.json)
        }
        await gateway.sessions.replace(with: session)
        return session
    }

    /// Exchanges the refresh token for a new session now. (The client also does this by itself,
    /// once, when a call is answered 401.)
    /// - Throws: ``ShopError`` 401 when there is no session or the refresh token is spent.
    @discardableResult
    public func refresh() async throws(ShopError) -> Session {
        guard let current = await gateway.sessions.current() else {
            throw .server(ProblemDetails(status: 401, title: "Unauthorized", detail: "There is no session to refresh."))
        }
        let session = try await gateway.call {
            Session(wire: try await $0.refreshSession(
                body: .json(.init(refreshToken: current.refreshToken))).ok.body.json)
        }
        await gateway.sessions.replace(with: session)
        return session
    }

    /// Ends the current session on the gateway and forgets it locally. The next call that needs
    /// a session starts a new guest session (with an empty cart).
    public func signOut() async throws(ShopError) {
        guard await gateway.sessions.current() != nil else { return }
        do {
            _ = try await gateway.call { try await $0.signOut().noContent }
        } catch where error.isUnauthorized {
            // Already over on the gateway's side: forgetting it locally is all that is left.
        }
        await gateway.sessions.replace(with: nil)
    }
}
