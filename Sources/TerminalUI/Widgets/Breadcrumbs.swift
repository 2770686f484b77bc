/// A path of steps with the current one marked, e.g. the checkout: Cart › Address › Payment.
///
/// Steps before the current one are done, after it pending. When the row is too narrow the
/// first steps give way to "…" so the current step stays visible.
public struct Breadcrumbs: Widget {
    public var steps: [String]
    public var current: Int
    public var separator: String

    public init(_ steps: [String], current: Int, separator: String = " › ") {
        self.steps = steps
        self.current = current
        self.separator = separator
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty, !steps.isEmpty else { return }
        let labels = steps.enumerated().map { index, step in index < current ? "✓ \(step)" : step }
        let separatorWidth = TextWidth.columns(of: separator)
        func width(from start: Int) -> Int {
            labels[start...].reduce(0) { $0 + TextWidth.columns(of: $1) } + separatorWidth * (labels.count - start - 1)
                + (start > 0 ? 1 + separatorWidth : 0)
        }
        var first = 0
        while first < min(current, labels.count - 1) && width(from: first) > area.width { first += 1 }
        var x = area.x
        if first > 0 {
            x += buffer.write("…", x: x, y: area.y, style: .foreground(.muted), maxWidth: area.maxX - x)
            x += buffer.write(separator, x: x, y: area.y, style: .foreground(.muted), maxWidth: area.maxX - x)
        }
        for index in first..<labels.count where x < area.maxX {
            if index > first {
                x += buffer.write(separator, x: x, y: area.y, style: .foreground(.muted), maxWidth: area.maxX - x)
            }
            let style: Style =
                index < current ? .foreground(.stepDone) : index == current ? .foreground(.stepCurrent) : .foreground(.stepPending)
            x += buffer.write(labels[index], x: x, y: area.y, style: style, maxWidth: area.maxX - x)
        }
    }
}
