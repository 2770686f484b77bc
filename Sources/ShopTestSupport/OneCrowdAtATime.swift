import Synchronization

/// Runs `work` while no other test of the process runs work of its own through this function.
///
/// For the tests that each bring a whole crowd into the process (100 runtimes buying at once,
/// 50 SSH shoppers): each is written as the crowd of its process, with waits sized for it.
/// Side by side, inside the whole suite on two cores, they doubled each other's queues and a
/// shopper's first request outwaited its 120 s. They take turns instead; the rest of the suite
/// still runs beside whichever is on. Waiting holds no thread.
public func oneCrowdAtATime<T, E: Error>(
    isolation: isolated (any Actor)? = #isolation, _ work: () async throws(E) -> T
) async throws(E) -> T {
    await CrowdTurns.shared.acquire()
    defer { CrowdTurns.shared.release() }
    return try await work()
}

/// The turn of ``oneCrowdAtATime(isolation:_:)``: one holder, the others wait in order.
final class CrowdTurns: Sendable {
    static let shared = CrowdTurns()

    private struct State {
        var held = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted = state.withLock { state in
                if state.held {
                    state.waiters.append(continuation)
                    return false
                }
                state.held = true
                return true
            }
            if granted { continuation.resume() }
        }
    }

    /// Hands the turn to the longest waiter, or frees it.
    func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiters.isEmpty else {
                state.held = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
