/// One changed cell as a backend draws it: the symbol already degraded to what the terminal
/// can show and the style already resolved to concrete colours.
public struct CellUpdate: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var symbol: String
    /// Columns covered (2 for a wide character).
    public var width: Int
    public var style: ResolvedStyle

    public init(x: Int, y: Int, symbol: String, width: Int, style: ResolvedStyle) {
        self.x = x
        self.y = y
        self.symbol = symbol
        self.width = width
        self.style = style
    }
}

/// A terminal as ``Terminal`` drives it. A backend only turns changed cells into output and
/// input into ``Event``s; the previous frame, the diff and degradation live in ``Terminal``.
///
/// Backends take their input, output, `TERM` and size from whoever creates them (a local tty,
/// an SSH channel, a test), never from process globals, so many can live in one process.
public protocol TerminalBackend: AnyObject, Sendable {
    /// What the terminal can show.
    var capabilities: TerminalCapabilities { get }
    /// The size in cells.
    var size: Size { get }
    /// Key, mouse and resize events, in order; the sequence ends when the terminal goes away.
    /// Iterated by one consumer, who may instead take them from ``deliverEvents(to:)``.
    var events: AsyncStream<Event> { get }
    /// Hands each event to `receiver` as it is read, on the thread that read it, then nil
    /// when the input ends: one thread hop sooner than ``events``. Use one of the two, once.
    func deliverEvents(to receiver: @escaping @Sendable (Event?) -> Void)
    /// Draws `updates` (in row-major order). Output may be buffered until ``flush()``.
    func draw(_ updates: [CellUpdate])
    /// Shows the cursor at `position`, or hides it.
    func setCursor(_ position: Position?)
    /// Clears the screen (before a full redraw).
    func clear()
    /// Sends what was drawn.
    func flush()
    /// Sends a clipboard copy or a notification (``TerminalSignal``) to the terminal, after
    /// what is already drawn.
    func send(_ signal: TerminalSignal)
    /// Gives the terminal back to the shell (Ctrl-Z); returns once it is taken back. The next
    /// frame is drawn in full.
    func suspend()
}

extension TerminalBackend {
    /// For a backend without an ``EventPipe``: reads ``events`` in a task.
    public func deliverEvents(to receiver: @escaping @Sendable (Event?) -> Void) {
        let events = self.events
        Task {
            for await event in events { receiver(event) }
            receiver(nil)
        }
    }
}
