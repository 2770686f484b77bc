/// A row of tabs with one selected, e.g. Catalog │ Cart │ Orders.
public struct Tabs: Widget {
    public var titles: [String]
    public var selected: Int

    public init(_ titles: [String], selected: Int) {
        self.titles = titles
        self.selected = selected
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        var x = area.x
        for (index, title) in titles.enumerated() {
            if index > 0 {
                x += buffer.write("│", x: x, y: area.y, style: .foreground(.border), maxWidth: area.maxX - x)
            }
            let style: Style = index == selected ? .role(.tabActive) : .role(.tabInactive)
            x += buffer.write(" \(title) ", x: x, y: area.y, style: style, maxWidth: area.maxX - x)
            if x >= area.maxX { break }
        }
    }

    /// Where each tab's title is drawn in `area`, clipped to it (empty for a tab cut off), in
    /// the order of `titles`: the regions a click on a tab hits.
    public func titleRects(in area: Rect) -> [Rect] {
        var left = area.x
        var rects: [Rect] = []
        for (index, title) in titles.enumerated() {
            if index > 0 { left += 1 }  // the "│" before it
            let width = TextWidth.columns(of: title) + 2
            rects.append(Rect(x: left, y: area.y, width: min(left + width, area.maxX) - left, height: min(1, area.height)))
            left += width
        }
        return rects
    }

    /// The tab drawn at column `x` when rendered in `area` (for mouse clicks), if any.
    public func index(atColumn x: Int, in area: Rect) -> Int? {
        titleRects(in: area).firstIndex { x >= $0.x && x < $0.maxX }
    }
}
