import Synchronization

/// The sessions running now: admits up to the cap, and lets the server tell every one of them
/// when it stops.
final class SessionRegistry: Sendable {
    let capacity: Int
    private let sessions = Mutex<[ObjectIdentifier: ShopSession]>([:])

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds `session` unless the shop is full.
    func admit(_ session: ShopSession) -> Bool {
        sessions.withLock { sessions in
            guard sessions.count < capacity else { return false }
            sessions[ObjectIdentifier(session)] = session
            return true
        }
    }

    func remove(_ session: ShopSession) {
        _ = sessions.withLock { $0.removeValue(forKey: ObjectIdentifier(session)) }
    }

    var count: Int { sessions.withLock { $0.count } }

    var all: [ShopSession] { sessions.withLock { Array($0.values) } }
}
