extension TextWidth {
    /// `text` cut to at most `width` columns, ending in `ellipsis` when something was cut.
    ///
    /// Cutting happens between grapheme clusters, so a wide character is never split in half;
    /// the result may be one column narrower than `width` when a wide character did not fit.
    /// The text is measured and cut as it will be shown, sanitised (``TextSanitizer/sanitizeLine(_:)``):
    /// measuring the raw text would count an escape sequence's printable bytes, cut inside it
    /// (an OSC cut before its terminator swallows the rest) and misalign the columns after it.
    public static func truncate(_ text: String, toColumns width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let text = TextSanitizer.sanitizeLine(text)
        if columns(of: text) <= width { return text }
        let ellipsisWidth = columns(of: ellipsis)
        let budget = ellipsisWidth <= width ? width - ellipsisWidth : width
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = columns(of: character)
            if used + characterWidth > budget { break }
            result.append(character)
            used += characterWidth
        }
        return ellipsisWidth <= width ? result + ellipsis : result
    }

    /// `text` padded with spaces or truncated so that it fills exactly `width` columns, measured
    /// as it will be shown (sanitised, as in ``truncate(_:toColumns:ellipsis:)``).
    public static func fit(_ text: String, toColumns width: Int, alignment: TextAlignment = .left) -> String {
        guard width > 0 else { return "" }
        let text = TextSanitizer.sanitizeLine(text)
        let textWidth = columns(of: text)
        let cut = textWidth > width ? truncate(text, toColumns: width) : text
        let padding = max(0, width - (textWidth > width ? columns(of: cut) : textWidth))
        if padding == 0 { return cut }
        switch alignment {
        case .left:
            return cut + spaces(padding)
        case .right:
            return spaces(padding) + cut
        case .center:
            let left = padding / 2
            return spaces(left) + cut + spaces(padding - left)
        }
    }

    private static let manySpaces = String(repeating: " ", count: 256)

    /// `count` spaces, without building a new string each time for the usual short runs.
    static func spaces(_ count: Int) -> String {
        count <= manySpaces.utf8.count ? String(manySpaces.utf8.prefix(count))! : String(repeating: " ", count: count)
    }
}

/// Horizontal placement of text inside a wider space.
public enum TextAlignment: Sendable, Hashable {
    case left, center, right
}
