import Synchronization
import TerminalUI

/// A terminal in memory for tests (ratatui's `TestBackend`): it keeps the screen the updates
/// produced, counts frames, and delivers the events a test sends.
public final class TestBackend: TerminalBackend {
    public let capabilities: TerminalCapabilities

    private struct State {
        var size: Size
        var symbols: [String]
        var styles: [ResolvedStyle]
        var cursor: Position?
        var flushes = 0
        var updatedCells = 0
        var suspensions = 0
        var signals: [TerminalSignal] = []
    }

    private let state: Mutex<State>
    private let eventPipe = EventPipe()
    /// Called after every flush with the number of frames so far (a test's hook to wait on frames).
    private let onFlush: (@Sendable (Int) -> Void)?

    public init(size: Size = Size(width: 80, height: 24), capabilities: TerminalCapabilities = .full,
                onFlush: (@Sendable (Int) -> Void)? = nil) {
        self.capabilities = capabilities
        self.onFlush = onFlush
        let cells = size.width * size.height
        state = Mutex(State(size: size, symbols: Array(repeating: " ", count: cells),
                            styles: Array(repeating: ResolvedStyle(), count: cells)))
    }

    public var events: AsyncStream<Event> { eventPipe.events }
    public func deliverEvents(to receiver: @escaping @Sendable (Event?) -> Void) { eventPipe.deliver(to: receiver) }

    // MARK: What a test does

    /// Delivers `event` as if the terminal sent it.
    public func send(_ event: Event) { eventPipe.send(event) }

    /// Changes the size and delivers the resize event, as a terminal window would.
    public func resize(to size: Size) {
        state.withLock { state in
            state.size = size
            state.symbols = Array(repeating: " ", count: size.width * size.height)
            state.styles = Array(repeating: ResolvedStyle(), count: size.width * size.height)
        }
        eventPipe.send(.resize(size))
    }

    /// Ends the events, as a hung-up terminal would.
    public func hangUp() { eventPipe.finish() }

    /// The screen as text, one line per row.
    public var lines: [String] {
        state.withLock { state in
            (0..<state.size.height).map { y in
                state.symbols[(y * state.size.width)..<((y + 1) * state.size.width)].joined()
            }
        }
    }

    /// Every symbol on screen, row by row.
    public var symbols: [String] { state.withLock { $0.symbols } }
    /// The resolved style of every cell, row by row.
    public var styles: [ResolvedStyle] { state.withLock { $0.styles } }
    /// Frames shown so far (one flush per frame).
    public var frameCount: Int { state.withLock { $0.flushes } }
    /// Cells written so far.
    public var updatedCellCount: Int { state.withLock { $0.updatedCells } }
    public var cursor: Position? { state.withLock { $0.cursor } }
    public var suspensionCount: Int { state.withLock { $0.suspensions } }

    // MARK: TerminalBackend

    public var size: Size { state.withLock { $0.size } }

    public func draw(_ updates: [CellUpdate]) {
        state.withLock { state in
            for update in updates where update.y < state.size.height && update.x < state.size.width {
                let index = update.y * state.size.width + update.x
                state.symbols[index] = update.symbol
                state.styles[index] = update.style
                if update.width == 2 && update.x + 1 < state.size.width {
                    state.symbols[index + 1] = ""
                    state.styles[index + 1] = update.style
                }
            }
            state.updatedCells += updates.count
        }
    }

    public func setCursor(_ position: Position?) { state.withLock { $0.cursor = position } }

    public func clear() {
        state.withLock { state in
            state.symbols = Array(repeating: " ", count: state.size.width * state.size.height)
            state.styles = Array(repeating: ResolvedStyle(), count: state.size.width * state.size.height)
        }
    }

    public func flush() {
        let frames = state.withLock { state in
            state.flushes += 1
            return state.flushes
        }
        onFlush?(frames)
    }

    public func suspend() { state.withLock { $0.suspensions += 1 } }

    public func send(_ signal: TerminalSignal) { state.withLock { $0.signals.append(signal) } }

    /// The signals sent so far (copies, bells, notifications), in order.
    public var signals: [TerminalSignal] { state.withLock { $0.signals } }
    /// The bytes those signals put on the wire.
    public var signalBytes: [UInt8] { state.withLock { $0.signals.flatMap(\.bytes) } }
}
