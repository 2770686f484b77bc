/// Where the client keeps the current session between calls (and, for a file store, between
/// runs, so a guest's cart survives a restart).
///
/// The client reads the store when it first needs a token and writes it whenever the session
/// changes (guest created, signed in, refreshed, signed out).
public protocol SessionStore: Sendable {
    /// The stored session, or `nil` when there is none.
    func load() async throws -> Session?
    /// Replaces the stored session; `nil` forgets it.
    func save(_ session: Session?) async throws
}
