/// Display width of text in terminal columns.
///
/// Width is measured per grapheme cluster (what a reader sees as one character), because that is
/// what one cell of the screen holds. East Asian wide and fullwidth characters and emoji shown
/// in emoji presentation take two columns; combining marks and invisible formatting take none.
public enum TextWidth {
    /// The number of columns `character` occupies: 0, 1 or 2.
    public static func columns(of character: Character) -> Int {
        if let ascii = character.asciiValue {
            return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
        }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value >= 0xA0 && first.value < 0x300 && first.value != 0xAD && scalars.count == 1 {
            return 1  // Latin-1 and Latin Extended letters: the common case after ASCII
        }
        if (0x2500...0x25FC).contains(first.value) && scalars.count == 1 {
            return 1  // box drawing, blocks and geometric shapes that borders and bars use
        }
        let properties = first.properties
        switch properties.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator:
            // A cluster that starts with one of these has nothing visible to attach to.
            return 0
        default:
            break
        }
        if (0x1160...0x11FF).contains(first.value) { return 0 }  // Hangul medial and final jamo.
        if scalars.count > 1 && properties.isEmoji {
            // An explicit variation selector decides between emoji (VS16) and text (VS15) style.
            for scalar in scalars.dropFirst() {
                if scalar.value == 0xFE0F { return 2 }
                if scalar.value == 0xFE0E { return 1 }
            }
        }
        if properties.isEmojiPresentation { return 2 }
        return isWide(first.value) ? 2 : 1
    }

    /// The number of columns `text` occupies on one line.
    ///
    /// `String` and `Substring` have their own overloads because a generic function called
    /// from another module runs unspecialised, through witness tables, byte by byte: that
    /// was a third of the time of drawing a product row.
    public static func columns(of text: String) -> Int { measure(text) }
    public static func columns(of text: Substring) -> Int { measure(text) }
    public static func columns(of text: some StringProtocol) -> Int { measure(text) }

    private static func measure(_ text: some StringProtocol) -> Int {
        if let ascii = asciiPrintableCount(text) { return ascii }
        if let simple = singleColumnScalarCount(text) { return simple }
        var total = 0
        for character in text { total += columns(of: character) }
        return total
    }

    /// The byte count when `text` is printable ASCII only (one column per byte), else nil.
    @inline(__always)
    static func asciiPrintableCount(_ text: some StringProtocol) -> Int? {
        var count = 0
        for byte in text.utf8 {
            guard byte >= 0x20 && byte < 0x7F else { return nil }
            count += 1
        }
        return count
    }

    /// The scalar count when every scalar is one that stands alone in one column (Latin letters,
    /// punctuation such as `—` `…` `›`, box drawing, `★`), else nil. None of them joins a
    /// neighbour into one grapheme cluster, so the text needs no segmentation: product names
    /// with accents and the rating's star take this path instead of the per-character one.
    static func singleColumnScalarCount(_ text: some StringProtocol) -> Int? {
        var count = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20..<0x7F, 0xA0..<0xAD, 0xAE..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20BF,
                0x2190...0x2193, 0x2500...0x25FC, 0x2605...0x2606, 0x2713:
                count += 1
            default:
                return nil
            }
        }
        return count
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges that are not emoji; emoji come from the
    /// Unicode `Emoji_Presentation` property instead of being listed here.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F200...0x1F202, 0x1F210...0x1F23B,
        0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x20000...0x2FFFD,
        0x30000...0x3FFFD,
    ]

    static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
