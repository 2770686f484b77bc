extension Buffer {
    /// Writes `text` word-wrapped into `area`, from its top row; returns the rows used.
    ///
    /// Hints and messages go through here rather than being clipped to one row: a sentence is
    /// never cut mid-word. When it needs more rows than `area` has, the last row shown ends in "…".
    @discardableResult
    public mutating func writeWrapped(_ text: String, in area: Rect, style: Style = .plain) -> Int {
        guard !area.isEmpty else { return 0 }
        let lines = TextWidth.wrap(TextSanitizer.sanitizeLines(text), toColumns: area.width)
        let shown = min(lines.count, area.height)
        for index in 0..<shown {
            var line = lines[index]
            if index == shown - 1 && lines.count > shown {
                line = TextWidth.truncate(line + " …", toColumns: area.width)
            }
            write(line, x: area.x, y: area.y + index, style: style, maxWidth: area.width)
        }
        return shown
    }

    /// The rows ``writeWrapped(_:in:style:)`` needs for `text` at `width` columns.
    public static func wrappedHeight(_ text: String, width: Int) -> Int {
        TextWidth.wrap(TextSanitizer.sanitizeLines(text), toColumns: max(1, width)).count
    }
}
