import Synchronization

/// A terminal reached through bytes only: frames become ANSI escape sequences written to
/// `output`, and bytes handed to ``receive(_:)`` become events. Nothing is read from the
/// process (no tty, no environment, no signals), so one process can serve many terminals:
/// an SSH channel, a pty, a test.
///
/// ```swift
/// let backend = AnsiBackend(capabilities: caps, size: Size(width: 80, height: 24)) { bytes in channel.write(bytes) }
/// backend.start()
/// channel.onData { backend.receive($0) }; channel.onWindowChange { backend.resize(to: $0) }
/// ```
public final class AnsiBackend: TerminalBackend {
    public struct Options: Sendable {
        /// Report clicks and the wheel (SGR mouse).
        public var mouse: Bool
        /// How long a lone Esc waits for the rest of a sequence before it is the Esc key.
        public var escapeDelay: Duration

        public init(mouse: Bool = true, escapeDelay: Duration = .milliseconds(25)) {
            self.mouse = mouse
            self.escapeDelay = escapeDelay
        }
    }

    public let capabilities: TerminalCapabilities
    public let options: Options

    private struct State {
        var size: Size
        var decoder = InputDecoder()
        /// Bumped by every input, so a stale Esc timer does nothing.
        var inputGeneration = 0
        var output: [UInt8] = []
        var style: ResolvedStyle?
        var cursorAt: Position?
    }

    private let state: Mutex<State>
    private let eventPipe = EventPipe()
    private let write: @Sendable ([UInt8]) -> Void

    /// - Parameter write: where the bytes go, called from ``flush()`` and start/stop.
    public init(capabilities: TerminalCapabilities, size: Size, options: Options = Options(),
                write: @escaping @Sendable ([UInt8]) -> Void) {
        self.capabilities = capabilities
        self.options = options
        self.write = write
        self.state = Mutex(State(size: size))
    }

    public var size: Size { state.withLock { $0.size } }
    public var events: AsyncStream<Event> { eventPipe.events }
    public func deliverEvents(to receiver: @escaping @Sendable (Event?) -> Void) { eventPipe.deliver(to: receiver) }

    // MARK: Taking over and giving back

    /// The alternate screen, no cursor, bracketed paste and (if asked) the mouse.
    public func start() {
        var bytes = "\u{1B}[?1049h\u{1B}[?25l\u{1B}[?2004h\u{1B}[2J"
        if options.mouse { bytes += "\u{1B}[?1000h\u{1B}[?1006h" }
        write(Array(bytes.utf8))
    }

    /// Everything ``start()`` turned on, turned off again; the events end.
    public func stop() {
        var bytes = "\u{1B}[0m"
        if options.mouse { bytes += "\u{1B}[?1006l\u{1B}[?1000l" }
        bytes += "\u{1B}[?2004l\u{1B}[?25h\u{1B}[?1049l"
        write(Array(bytes.utf8))
        eventPipe.finish()
    }

    // MARK: Input

    /// Bytes the terminal sent.
    public func receive(_ bytes: some Sequence<UInt8>) {
        let (decoded, generation, waiting) = state.withLock { state in
            state.inputGeneration &+= 1
            let events = state.decoder.feed(bytes)
            return (events, state.inputGeneration, state.decoder.hasPending)
        }
        for event in decoded { eventPipe.send(event) }
        if waiting { scheduleEscapeTimeout(generation: generation) }
    }

    /// The terminal now has `size` (an SSH window-change request, SIGWINCH on a pty).
    public func resize(to size: Size) {
        state.withLock { $0.size = size }
        eventPipe.send(.resize(size))
    }

    /// The input ended (the connection closed): the events end.
    public func finishInput() {
        eventPipe.finish()
    }

    private func scheduleEscapeTimeout(generation: Int) {
        let delay = options.escapeDelay
        Task { [weak self] in
            try? await Task.sleep(for: delay)
            guard let self else { return }
            let flushed = self.state.withLock { state in
                state.inputGeneration == generation ? state.decoder.flushPending() : []
            }
            for event in flushed { self.eventPipe.send(event) }
        }
    }

    // MARK: Output

    public func draw(_ updates: [CellUpdate]) {
        state.withLock { state in
            for update in updates {
                if state.cursorAt != Position(x: update.x, y: update.y) {
                    state.output.append(contentsOf: "\u{1B}[\(update.y + 1);\(update.x + 1)H".utf8)
                }
                if state.style != update.style {
                    state.output.append(contentsOf: AnsiStyle.sequence(for: update.style).utf8)
                    state.style = update.style
                }
                state.output.append(contentsOf: (update.symbol.isEmpty ? " " : update.symbol).utf8)
                state.cursorAt = Position(x: update.x + update.width, y: update.y)
            }
        }
    }

    public func setCursor(_ position: Position?) {
        state.withLock { state in
            if let position {
                state.output.append(contentsOf: "\u{1B}[\(position.y + 1);\(position.x + 1)H\u{1B}[?25h".utf8)
                state.cursorAt = position
            } else {
                state.output.append(contentsOf: "\u{1B}[?25l".utf8)
            }
        }
    }

    public func clear() {
        state.withLock { state in
            state.output.append(contentsOf: "\u{1B}[0m\u{1B}[2J".utf8)
            state.style = nil
            state.cursorAt = nil
        }
    }

    public func flush() {
        let bytes = state.withLock { state in
            defer { state.output = [] }
            return state.output
        }
        if !bytes.isEmpty { write(bytes) }
    }

    /// Queued behind the frame's bytes and written at once (it is not part of a frame).
    public func send(_ signal: TerminalSignal) {
        let bytes = state.withLock { state in
            defer { state.output = [] }
            return state.output + signal.bytes
        }
        write(bytes)
    }

    /// A remote terminal cannot stop this process: suspending only means the next frame is
    /// drawn whole.
    public func suspend() {
        state.withLock { $0.style = nil }
    }
}

/// SGR sequences for resolved styles.
enum AnsiStyle {
    static func sequence(for style: ResolvedStyle) -> String {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.italic) { codes.append("3") }
        if style.attributes.contains(.underline) { codes.append("4") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        if let foreground = code(for: style.foreground, base: 30) { codes.append(foreground) }
        if let background = code(for: style.background, base: 40) { codes.append(background) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private static func code(for color: Color, base: Int) -> String? {
        switch color {
        case .terminalDefault: nil
        case .ansi(let index) where index < 8: "\(base + Int(index))"
        case .ansi(let index): "\(base + 60 + Int(index & 7))"
        case .indexed(let index): "\(base + 8);5;\(index)"
        case .rgb(let red, let green, let blue): "\(base + 8);2;\(red);\(green);\(blue)"
        }
    }
}
