import Synchronization

/// Open connections of one gateway, shared by every connection's ``ConnectionAdmissionHandler``.
final class ConnectionCounter: Sendable {
    private let open = Atomic<Int>(0)

    /// Counts a new connection and returns how many are open with it.
    func opened() -> Int { open.add(1, ordering: .relaxed).newValue }

    func closed() { open.subtract(1, ordering: .relaxed) }

    var current: Int { open.load(ordering: .relaxed) }
}

/// Fired down the pipeline by ``ConnectionAdmissionHandler`` whenever bytes arrive, so that
/// ``RequestGuardHandler`` (which sees only parsed requests) knows when a request has begun.
struct RequestBytesArrived: Sendable {}
