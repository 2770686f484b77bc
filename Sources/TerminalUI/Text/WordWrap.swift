extension TextWidth {
    /// `text` broken into lines of at most `width` columns.
    ///
    /// Breaks at spaces where it can and inside a word only when the word alone is wider than
    /// the line. Newlines in `text` always start a new line; an empty paragraph stays an empty
    /// line so that blank lines in a description survive.
    public static func wrap(_ text: String, toColumns width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrapParagraph(paragraph, width: width, into: &lines)
        }
        return lines
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int, into lines: inout [String]) {
        var line = ""
        var lineWidth = 0
        var emitted = false
        func flush() {
            lines.append(line)
            line = ""
            lineWidth = 0
            emitted = true
        }
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = columns(of: word)
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line += " "
                line += word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 { flush() }
            if wordWidth <= width {
                line = String(word)
                lineWidth = wordWidth
                continue
            }
            // A word longer than the whole line is broken between grapheme clusters.
            for character in word {
                let characterWidth = columns(of: character)
                if lineWidth + characterWidth > width && lineWidth > 0 { flush() }
                line.append(character)
                lineWidth += characterWidth
            }
        }
        if lineWidth > 0 || !emitted { flush() }
    }
}
