/// A bordered box with a title, the frame around most screen regions.
///
/// It clears its inside and draws the border; the content goes in ``contentArea(for:)``.
public struct Panel: Widget {
    public var title: String?
    /// Text at the right end of the top border, e.g. "3 of 120".
    public var trailingTitle: String?
    /// A focused panel's border uses the `borderFocused` role.
    public var isFocused: Bool
    /// The role the inside is cleared with (e.g. `dialog`).
    public var fillRole: ThemeRole

    public init(title: String? = nil, trailingTitle: String? = nil, isFocused: Bool = false, fillRole: ThemeRole = .background) {
        self.title = title
        self.trailingTitle = trailingTitle
        self.isFocused = isFocused
        self.fillRole = fillRole
    }

    /// The area inside the border.
    public func contentArea(for area: Rect) -> Rect { area.inset(by: 1) }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard area.width >= 2, area.height >= 2 else { return }
        let border = theme.border
        let style: Style = .foreground(isFocused ? .borderFocused : .border)
        buffer.fill(area.inset(by: 1), style: fillRole == .background ? .plain : .role(fillRole))
        buffer.fill(Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1), symbol: border.horizontal, style: style)
        buffer.fill(Rect(x: area.x + 1, y: area.maxY - 1, width: area.width - 2, height: 1), symbol: border.horizontal, style: style)
        buffer.fill(Rect(x: area.x, y: area.y + 1, width: 1, height: area.height - 2), symbol: border.vertical, style: style)
        buffer.fill(Rect(x: area.maxX - 1, y: area.y + 1, width: 1, height: area.height - 2), symbol: border.vertical, style: style)
        buffer.fill(Rect(x: area.x, y: area.y, width: 1, height: 1), symbol: border.topLeft, style: style)
        buffer.fill(Rect(x: area.maxX - 1, y: area.y, width: 1, height: 1), symbol: border.topRight, style: style)
        buffer.fill(Rect(x: area.x, y: area.maxY - 1, width: 1, height: 1), symbol: border.bottomLeft, style: style)
        buffer.fill(Rect(x: area.maxX - 1, y: area.maxY - 1, width: 1, height: 1), symbol: border.bottomRight, style: style)
        var titleEnd = area.x + 1
        if let title, area.width > 4 {
            let text = " " + TextWidth.truncate(TextSanitizer.sanitizeLine(title), toColumns: area.width - 6) + " "
            titleEnd = area.x + 2 + buffer.write(text, x: area.x + 2, y: area.y, style: .foreground(.title), maxWidth: area.width - 4)
        }
        if let trailingTitle, !trailingTitle.isEmpty {
            let text = " \(TextSanitizer.sanitizeLine(trailingTitle)) "
            let width = TextWidth.columns(of: text)
            let x = area.maxX - 2 - width
            if x > titleEnd {
                buffer.write(text, x: x, y: area.y, style: .foreground(.muted))
            }
        }
    }
}
