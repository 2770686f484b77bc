/// A table with a header and aligned columns; like ``ListView`` it draws only visible rows.
public struct Table: Widget {
    /// One column: its header, how wide it is and how its cells are aligned.
    public struct Column: Hashable, Sendable {
        public var title: String
        public var width: Constraint
        public var alignment: TextAlignment

        public init(_ title: String, width: Constraint = .fill(), alignment: TextAlignment = .left) {
            self.title = title
            self.width = width
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var rowCount: Int
    public var state: ListState
    public var showsHeader: Bool
    /// Columns between cells.
    public var spacing: Int
    /// The content of the cell at `row`, `column`.
    public var cell: (_ row: Int, _ column: Int) -> Span

    public init(
        columns: [Column], rowCount: Int, state: ListState = ListState(selected: nil), showsHeader: Bool = true,
        spacing: Int = 2, cell: @escaping (_ row: Int, _ column: Int) -> Span
    ) {
        self.columns = columns
        self.rowCount = rowCount
        self.state = state
        self.showsHeader = showsHeader
        self.spacing = spacing
        self.cell = cell
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty, !columns.isEmpty else { return }
        var body = area
        if showsHeader {
            let header: Rect
            (header, body) = area.splitTop(1)
            let rects = Layout.split(header, .horizontal, columns.map(\.width), spacing: spacing)
            for (column, rect) in zip(columns, rects) {
                buffer.write(column.title, in: rect, style: .foreground(.title), alignment: column.alignment)
            }
        }
        guard !body.isEmpty else { return }
        let offset = state.effectiveOffset(count: rowCount, visibleRows: body.height)
        let scrollbar = Scrollbar(total: rowCount, visible: body.height, offset: offset)
        let contentWidth = body.width - (scrollbar.isNeeded ? 1 : 0)
        let columnRects = Layout.split(
            Rect(x: body.x, y: body.y, width: contentWidth, height: 1), .horizontal, columns.map(\.width), spacing: spacing)
        for row in state.visibleRange(count: rowCount, visibleRows: body.height) {
            let y = body.y + row - offset
            let isSelected = row == state.selected
            if isSelected {
                buffer.fill(Rect(x: body.x, y: y, width: contentWidth, height: 1), style: .role(.selection))
            }
            for (index, rect) in columnRects.enumerated() where rect.width > 0 {
                let span = cell(row, index)
                let style = isSelected ? Style.role(.selection, span.style.attributes) : span.style
                buffer.write(span.text, in: Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style, alignment: columns[index].alignment)
            }
        }
        scrollbar.render(into: &buffer, column: body.maxX - 1, top: body.y, height: body.height)
    }
}
