/// A message across the screen that something went wrong (or right): network errors, declined
/// cards, "order placed".
public struct Banner: Widget {
    public enum Kind: Hashable, Sendable {
        case error, warning, info, success

        var role: ThemeRole {
            switch self {
            case .error: .error
            case .warning: .warning
            case .info: .info
            case .success: .success
            }
        }

        /// Narrow symbols that need no colour to be understood. In ASCII a tick has no stand-in
        /// that reads as one ("+ Welcome" read as a list item): a success shows none there.
        func icon(unicode: Bool) -> String {
            switch self {
            case .error: unicode ? "✖" : "!"
            case .warning: "!"
            case .info: "i"
            case .success: unicode ? "✔" : " "
            }
        }
    }

    public var message: String
    public var kind: Kind
    /// Whether the terminal shows Unicode (see ``Kind/icon(unicode:)``).
    public var unicode: Bool

    public init(_ message: String, kind: Kind = .error, unicode: Bool = true) {
        self.message = message
        self.kind = kind
        self.unicode = unicode
    }

    /// Rows the banner needs at `width` columns (its message wrapped).
    public func height(forWidth width: Int) -> Int {
        max(1, TextWidth.wrap(TextSanitizer.sanitizeLines(message), toColumns: max(1, width - 4)).count)
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard area.width >= 5, area.height >= 1 else { return }
        let style = Style.role(kind.role)
        buffer.fill(area, style: style)
        for row in 0..<area.height {
            buffer.write("▌", x: area.x, y: area.y + row, style: style)
        }
        buffer.write(kind.icon(unicode: unicode), x: area.x + 1, y: area.y, style: style.adding(.bold))
        let lines = TextWidth.wrap(TextSanitizer.sanitizeLines(message), toColumns: area.width - 4)
        for (index, line) in lines.prefix(area.height).enumerated() {
            var text = line
            if index == area.height - 1 && lines.count > area.height {
                text = TextWidth.truncate(line + " …", toColumns: area.width - 4)
            }
            buffer.write(text, x: area.x + 3, y: area.y + index, style: style, maxWidth: area.width - 4)
        }
    }
}
