import Synchronization

/// The objects of every session this server started, held weakly and counted by kind, so a
/// test (and a debug log) can tell a leak — a session's runtime, backend or client outliving
/// its connection — from the allocator merely keeping freed pages.
final class LiveObjects: Sendable {
    /// A weak reference; reading a `weak` is thread-safe, and the mutex guards the array.
    private struct Entry: @unchecked Sendable {
        let kind: String
        weak var object: AnyObject?
    }

    private struct State {
        var entries: [Entry] = []
        /// The size at which freed entries are dropped: twice the live ones after the last sweep,
        /// so the array stays near the live count at an amortised constant cost per object.
        var sweepAt = 64
    }

    private let state = Mutex(State())

    /// Starts counting `object` under `kind` until it is freed.
    func track(_ object: AnyObject, as kind: String) {
        state.withLock { state in
            if state.entries.count >= state.sweepAt {
                state.entries.removeAll { $0.object == nil }
                state.sweepAt = max(64, 2 * state.entries.count)
            }
            state.entries.append(Entry(kind: kind, object: object))
        }
    }

    /// How many of each kind are still alive (kinds with none are left out).
    var counts: [String: Int] {
        state.withLock { state in
            state.entries.removeAll { $0.object == nil }
            return state.entries.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
        }
    }
}
