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
        let (header, body) = showsHeader ? area.splitTop(1) : (Rect(x: area.x, y: area.y, width: area.width, height: 0), area)
        let offset = state.effectiveOffset(count: rowCount, visibleRows: body.height)
        let scrollbar = Scrollbar(total: rowCount, visible: body.height, offset: offset)
        // Header and rows share the column layout, narrowed by the scrollbar when there is one.
        let contentWidth = area.width - (scrollbar.isNeeded ? 1 : 0)
        let columnRects = Layout.split(
            Rect(x: area.x, y: area.y, width: contentWidth, height: 1), .horizontal, columns.map(\.width), spacing: spacing)
        if !header.isEmpty {
            for (column, rect) in zip(columns, columnRects) {
                buffer.write(column.title, in: Rect(x: rect.x, y: header.y, width: rect.width, height: 1), style: .foreground(.title), alignment: column.alignment)
            }
        }
        guard !body.isEmpty else { return }
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
