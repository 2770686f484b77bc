/// A modal dialog centred over the screen: a title, a wrapped message and buttons.
///
/// Draw it last, over the screen it interrupts; which button is selected is app state.
public struct Dialog: Widget {
    public var title: String
    public var message: String
    public var buttons: [String]
    public var selectedButton: Int
    /// The role of the message text (`error` for a failure, `text` otherwise).
    public var messageRole: ThemeRole
    /// The widest the dialog gets, border included.
    public var maxWidth: Int

    public init(title: String, message: String, buttons: [String] = ["OK"], selectedButton: Int = 0, messageRole: ThemeRole = .text, maxWidth: Int = 56) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.selectedButton = selectedButton
        self.messageRole = messageRole
        self.maxWidth = maxWidth
    }

    /// Where the dialog goes inside `area`: centred, sized to its message.
    public func frame(in area: Rect) -> Rect {
        let width = min(maxWidth, area.width - 2)
        let lines = TextWidth.wrap(TextSanitizer.sanitizeLines(message), toColumns: max(1, width - 4)).count
        let height = lines + (buttons.isEmpty ? 2 : 4)
        return area.centered(width: width, height: height)
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let frame = frame(in: area)
        guard frame.width >= 6, frame.height >= 3 else { return }
        let panel = Panel(title: title, isFocused: true, fillRole: .dialog)
        panel.render(into: &buffer, area: frame, theme: theme)
        let inside = panel.contentArea(for: frame).inset(horizontal: 1)
        let lines = TextWidth.wrap(TextSanitizer.sanitizeLines(message), toColumns: max(1, inside.width))
        let messageStyle = Style(foreground: .role(messageRole), background: .role(.dialog))
        for (index, line) in lines.enumerated() where index < inside.height - (buttons.isEmpty ? 0 : 2) {
            buffer.write(line, x: inside.x, y: inside.y + index, style: messageStyle, maxWidth: inside.width)
        }
        for (index, (label, rect)) in buttonLabels(inside: inside).enumerated() {
            let style: Style = index == selectedButton ? .role(.selection, .bold) : Style(foreground: .role(.accent), background: .role(.dialog))
            buffer.write(label, x: rect.x, y: rect.y, style: style, maxWidth: rect.width)
        }
    }

    /// Where each button is drawn when the dialog is rendered in `area`, in the order of
    /// `buttons` (empty when the dialog is too small to show them): what a click can hit.
    public func buttonRects(in area: Rect) -> [Rect] {
        let frame = frame(in: area)
        guard frame.width >= 6, frame.height >= 3 else { return [] }
        return buttonLabels(inside: Panel().contentArea(for: frame).inset(horizontal: 1)).map(\.rect)
    }

    /// "[ OK ]" buttons two apart, or "[OK]" one apart when the dialog is narrow, centred on
    /// the last row inside.
    private func buttonLabels(inside: Rect) -> [(label: String, rect: Rect)] {
        guard !buttons.isEmpty, inside.height >= 1 else { return [] }
        var labels = buttons.map { "[ \($0) ]" }
        var gap = 2
        var total = labels.reduce(0) { $0 + TextWidth.columns(of: $1) } + gap * (labels.count - 1)
        if total > inside.width {
            labels = buttons.map { "[\($0)]" }
            gap = 1
            total = labels.reduce(0) { $0 + TextWidth.columns(of: $1) } + gap * (labels.count - 1)
        }
        var x = inside.x + max(0, (inside.width - total) / 2)
        let y = inside.maxY - 1
        return labels.map { label in
            let width = max(0, min(TextWidth.columns(of: label), inside.maxX - x))
            defer { x += width + gap }
            return (label, Rect(x: x, y: y, width: width, height: 1))
        }
    }
}
