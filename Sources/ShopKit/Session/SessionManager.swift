import Foundation
import Logging

/// Owns the current session: loads it from the ``SessionStore`` once, starts a guest session
/// the first time a call needs a token, and renews it with the refresh token after a 401.
///
/// Concurrent calls that need a guest session or a refresh share one request (single flight),
/// so a burst of 401s spends the one-time refresh token once.
actor SessionManager {
    private let store: any SessionStore
    private let wire: Client
    private let logger: Logger
    private var session: Session?
    private var loaded = false
    private var inFlight: Task<Session?, any Error>?

    init(store: any SessionStore, wire: Client, logger: Logger) {
        self.store = store
        self.wire = wire
        self.logger = logger
    }

    /// The current session, read from the store on first use.
    func current() async -> Session? {
        if !loaded {
            loaded = true
            do {
                session = try await store.load()
            } catch {
                logger.warning("could not read the stored session; starting without one",
                               metadata: ["error": "\(error)"])
            }
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

    private func singleFlight(_ work: @escaping @Sendable () async throws -> Session?) async throws -> Session? {
        if let inFlight { return try await inFlight.value }
        let task = Task { try await work() }
        inFlight = task
        defer { inFlight = nil }
        return try await task.value
    }

    private func startGuest() async throws -> Session {
        let started: Session
        do {
            started = Session(wire: try await wire.createGuestSession().created.body.json)
        } catch {
            throw ShopError.from(error)
        }
        logger.debug("started a guest session", metadata: ["user": "\(started.user.id)"])
        await replace(with: started)
        return started
    }

    private func refresh(_ old: Session) async throws -> Session? {
        do {
            let renewed = Session(wire: try await wire.refreshSession(
                body: .json(.init(refreshToken: old.refreshToken))).ok.body.json)
            logger.debug("refreshed the session", metadata: ["user": "\(renewed.user.id)"])
            await replace(with: renewed)
            return renewed
        } catch {
            let failure = ShopError.from(error)
            guard let status = failure.status, (400..<500).contains(status) else { throw failure }
            // The refresh token is spent or unknown (signed out, or the gateway forgot it).
            await replace(with: nil)
            if old.isGuest {
                logger.debug("guest session expired; starting a new one")
                return try await startGuest()
            }
            logger.debug("account session expired; the user must sign in again")
            return nil
        }
    }
}
