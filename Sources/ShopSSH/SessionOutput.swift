import NIOCore
import NIOSSH
import Synchronization

/// Where one session's frames go: the SSH channel. Once the session is closing nothing more is
/// drawn, and a client that stops reading its output is disconnected instead of making the
/// server buffer frames without end.
final class SessionOutput: Sendable {
    private let channel: any Channel
    private let isClosed = Mutex(false)
    private let pendingBytes = Atomic<Int>(0)
    /// Bytes written but not yet taken by the client beyond which it is cut off.
    let pendingLimit: Int

    init(channel: any Channel, pendingLimit: Int = 4 * 1024 * 1024) {
        self.channel = channel
        self.pendingLimit = pendingLimit
    }

    /// A frame from the runtime's backend; dropped once the session is closing.
    func send(_ bytes: [UInt8]) {
        // Checked and written under the lock, so no frame can follow the goodbye.
        let overflowing = isClosed.withLock { closed -> Bool in
            guard !closed else { return false }
            if pendingBytes.load(ordering: .relaxed) > pendingLimit {
                closed = true
                return true
            }
            write(bytes)
            return false
        }
        if overflowing { channel.close(promise: nil) }
    }

    /// Stops frames; what follows is written with ``sendFinal(_:)``.
    func close() {
        isClosed.withLock { $0 = true }
    }

    /// The last words of a closing session (terminal restore, a goodbye line): after every frame.
    func sendFinal(_ bytes: [UInt8]) {
        isClosed.withLock { closed in
            closed = true
            write(bytes)
        }
    }

    private func write(_ bytes: [UInt8]) {
        let buffer = channel.allocator.buffer(bytes: bytes)
        let count = bytes.count
        pendingBytes.add(count, ordering: .relaxed)
        let promise = channel.eventLoop.makePromise(of: Void.self)
        promise.futureResult.whenComplete { _ in self.pendingBytes.subtract(count, ordering: .relaxed) }
        channel.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(buffer)), promise: promise)
    }
}

/// What gives a remote terminal back as it was: the same modes `AnsiBackend.start()` turns on,
/// turned off, written after the last frame so no late frame can follow it.
enum TerminalRestore {
    static let bytes = Array("\u{1B}[0m\u{1B}[?1006l\u{1B}[?1000l\u{1B}[?2004l\u{1B}[?25h\u{1B}[?1049l".utf8)
}
