import Foundation
import Logging

/// Owns the current session: reads it from the ``SessionStore`` exactly once, before any call
/// can use a token; starts a guest session the first time a call needs a token and there is
/// none; and renews the session with the refresh token after a 401.
///
/// The promises the app relies on (issue 10):
/// - However many calls arrive together at start, the store is read once and every one of them
///   waits for that read, so none can start a guest session while an account's is being loaded.
/// - An account session is only ever replaced by sign-in, registration or sign-out, or dropped
///   when the gateway refuses both its tokens. A refresh that fails for any other reason (no
///   network, timeout, 408/429, 5xx) keeps the stored session.
/// - At most one guest session is being started at a time, and a guest-session request that
///   failed is repeated with the same `Idempotency-Key`, so the gateway answers the session it
///   may already have created instead of creating another.
/// - Concurrent 401s share one refresh (single flight), so a burst spends the one-time refresh
///   token once.
actor SessionManager {
    private let store: any SessionStore
    private let wire: Client
    private let logger: Logger
    private var session: Session?
    private var loaded = false
    private var loading: Task<Session?, Never>?
    private var inFlight: Task<Session?, any Error>?
    /// The key of a guest-session request not yet answered with a session; reused by the next try.
    private var pendingGuestKey: String?

    init(store: any SessionStore, wire: Client, logger: Logger) {
        self.store = store
        self.wire = wire
        self.logger = logger
    }

    /// The current session, read from the store on first use. Every caller that arrives while
    /// the store is being read waits for that one read.
    func current() async -> Session? {
        if loaded { return session }
        let task = loading ?? startLoading()
        let stored = await task.value
        if !loaded {
            loaded = true
            session = stored
            loading = nil
        }
        return session
    }

    /// Replaces the current session (after sign-in, registration, sign-out) and stores it.
    func replace(with newSession: Session?) async {
        _ = await current()
        session = newSession
        do {
            try await store.save(newSession)
        } catch {
            logger.warning("could not store the session; keeping it in memory", metadata: ["error": "\(error)"])
        }
    }

    /// A token for a call that needs one, starting a guest session when there is none.
    func token() async throws -> String {
        if let session = await current() { return session.token }
        guard let started = try await singleFlight({ try await self.startGuest() }) else {
            throw ShopError.decoding("no session after starting a guest session")
        }
        return started.token
    }

    /// The guest token to send with sign-in or registration so the gateway merges the guest's
    /// cart, or `nil` when the current session is not a guest's. Sign-in answers no 401 for an
    /// expired guest token (it just skips the merge), so an expired one is refreshed first.
    func guestTokenForMerge(now: Date = Date()) async -> String? {
        guard let session = await current(), session.isGuest else { return nil }
        if session.expiresAt > now.addingTimeInterval(30) { return session.token }
        return try? await renew(after: session.token)
    }

    /// Renews the session after `rejectedToken` got a 401. Returns the token to retry with, or
    /// `nil` when the session is over (the account must sign in again).
    func renew(after rejectedToken: String) async throws -> String? {
        guard let session = await current() else { return nil }
        if session.token != rejectedToken { return session.token }  // renewed meanwhile
        return try await singleFlight({ try await self.refresh(session) })?.token
    }

    // MARK: Private

    private func startLoading() -> Task<Session?, Never> {
        let store = self.store
        let logger = self.logger
        let task = Task<Session?, Never> {
            do {
                return try await store.load()
            } catch {
                logger.warning("could not read the stored session; starting without one",
                               metadata: ["error": "\(error)"])
                return nil
            }
        }
        loading = task
        return task
    }

    private func singleFlight(_ work: @escaping @Sendable () async throws -> Session?) async throws -> Session? {
        if let inFlight { return try await inFlight.value }
        let task = Task { try await work() }
        inFlight = task
        defer { inFlight = nil }
        return try await task.value
    }

    private func startGuest() async throws -> Session {
        // The same key until a session comes back: a request that timed out may have created a
        // session upstream, and the gateway replays that one for the same key.
        let key = pendingGuestKey ?? IdempotencyKey.make()
        pendingGuestKey = key
        let started: Session
        do {
            started = Session(wire: try await wire.createGuestSession(
                headers: .init(idempotencyKey: key)).created.body.json)
        } catch {
            throw ShopError.from(error)
        }
        pendingGuestKey = nil
        // Signed in (or a session arrived some other way) while the guest was being started:
        // that session wins; a guest never replaces it.
        if let session { return session }
        logger.debug("started a guest session", metadata: ["user": "\(started.user.id)"])
        await replace(with: started)
        return started
    }

    private func refresh(_ old: Session) async throws -> Session? {
        do {
            let renewed = Session(wire: try await wire.refreshSession(
                body: .json(.init(refreshToken: old.refreshToken))).ok.body.json)
            // Signed in or out while the refresh was on its way: keep what the person did.
            guard session?.token == old.token else { return session }
            logger.debug("refreshed the session", metadata: ["user": "\(renewed.user.id)"])
            await replace(with: renewed)
            return renewed
        } catch {
            let failure = ShopError.from(error)
            guard let status = failure.status, SessionManager.refusalStatuses.contains(status) else {
                // No answer, or not a refusal (408, 429, 5xx): the session may still be good.
                logger.debug("could not refresh the session; keeping it", metadata: ["error": "\(failure)"])
                throw failure
            }
            guard session?.token == old.token else { return session }
            // The gateway refused the access token (the 401 that led here) and the refresh token.
            await replace(with: nil)
            if old.isGuest {
                logger.debug("guest session expired; starting a new one")
                return try await startGuest()
            }
            logger.debug("account session expired; the user must sign in again")
            return nil
        }
    }

    /// Answers to a refresh that mean the refresh token is spent or unknown.
    static let refusalStatuses: Set<Int> = [400, 401, 403, 404, 410, 422]
}
