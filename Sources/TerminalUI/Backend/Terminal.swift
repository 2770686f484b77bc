/// Draws frames on any ``TerminalBackend`` (ratatui's `Terminal`): keeps the frame on screen,
/// degrades each new frame to what the terminal can show, and hands the backend only the cells
/// that changed, with their styles resolved under the theme.
///
/// ```swift
/// let terminal = Terminal(backend: backend, theme: theme)
/// terminal.draw(view(state, terminal.size))
/// ```
public final class Terminal {
    public let backend: any TerminalBackend
    /// The theme frames are shown in; changing it redraws every cell on the next ``draw(_:)``.
    public var theme: Theme {
        didSet {
            styles = [:]
            invalidate()
        }
    }
    /// Cells sent by the last ``draw(_:)``: a whole screen after a resize, few otherwise.
    public private(set) var lastDrawCellCount = 0
    /// Regions the last ``draw(size:_:)`` copied from the frame before instead of drawing them.
    public private(set) var lastCopiedRegionCount = 0

    /// The frame on screen as the backend drew it (already degraded), or nil when unknown.
    private var shown: Buffer?
    /// The frame before `shown`, whose cells the next ``draw(size:_:)`` renders into.
    private var spare: Buffer?
    private var styles: [Style: ResolvedStyle] = [:]
    /// What the last frame drew where, for frames drawn with a ``FrameMemory``.
    private var memory = FrameMemory()

    public init(backend: any TerminalBackend, theme: Theme) {
        self.backend = backend
        self.theme = theme
    }

    public var size: Size { backend.size }
    public var capabilities: TerminalCapabilities { backend.capabilities }

    /// Has `render` draw the next frame into a blank buffer of `size`, then shows it. The
    /// buffer is the one shown two frames ago, recycled (ratatui keeps two the same way), so a
    /// frame allocates no cells.
    public func draw(size: Size, _ render: (inout Buffer) -> Void) {
        draw(size: size) { buffer, _ in render(&buffer) }
    }

    /// Like ``draw(size:_:)``, and `render` may copy regions unchanged from the last frame
    /// through `memory` instead of drawing them again (see ``FrameMemory``).
    public func draw(size: Size, _ render: (inout Buffer, inout FrameMemory) -> Void) {
        var frame = spare ?? Buffer(size: size)
        spare = nil
        frame.reset(to: size)
        render(&frame, &memory)
        lastCopiedRegionCount = memory.copiedRegionCount
        let previous = shown
        show(frame)
        memory.remember(frame)
        spare = previous
    }

    /// Shows `buffer`, sending only what changed since the last frame.
    public func draw(_ buffer: Buffer) {
        memory.forget()
        show(buffer)
    }

    private func show(_ buffer: Buffer) {
        let capabilities = backend.capabilities
        let frame = buffer.degraded(for: capabilities)
        let comparable = shown.map { $0.size == frame.size } ?? false
        if !comparable { backend.clear() }
        let changes = frame.changes(from: comparable ? shown : nil)
        var updates: [CellUpdate] = []
        updates.reserveCapacity(changes.count)
        // Neighbouring cells mostly share a style: resolve it once per run, not per cell.
        var runStyle: Style?
        var runResolved = ResolvedStyle()
        for change in changes {
            if change.cell.style != runStyle {
                runResolved = resolved(change.cell.style, capability: capabilities.colors)
                runStyle = change.cell.style
            }
            updates.append(CellUpdate(x: change.x, y: change.y, symbol: change.cell.symbol, width: change.width, style: runResolved))
        }
        backend.draw(updates)
        backend.setCursor(frame.cursor)
        backend.flush()
        lastDrawCellCount = updates.count
        shown = frame
    }

    /// Forgets what is on screen, so the next ``draw(_:)`` repaints every cell.
    public func invalidate() {
        shown = nil
        memory.forget()
    }

    /// Gives the terminal back to the shell until it is taken back; the next frame is whole.
    public func suspend() {
        backend.suspend()
        invalidate()
    }

    private func resolved(_ style: Style, capability: ColorCapability) -> ResolvedStyle {
        if let known = styles[style] { return known }
        let value = theme.resolve(style, capability: capability)
        styles[style] = value
        return value
    }
}
