extension Buffer {
    /// A text picture of the buffer for snapshot tests: the character grid, then one line per
    /// style run, so that a diff shows both what changed on screen and how it is styled.
    ///
    /// ```
    /// screen 12x2
    ///  0|Hello wörld |
    ///  1|価格 ¥1,200  |
    /// cursor 3,1
    /// styles (row: columns style; plain runs omitted)
    ///  0: 0-4 fg=accent bold
    ///  1: 5-10 fg=price
    /// ```
    ///
    /// With a theme, styles are shown resolved to colours (as the theme and `capability` would
    /// show them) instead of by role.
    public func snapshotText(theme: Theme? = nil, capability: ColorCapability = .truecolor) -> String {
        var lines = ["screen \(width)x\(height)"]
        for y in 0..<height {
            let number = y < 10 ? " \(y)" : "\(y)"
            lines.append("\(number)|\(text(ofRow: y))|")
        }
        if let cursor { lines.append("cursor \(cursor.x),\(cursor.y)") }
        lines.append("styles (row: columns style; plain runs omitted)")
        for y in 0..<height {
            var start = 0
            while start < width {
                let style = cells[y * width + start].style
                var end = start
                while end + 1 < width && cells[y * width + end + 1].style == style { end += 1 }
                let label = theme.map { $0.resolve(style, capability: capability).description } ?? style.description
                if style != .plain && !(theme != nil && label == "plain") {
                    let number = y < 10 ? " \(y)" : "\(y)"
                    lines.append("\(number): \(start)-\(end) \(label)")
                }
                start = end + 1
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Renders `draw` into a fresh `width` by `height` buffer: the helper tests use to picture
    /// any view at a given size and theme.
    public static func rendering(width: Int, height: Int, theme: Theme = .default, _ draw: (inout Buffer, Rect, Theme) -> Void) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        draw(&buffer, buffer.area, theme)
        return buffer
    }

    /// Renders one widget filling a fresh `width` by `height` buffer.
    public static func rendering(_ widget: some Widget, width: Int, height: Int, theme: Theme = .default) -> Buffer {
        rendering(width: width, height: height, theme: theme) { buffer, area, theme in
            widget.render(into: &buffer, area: area, theme: theme)
        }
    }
}
