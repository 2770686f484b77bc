import Foundation

/// A scrollable block of wrapped text: product descriptions, reviews, an invoice.
///
/// The text is sanitised (keeping its line breaks) and wrapped to the width; occurrences of
/// `highlight` (a search query) are marked with the `highlight` role.
public struct TextView: Widget {
    public var text: String
    /// The first line shown; clamped so the view never scrolls past the end.
    public var scrollOffset: Int
    public var style: Style
    public var highlight: String?
    public var showsScrollbar: Bool

    public init(_ text: String, scrollOffset: Int = 0, style: Style = .plain, highlight: String? = nil, showsScrollbar: Bool = true) {
        self.text = text
        self.scrollOffset = scrollOffset
        self.style = style
        self.highlight = highlight
        self.showsScrollbar = showsScrollbar
    }

    /// The wrapped lines at `width` columns (the scrollbar column excluded when needed).
    public func lines(width: Int) -> [String] {
        TextWidth.wrap(TextSanitizer.sanitizeLines(text), toColumns: width)
    }

    /// The largest useful scroll offset in `area`, for the reducer to clamp scrolling.
    public func maxScrollOffset(in area: Rect) -> Int {
        let all = lines(width: area.width)
        let width = showsScrollbar && all.count > area.height ? area.width - 1 : area.width
        return max(0, lines(width: width).count - area.height)
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        var all = lines(width: area.width)
        let needsScrollbar = showsScrollbar && all.count > area.height
        if needsScrollbar { all = lines(width: area.width - 1) }
        let offset = min(max(0, scrollOffset), max(0, all.count - area.height))
        let width = area.width - (needsScrollbar ? 1 : 0)
        for row in 0..<min(area.height, all.count - offset) {
            let line = Line.highlighting(all[offset + row], matching: highlight, style: style)
            buffer.write(line, x: area.x, y: area.y + row, maxWidth: width)
        }
        if needsScrollbar {
            Scrollbar(total: all.count, visible: area.height, offset: offset)
                .render(into: &buffer, column: area.maxX - 1, top: area.y, height: area.height)
        }
    }
}

extension Line {
    /// `text` in `style`, with every case-insensitive occurrence of `query` in the `highlight`
    /// role: search results and matches in descriptions.
    public static func highlighting(_ text: String, matching query: String?, style: Style = .plain) -> Line {
        guard let query, !query.isEmpty else { return Line(text, style: style) }
        var spans: [Span] = []
        var rest = text[...]
        while let match = rest.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) {
            if match.lowerBound > rest.startIndex { spans.append(Span(String(rest[..<match.lowerBound]), style: style)) }
            spans.append(Span(String(rest[match]), style: .role(.highlight, style.attributes)))
            rest = rest[match.upperBound...]
        }
        if !rest.isEmpty { spans.append(Span(String(rest), style: style)) }
        return Line(spans)
    }
}
