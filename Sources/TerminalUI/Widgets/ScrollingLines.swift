/// Lines taller than their area, shown from a scroll offset with a scrollbar: a tracker, an
/// invoice, the help. The owner keeps the offset; ``clampedOffset(_:visibleRows:)`` says how
/// far it can go so that `G` lands on the real end and `k` after it moves at once.
public struct ScrollingLines: Widget {
    public var lines: [Line]
    public var offset: Int
    public init(_ lines: [Line], offset: Int) {
        self.lines = lines
        self.offset = offset
    }

    /// The largest useful offset with `visibleRows` rows.
    public static func maxOffset(lineCount: Int, visibleRows: Int) -> Int {
        max(0, lineCount - max(1, visibleRows))
    }

    /// `offset` kept between the top and the last screenful.
    public func clampedOffset(_ offset: Int, visibleRows: Int) -> Int {
        min(max(0, offset), Self.maxOffset(lineCount: lines.count, visibleRows: visibleRows))
    }

    /// "12–30 of 45" when there is more than fits, for a panel's title; nil when all fits.
    public func positionLabel(visibleRows: Int) -> String? {
        guard lines.count > visibleRows, visibleRows > 0 else { return nil }
        let first = clampedOffset(offset, visibleRows: visibleRows)
        return "\(first + 1)–\(min(lines.count, first + visibleRows)) of \(lines.count)"
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let scrollbar = Scrollbar(total: lines.count, visible: area.height, offset: clampedOffset(offset, visibleRows: area.height))
        let width = area.width - (scrollbar.isNeeded ? 1 : 0)
        let first = scrollbar.offset
        for row in 0..<min(area.height, lines.count - first) {
            buffer.write(lines[first + row], x: area.x, y: area.y + row, maxWidth: width)
        }
        scrollbar.render(into: &buffer, column: area.maxX - 1, top: area.y, height: area.height)
    }
}
