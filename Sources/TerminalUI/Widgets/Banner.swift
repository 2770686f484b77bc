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

        /// Narrow symbols that need no colour to be understood.
        var icon: String {
            switch self {
            case .error: "✖"
            case .warning: "!"
            case .info: "i"
            case .success: "✔"
            }
        }
    }

    public var message: String
    public var kind: Kind

    public init(_ message: String, kind: Kind = .error) {
        self.message = message
        self.kind = kind
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
        buffer.write(kind.icon, x: area.x + 1, y: area.y, style: style.adding(.bold))
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
