import NIOCore
import Synchronization

/// The session channels open on one connection. A connection is for shopping: once its last
/// session ends (the person quit, the server closed it), the connection is closed too, and one
/// that never opens a session is closed after the set-up time. Otherwise a client that keeps
/// its TCP connection after the shop ends would hold the connection's SSH state for ever,
/// outside the session cap.
final class ConnectionSessions: Sendable {
    private struct State {
        var open = 0
        var everOpened = false
    }

    private let state = Mutex(State())
    private let connection: any Channel

    init(connection: any Channel) {
        self.connection = connection
    }

    /// A session channel opened on the connection; when it closes and no other is open, the
    /// connection closes.
    func opened(_ child: any Channel) {
        state.withLock { state in
            state.open += 1
            state.everOpened = true
        }
        child.closeFuture.whenComplete { [self] _ in
            let last = state.withLock { state in
                state.open -= 1
                return state.open == 0
            }
            if last { connection.close(promise: nil) }
        }
    }

    /// Closes the connection if it never opened a session (called when the set-up time is up).
    func closeIfNeverUsed() {
        if !state.withLock({ $0.everOpened }) { connection.close(promise: nil) }
    }
}
