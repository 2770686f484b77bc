/// A one-row bar with text at the left and right ends, e.g. signed-in user and cart total.
public struct StatusBar: Widget {
    public var left: String
    public var right: String

    public init(left: String, right: String = "") {
        self.left = left
        self.right = right
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        let style = Style.role(.statusBar)
        buffer.fill(row, style: style)
        let rightText = TextWidth.truncate(TextSanitizer.sanitizeLine(right), toColumns: max(0, row.width / 2 - 1))
        let rightWidth = TextWidth.columns(of: rightText)
        if rightWidth > 0 {
            buffer.write(rightText, x: row.maxX - 1 - rightWidth, y: row.y, style: style)
        }
        let leftSpace = row.width - 2 - (rightWidth > 0 ? rightWidth + 2 : 0)
        if leftSpace > 0 {
            buffer.write(TextWidth.truncate(TextSanitizer.sanitizeLine(left), toColumns: leftSpace), x: row.x + 1, y: row.y, style: style)
        }
    }
}
