import Foundation

extension GatewayAPI {
    func createGuestSession(_ input: Operations.CreateGuestSession.Input) async throws -> Operations.CreateGuestSession.Output {
        let session = try await store.createGuestSession()
        return .created(.init(body: .json(session.wire)))
    }

    func signIn(_ input: Operations.SignIn.Input) async throws -> Operations.SignIn.Output {
        guard case .json(let body) = input.body else { throw GatewayProblem.badRequest("Expected JSON.") }
        try reject(
            InputRules.length(body.email, "email", min: 1, max: 254)
                + InputRules.length(body.password, "password", min: 1, max: 128))
        let guest = try guestWhoseCartMoves()
        // An account with too many wrong passwords waits, whatever the password: guessing
        // costs the guesser time. Unknown e-mails are throttled alike, so nothing is revealed.
        if let wait = signInThrottle.wait(for: body.email) { throw GatewayProblem.signInLocked(retryAfter: wait) }
        let found = await store.credentials(email: body.email)
        // An unknown email still pays for one verification, so timing does not reveal which
        // emails have accounts.
        let verified = try await passwords.verify(body.password, hash: found?.hash ?? decoyHash)
        guard let found, verified else {
            signInThrottle.recordFailure(for: body.email)
            throw GatewayProblem.unauthorized("The email or password is wrong.")
        }
        signInThrottle.recordSuccess(for: body.email)
        let session = try await store.signIn(userId: found.userId, guest: guest)
        return .ok(.init(body: .json(session.wire)))
    }

    func register(_ input: Operations.Register.Input) async throws -> Operations.Register.Output {
        guard case .json(let body) = input.body else { throw GatewayProblem.badRequest("Expected JSON.") }
        let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
        try reject(
            InputRules.email(body.email, "email")
                + InputRules.length(body.password, "password", min: 8, max: 128)
                + InputRules.length(name, "name", min: 1, max: 100) + InputRules.plainText(body.name, "name"))
        let guest = try guestWhoseCartMoves()
        let hash = try await passwords.hash(body.password)
        let session = try await store.register(email: body.email, passwordHash: hash, name: name, guest: guest)
        return .created(.init(body: .json(session.wire)))
    }

    func refreshSession(_ input: Operations.RefreshSession.Input) async throws -> Operations.RefreshSession.Output {
        guard case .json(let body) = input.body else { throw GatewayProblem.badRequest("Expected JSON.") }
        try reject(InputRules.length(body.refreshToken, "refreshToken", min: 1, max: 200))
        let session = try await store.refresh(refreshToken: body.refreshToken)
        return .ok(.init(body: .json(session.wire)))
    }

    func signOut(_ input: Operations.SignOut.Input) async throws -> Operations.SignOut.Output {
        let shopper = try requireShopper()
        try await store.signOut(tokenDigest: shopper.tokenDigest)
        return .noContent(.init())
    }

    /// The caller whose guest cart signing in or registering carries over. A guest token that
    /// has only expired still owns a cart, so it is answered 401 `token-expired` (the client
    /// refreshes and retries) rather than silently leaving the cart behind. Unknown or
    /// signed-out tokens own nothing that could move, so they just sign in without a merge.
    private func guestWhoseCartMoves() throws(GatewayProblem) -> Caller {
        if case .rejected(let problem) = caller, problem == .tokenExpired { throw problem }
        return caller
    }
}
