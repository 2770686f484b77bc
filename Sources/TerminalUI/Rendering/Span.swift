/// A run of text in one style, the unit widgets draw.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// Display width in columns (the text is measured as it will be shown, after sanitising).
    public var width: Int { TextWidth.columns(of: TextSanitizer.sanitizeLine(text)) }
}

/// One line of styled text.
public struct Line: Hashable, Sendable, ExpressibleByStringLiteral {
    public var spans: [Span]

    public init(_ spans: [Span]) { self.spans = spans }
    public init(_ text: String, style: Style = .plain) { self.spans = [Span(text, style: style)] }
    public init(stringLiteral value: String) { self.init(value) }

    /// Display width in columns.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// The text without styles.
    public var plainText: String { spans.map(\.text).joined() }
}

extension Span {
    /// A small label such as a stock badge or "NEW", padded by a space on each side and drawn in
    /// both colours of `role`.
    public static func badge(_ text: String, role: ThemeRole = .badge) -> Span {
        Span(" \(text) ", style: .role(role))
    }
}
