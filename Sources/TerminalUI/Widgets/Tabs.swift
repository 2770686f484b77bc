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
}
