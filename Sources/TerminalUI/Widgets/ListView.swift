/// A scrolling list with a selection, drawing only the rows on screen.
///
/// It takes the item count and a closure that renders one row, not the rows themselves, so a
/// list of 100 000 products costs the same to draw as a list of 50: `row` is called only for
/// the visible indices.
public struct ListView: Widget {
    public var count: Int
    public var state: ListState
    /// Drawn before the selected row (and as blank space before the others) so the selection
    /// stays visible without colour.
    public var highlightSymbol: String
    public var showsScrollbar: Bool
    /// Shown when the list is empty.
    public var emptyText: String
    /// The content of row `index`.
    public var row: (Int) -> Line

    public init(
        count: Int, state: ListState, highlightSymbol: String = "› ", showsScrollbar: Bool = true,
        emptyText: String = "Nothing here", row: @escaping (Int) -> Line
    ) {
        self.count = count
        self.state = state
        self.highlightSymbol = highlightSymbol
        self.showsScrollbar = showsScrollbar
        self.emptyText = emptyText
        self.row = row
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        var memory = FrameMemory()
        render(into: &buffer, area: area, theme: theme, memory: &memory, region: 0, rowFingerprint: nil)
    }

    /// Draws the list, copying from the last frame each row whose item, selection and place
    /// are unchanged. `rowFingerprint(index)` must hash everything `row(index)` reads; `region`
    /// tells this list apart from the others drawn in the frame.
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme, memory: inout FrameMemory,
                       region: Int, rowFingerprint: ((Int) -> Int)?) {
        guard !area.isEmpty else { return }
        guard count > 0 else {
            buffer.write(emptyText, in: area.row(0), style: .foreground(.muted))
            return
        }
        let offset = state.effectiveOffset(count: count, visibleRows: area.height)
        let scrollbar = Scrollbar(total: count, visible: area.height, offset: offset)
        let contentWidth = area.width - (showsScrollbar && scrollbar.isNeeded ? 1 : 0)
        let symbolWidth = TextWidth.columns(of: highlightSymbol)
        for index in state.visibleRange(count: count, visibleRows: area.height) {
            let y = area.y + index - offset
            let rowArea = Rect(x: area.x, y: y, width: contentWidth, height: 1)
            if let rowFingerprint {
                var fingerprint = Hasher()
                fingerprint.combine(rowFingerprint(index))
                fingerprint.combine(index == state.selected)
                fingerprint.combine(highlightSymbol)
                if memory.reuse(Self.rowRegion(region, y: y), area: rowArea, fingerprint: fingerprint.finalize(), into: &buffer) { continue }
            }
            let line = row(index)
            if index == state.selected {
                buffer.fill(rowArea, style: .role(.selection))
                buffer.write(highlightSymbol, x: area.x, y: y, style: .role(.selection), maxWidth: contentWidth)
                buffer.write(line.selected(), x: area.x + symbolWidth, y: y, maxWidth: contentWidth - symbolWidth)
            } else {
                buffer.write(line, x: area.x + symbolWidth, y: y, maxWidth: contentWidth - symbolWidth)
            }
        }
        if showsScrollbar {
            scrollbar.render(into: &buffer, column: area.maxX - 1, top: area.y, height: area.height)
        }
    }

    /// The region of the row drawn on screen row `y` of list `region`.
    private static func rowRegion(_ region: Int, y: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(region)
        hasher.combine(y)
        return hasher.finalize()
    }
}

extension Line {
    /// This line as it looks when selected: the selection colours, each span's attributes kept.
    /// A search match keeps its highlight, so it can still be found on the selected row.
    public func selected() -> Line {
        Line(spans.map { span in
            if span.style.foreground == .role(.highlight) { return span }
            return Span(span.text, style: .role(.selection, span.style.attributes))
        })
    }
}
