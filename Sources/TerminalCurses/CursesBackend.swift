import CNcurses
import Foundation
import Synchronization
import TerminalUI

/// The local terminal through ncurses as a ``TerminalBackend``: the default for `shop`.
///
/// Input is waited for with poll(2) on a thread of its own, on stdin and on a pipe that
/// SIGWINCH writes to, so nothing wakes while the person does nothing. Every ncurses call,
/// from that thread or from the renderer, happens under one lock (ncurses is not thread-safe).
public final class CursesBackend: TerminalBackend {
    public let capabilities: TerminalCapabilities

    /// The ncurses terminal; touched only under `lock`.
    private let terminal: Mutex<CursesTerminalBox>
    private let eventPipe = EventPipe()
    private let winchPipe: (read: Int32, write: Int32)
    private let stopPipe: (read: Int32, write: Int32)

    /// Starts `terminal` (which throws ``TerminalError`` without a usable terminal) and starts
    /// reading input. `codeset` is the locale's character set (`nl_langinfo(CODESET)` after
    /// `setlocale`), which decides whether non-ASCII characters can be shown.
    public init(terminal: CursesTerminal, codeset: String) throws {
        winchPipe = try Self.makePipe()
        stopPipe = try Self.makePipe()
        // Before newterm: ncurses then leaves SIGWINCH to us (see cnc_install_winch_pipe).
        cnc_install_winch_pipe(winchPipe.write)
        try terminal.start()
        capabilities = TerminalCapabilities.detect(environment: terminal.options.environment, codeset: codeset)
            .narrowed(to: terminal.colorCapability)
        self.terminal = Mutex(CursesTerminalBox(terminal))
        let thread = Thread { [weak self] in self?.readInput() }
        thread.name = "shop.terminal-input"
        thread.start()
    }

    /// Stops reading input and gives the terminal back to the shell.
    public func stop() {
        var byte: UInt8 = 1
        _ = write(stopPipe.write, &byte, 1)
        terminal.withLock { $0.terminal.stop() }
        eventPipe.finish()
    }

    public var events: AsyncStream<Event> { eventPipe.events }
    public func deliverEvents(to receiver: @escaping @Sendable (Event?) -> Void) { eventPipe.deliver(to: receiver) }

    public var size: Size { terminal.withLock { $0.terminal.size } }

    public func draw(_ updates: [CellUpdate]) { terminal.withLock { $0.terminal.draw(updates) } }
    public func setCursor(_ position: Position?) { terminal.withLock { $0.terminal.setCursor(position) } }
    public func clear() { terminal.withLock { $0.terminal.clear() } }
    public func flush() { terminal.withLock { $0.terminal.flush() } }
    public func suspend() { terminal.withLock { $0.terminal.suspend() } }
    public func send(_ signal: TerminalSignal) { terminal.withLock { $0.terminal.send(signal) } }

    // MARK: Input

    private func readInput() {
        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: winchPipe.read, events: Int16(POLLIN), revents: 0),
            pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0),
        ]
        var emptyReadsInARow = 0
        var joiner = KeyJoiner()
        while true {
            for index in fds.indices { fds[index].revents = 0 }
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if fds[2].revents != 0 { return }
            if fds[1].revents & Int16(POLLIN) != 0 {
                Self.drain(winchPipe.read)
                let size = terminal.withLock { $0.terminal.adoptKernelSize() }
                eventPipe.send(.resize(size))
            }
            let input = fds[0].revents
            if input & Int16(POLLIN) != 0 {
                let events = terminal.withLock { box in
                    var events: [Event] = []
                    while events.count < 4096, let event = box.terminal.nextEvent(timeout: .zero) { events.append(event) }
                    return events
                }
                for event in joiner.join(events) { eventPipe.send(event) }
                // Readable with nothing to read, again and again: the terminal hung up.
                emptyReadsInARow = events.isEmpty ? emptyReadsInARow + 1 : 0
                if emptyReadsInARow > 100 { break }
            } else if input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                break
            }
        }
        eventPipe.finish()
    }

    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw TerminalError.initialisationFailed(term: "pipe: errno \(errno)") }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        return (ends[0], ends[1])
    }

    private static func drain(_ fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(fd, &buffer, buffer.count) > 0 {}
    }
}

/// Lets the non-Sendable ncurses terminal live inside a Mutex: every use is under the lock.
struct CursesTerminalBox: @unchecked Sendable {
    let terminal: CursesTerminal
    init(_ terminal: CursesTerminal) { self.terminal = terminal }
}
