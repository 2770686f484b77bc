import Foundation

/// How product text and queries become words, the same way on both sides so that they meet.
///
/// Folding: lower case, accents and other combining marks removed, compatibility forms unified
/// (NFKD: "ﬁ" is "fi", a full-width "Ａ" is "a") and a few letters spelt out ("ß" is "ss",
/// "æ" is "ae", "ø" is "o"). Splitting: a word is a run of letters and digits; whitespace and
/// punctuation separate words. A token with punctuation inside ("chef's", "pour-over",
/// "usb-c") is also one word without it ("chefs", "pourover", "usbc"), so punctuation may be
/// typed or left out. A token with no letter or digit at all ("☔", "&") is a word as it is.
enum SearchText {
    /// `text` folded (see the type's notes).
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var folded = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: break
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                if let spelt = spelledOut[lower] { folded.append(contentsOf: spelt.unicodeScalars) } else { folded.append(lower) }
            }
        }
        return String(folded)
    }

    /// Letters that have no decomposition but that people type without their stroke or ligature.
    private static let spelledOut: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ]

    /// The distinct words of a product's field, folded: each token's parts and, when it has
    /// several, the parts joined.
    static func indexWords(_ text: String) -> Set<String> {
        var words = Set<String>()
        for token in tokens(fold(text)) {
            let parts = wordParts(token)
            if parts.isEmpty {
                words.insert(String(token))
                continue
            }
            for part in parts { words.insert(String(part)) }
            if parts.count > 1 { words.insert(parts.joined()) }
        }
        return words
    }

    /// One word a query asks for: the token as typed (for a suggestion that keeps the
    /// person's spelling elsewhere) and its folded word.
    struct QueryWord: Sendable, Equatable {
        var typed: Substring
        var word: String
    }

    /// The words of a query, one per whitespace-separated token, in order; a token's parts
    /// are joined ("chef's" asks for "chefs", which the product side indexes too).
    static func queryWords(_ query: String) -> [QueryWord] {
        tokens(query).compactMap { typed in
            let folded = fold(String(typed))
            let parts = wordParts(Substring(folded))
            // Folding can turn a symbol into a space ("¨" is a space and a mark): never part of a word.
            let word = parts.isEmpty ? String(folded.filter { !$0.isWhitespace }) : parts.joined()
            return word.isEmpty ? nil : QueryWord(typed: typed, word: word)
        }
    }

    /// Whitespace-separated runs of `text`.
    private static func tokens(_ text: String) -> [Substring] {
        text.split { $0.isWhitespace }
    }

    /// The runs of letters and digits in `token`.
    private static func wordParts(_ token: Substring) -> [Substring] {
        token.unicodeScalars.split { !isWordScalar($0) }.map { Substring($0) }
    }

    /// Letters and digits (of any script) make words; everything else separates them.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
