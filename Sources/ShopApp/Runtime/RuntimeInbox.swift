import Synchronization
import TerminalUI

/// What wakes a run loop: terminal events, a nudge (an effect answered) or a deadline. The loop
/// sleeps in ``wait(until:)`` and then takes everything that arrived in one go, which is how
/// keys typed faster than frames are drawn get coalesced.
final class RuntimeInbox: Sendable {
    private struct State {
        var events: [Event] = []
        var inputEnded = false
        /// Set by a nudge that came while nobody waited, so the next wait returns at once.
        var signalled = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    func post(_ event: Event) {
        state.withLock { $0.events.append(event) }
        nudge()
    }

    func endInput() {
        state.withLock { $0.inputEnded = true }
        nudge()
    }

    /// Wakes the loop (or makes its next wait return at once).
    func nudge() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.signalled = true
            return nil
        }
        waiter?.resume()
    }

    /// Sleeps until a nudge or `deadline` (forever when nil).
    func wait(until deadline: ContinuousClock.Instant?) async {
        let timer = deadline.map { deadline in
            Task { [weak self] in
                try? await Task.sleep(until: deadline, clock: .continuous)
                if !Task.isCancelled { self?.nudge() }
            }
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state in
                if state.signalled { return true }
                state.waiter = continuation
                return false
            }
            if now { continuation.resume() }
        }
        timer?.cancel()
        state.withLock { $0.signalled = false }
    }

    /// The events since the last call, and whether the terminal is gone.
    func take() -> (events: [Event], inputEnded: Bool) {
        state.withLock { state in
            defer { state.events = [] }
            return (state.events, state.inputEnded)
        }
    }
}
