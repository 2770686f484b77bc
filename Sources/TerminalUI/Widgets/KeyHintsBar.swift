/// One entry of a key-hint footer: the keys and what they do.
public struct KeyHint: Hashable, Sendable {
    public var keys: [Key]
    public var label: String

    public init(_ key: Key, _ label: String) {
        self.keys = [key]
        self.label = label
    }

    public init(keys: [Key], _ label: String) {
        self.keys = keys
        self.label = label
    }

    /// The keys as shown, e.g. "↑↓" for arrows or "Ctrl-C/q".
    public var keyText: String { keyText(unicode: true) }

    /// The keys as shown on a terminal that can (or cannot) draw arrows: "↑↓" or "Up/Down".
    public func keyText(unicode: Bool) -> String {
        let names = keys.map { $0.displayName(unicode: unicode) }
        return names.allSatisfy({ TextWidth.columns(of: $0) == 1 }) ? names.joined() : names.joined(separator: "/")
    }
}

/// The footer of key hints, generated from the app's keymap: "↑↓ Move  Enter Open  q Quit".
///
/// Hints that do not fit are left out whole rather than cut in the middle.
public struct KeyHintsBar: Widget {
    public var hints: [KeyHint]
    /// False where the terminal cannot draw arrows: keys are named in words.
    public var unicode: Bool

    public init(_ hints: [KeyHint], unicode: Bool = true) {
        self.hints = hints
        self.unicode = unicode
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, style: .role(.footer))
        var x = row.x + 1
        for hint in hints {
            let keyText = TextSanitizer.sanitizeLine(hint.keyText(unicode: unicode))
            let label = TextSanitizer.sanitizeLine(hint.label)
            let needed = TextWidth.columns(of: keyText) + 1 + TextWidth.columns(of: label)
            if x + needed > row.maxX - 1 { break }  // a column of margin at the right, as at the left
            x += buffer.write(keyText, x: x, y: row.y, style: Style(foreground: .role(.footerKey), background: .role(.footer)))
            x += buffer.write(" " + label, x: x, y: row.y, style: .role(.footer))
            x += 2
        }
    }
}
