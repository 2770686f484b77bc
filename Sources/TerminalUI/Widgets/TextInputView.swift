/// Draws a ``TextInputState`` on one row, scrolling sideways to keep the cursor in view.
///
/// When focused it sets the buffer's cursor, so the backend shows the real terminal cursor
/// there. Masked fields (passwords, card numbers) draw one mask character per character, so the
/// secret never reaches the buffer, the screen or a snapshot.
public struct TextInputView: Widget {
    public var state: TextInputState
    public var placeholder: String
    public var isMasked: Bool
    public var maskCharacter: Character
    public var isFocused: Bool

    public init(state: TextInputState, placeholder: String = "", isMasked: Bool = false, maskCharacter: Character = "•", isFocused: Bool = true) {
        self.state = state
        self.placeholder = placeholder
        self.isMasked = isMasked
        self.maskCharacter = maskCharacter
        self.isFocused = isFocused
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, style: .role(.input))
        if state.isEmpty && !placeholder.isEmpty {
            buffer.write(placeholder, in: row, style: .role(.inputPlaceholder))
        }
        let shown = isMasked ? Array(repeating: maskCharacter, count: state.characters.count) : state.characters
        let widths = shown.map { TextWidth.columns(of: $0) }
        // Scroll so that the cursor (which needs a column of its own) stays inside the row.
        var first = 0
        var cursorColumn = widths[0..<state.cursor].reduce(0, +)
        while cursorColumn >= row.width && first < state.cursor {
            cursorColumn -= widths[first]
            first += 1
        }
        var x = row.x
        for index in first..<shown.count {
            if x + widths[index] > row.maxX { break }
            x += buffer.write(String(shown[index]), x: x, y: row.y, style: .role(.input), maxWidth: row.maxX - x)
        }
        if isFocused {
            buffer.cursor = Position(x: min(row.x + cursorColumn, row.maxX - 1), y: row.y)
        }
    }
}
