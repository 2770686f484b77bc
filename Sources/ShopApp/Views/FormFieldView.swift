import TerminalUI

/// One labelled input row of a form, "Label   [value      ]", with its error on its own
/// line(s) under the field: never beside it, where a narrow screen had no room and cut it.
enum FormFieldView {
    static let labelWidth = 18

    /// The rows a field takes in `width` columns: its own, and its error's wrapped under it.
    static func height(error: String?, width: Int) -> Int {
        guard let error else { return 1 }
        return 1 + Buffer.wrappedHeight(errorText(error), width: errorArea(in: Rect(x: 0, y: 0, width: width, height: 1)).width)
    }

    static func errorText(_ error: String) -> String { "✖ " + error }

    /// Where the error goes: under the field's left edge, or under the label when that leaves
    /// too little room to read it.
    private static func errorArea(in row: Rect) -> Rect {
        let indent = row.width - labelWidth >= 30 ? labelWidth : 0
        return Rect(x: row.x + indent, y: row.y + 1, width: row.width - indent, height: 1)
    }

    /// Draws the label, the field and any error under it in `area` (from its top row); returns
    /// the rows used.
    @discardableResult
    static func draw(label: String, text: Line, isFocused: Bool, error: String?, area: Rect, into buffer: inout Buffer,
                     cursorColumn: Int? = nil, fieldWidth: Int = 36) -> Int {
        guard !area.isEmpty else { return 0 }
        let field = drawLabel(label, isFocused: isFocused, area: area, into: &buffer, fieldWidth: fieldWidth)
        buffer.fill(field, style: .role(.input))
        buffer.write(Line(text.spans.map { Span($0.text, style: $0.style == .plain ? .role(.input) : $0.style) }), x: field.x, y: field.y, maxWidth: field.width)
        if isFocused, let cursorColumn {
            buffer.cursor = Position(x: min(field.x + cursorColumn, field.maxX - 1), y: field.y)
        }
        return 1 + drawError(error, area: area, into: &buffer)
    }

    /// A text input drawn with the TerminalUI input widget (cursor and scrolling included);
    /// returns the rows used.
    @discardableResult
    static func drawInput(label: String, input: TextInputState, placeholder: String = "", isMasked: Bool = false, isFocused: Bool,
                          error: String?, area: Rect, into buffer: inout Buffer, theme: Theme, fieldWidth: Int = 36) -> Int {
        guard !area.isEmpty else { return 0 }
        let field = drawLabel(label, isFocused: isFocused, area: area, into: &buffer, fieldWidth: fieldWidth)
        TextInputView(state: input, placeholder: placeholder, isMasked: isMasked, isFocused: isFocused).render(into: &buffer, area: field, theme: theme)
        return 1 + drawError(error, area: area, into: &buffer)
    }

    /// The label, and the field's rect after it.
    private static func drawLabel(_ label: String, isFocused: Bool, area: Rect, into buffer: inout Buffer, fieldWidth: Int) -> Rect {
        buffer.write(TextWidth.fit(label, toColumns: labelWidth), x: area.x, y: area.y,
                     style: .foreground(isFocused ? .accent : .muted, isFocused ? .bold : []))
        let width = min(fieldWidth, max(4, area.width - labelWidth - 1))
        return Rect(x: area.x + labelWidth, y: area.y, width: width, height: 1)
    }

    private static func drawError(_ error: String?, area: Rect, into buffer: inout Buffer) -> Int {
        guard let error else { return 0 }
        var errorArea = errorArea(in: area.row(0))
        errorArea.height = max(0, area.maxY - errorArea.y)
        return buffer.writeWrapped(errorText(error), in: errorArea, style: .foreground(.error))
    }
}

/// The fields of an address form, one per row and each error under its field. When the form
/// is taller than its area it scrolls to keep the focused field in view, with a scrollbar.
enum AddressFormView {
    static func render(_ form: AddressForm, isActive: Bool, area: Rect, into buffer: inout Buffer, theme: Theme) {
        guard !area.isEmpty else { return }
        let fields = AddressField.allCases
        let heights = fields.map { FormFieldView.height(error: form.errors[$0], width: area.width - 1) }
        let total = heights.reduce(0, +)
        let width = total > area.height ? area.width - 1 : area.width
        // The first row shown: enough to see the focused field and its error.
        let focusIndex = fields.firstIndex(of: form.focus) ?? 0
        let focusTop = heights.prefix(focusIndex).reduce(0, +)
        let offset = min(max(0, focusTop + heights[focusIndex] - area.height), focusTop)
        var y = area.y - offset
        for (index, field) in fields.enumerated() {
            defer { y += heights[index] }
            guard y >= area.y, y + heights[index] <= area.maxY else { continue }
            let label = field.label + (field.isRequired ? " *" : "")
            FormFieldView.drawInput(label: label, input: form.inputs[field] ?? TextInputState(), placeholder: field.placeholder,
                                    isFocused: isActive && form.focus == field, error: form.errors[field],
                                    area: Rect(x: area.x, y: y, width: width, height: heights[index]), into: &buffer, theme: theme)
        }
        if total > area.height {
            Scrollbar(total: total, visible: area.height, offset: offset).render(into: &buffer, column: area.maxX - 1, top: area.y, height: area.height)
        }
    }

    /// The rows the whole form needs at `width` columns.
    static func height(_ form: AddressForm, width: Int) -> Int {
        AddressField.allCases.reduce(0) { $0 + FormFieldView.height(error: form.errors[$1], width: width - 1) }
    }
}
