extension TextWidth {
    /// `text` cut to at most `width` columns, ending in `ellipsis` when something was cut.
    ///
    /// Cutting happens between grapheme clusters, so a wide character is never split in half;
    /// the result may be one column narrower than `width` when a wide character did not fit.
    public static func truncate(_ text: String, toColumns width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
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

    /// `text` padded with spaces or truncated so that it fills exactly `width` columns.
    public static func fit(_ text: String, toColumns width: Int, alignment: TextAlignment = .left) -> String {
        let cut = truncate(text, toColumns: width)
        let padding = max(0, width - columns(of: cut))
        switch alignment {
        case .left:
            return cut + String(repeating: " ", count: padding)
        case .right:
            return String(repeating: " ", count: padding) + cut
        case .center:
            let left = padding / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: padding - left)
        }
    }
}

/// Horizontal placement of text inside a wider space.
public enum TextAlignment: Sendable, Hashable {
    case left, center, right
}
