import Foundation

/// The contract's folding of product text and queries, shared by the gateway's search and the
/// client's highlight of what matched: lower case, accents and other combining marks removed,
/// compatibility forms unified (NFKD: "ﬁ" is "fi", a full-width "Ａ" is "a") and a few letters
/// spelt out ("ß" is "ss", "æ" is "ae", "ø" is "o").
public enum SearchFolding {
    /// `text` folded (see the type's notes).
    public static func fold(_ text: String) -> String {
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

    /// Letters and digits (of any script) make words; everything else separates them.
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
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
