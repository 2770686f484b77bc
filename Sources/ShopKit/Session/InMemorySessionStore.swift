import Synchronization

/// Keeps the session in memory only: it is gone when the process ends.
public final class InMemorySessionStore: SessionStore {
    private let session: Mutex<Session?>

    /// Creates a store, optionally holding a session already.
    public init(_ session: Session? = nil) {
        self.session = Mutex(session)
    }

    /// The stored session.
    public func load() async throws -> Session? {
        session.withLock { $0 }
    }

    /// Replaces the stored session.
    public func save(_ newValue: Session?) async throws {
        session.withLock { $0 = newValue }
    }
}
