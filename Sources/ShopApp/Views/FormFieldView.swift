import TerminalUI

/// One labelled input row of a form: "Label   [value      ]  error".
enum FormFieldView {
    static let labelWidth = 18

    static func draw(label: String, text: Line, isFocused: Bool, error: String?, area: Rect, into buffer: inout Buffer,
                     cursorColumn: Int? = nil, fieldWidth: Int = 36) {
        guard !area.isEmpty else { return }
        buffer.write(TextWidth.fit(label, toColumns: labelWidth), x: area.x, y: area.y,
                     style: .foreground(isFocused ? .accent : .muted, isFocused ? .bold : []))
        let width = min(fieldWidth, max(4, area.width - labelWidth - 1))
        let field = Rect(x: area.x + labelWidth, y: area.y, width: width, height: 1)
        buffer.fill(field, style: .role(.input))
        buffer.write(Line(text.spans.map { Span($0.text, style: $0.style == .plain ? .role(.input) : $0.style) }), x: field.x, y: field.y, maxWidth: field.width)
        if isFocused, let cursorColumn {
            buffer.cursor = Position(x: min(field.x + cursorColumn, field.maxX - 1), y: field.y)
        }
        if let error {
            let x = field.maxX + 2
            if x < area.maxX - 4 {
                buffer.write("✖ " + error, x: x, y: area.y, style: .foreground(.error), maxWidth: area.maxX - x)
            }
        }
    }

    /// A text input drawn with the TerminalUI input widget (cursor and scrolling included).
    static func drawInput(label: String, input: TextInputState, placeholder: String = "", isMasked: Bool = false, isFocused: Bool,
                          error: String?, area: Rect, into buffer: inout Buffer, theme: Theme, fieldWidth: Int = 36) {
        guard !area.isEmpty else { return }
        buffer.write(TextWidth.fit(label, toColumns: labelWidth), x: area.x, y: area.y,
                     style: .foreground(isFocused ? .accent : .muted, isFocused ? .bold : []))
        let width = min(fieldWidth, max(4, area.width - labelWidth - 1))
        let field = Rect(x: area.x + labelWidth, y: area.y, width: width, height: 1)
        TextInputView(state: input, placeholder: placeholder, isMasked: isMasked, isFocused: isFocused).render(into: &buffer, area: field, theme: theme)
        if let error {
            let x = field.maxX + 2
            if x < area.maxX - 4 {
                buffer.write("✖ " + error, x: x, y: area.y, style: .foreground(.error), maxWidth: area.maxX - x)
            }
        }
    }
}

/// The fields of an address form, one per row.
enum AddressFormView {
    static func render(_ form: AddressForm, isActive: Bool, area: Rect, into buffer: inout Buffer, theme: Theme) {
        for (index, field) in AddressField.allCases.enumerated() where index < area.height {
            let label = field.label + (field.isRequired ? " *" : "")
            FormFieldView.drawInput(label: label, input: form.inputs[field] ?? TextInputState(), placeholder: field.placeholder,
                                    isFocused: isActive && form.focus == field, error: form.errors[field],
                                    area: area.row(index), into: &buffer, theme: theme)
        }
    }
}
