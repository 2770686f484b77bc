import Foundation
import SearchRules

/// How product text and queries become words, the same way on both sides so that they meet.
///
/// Folding: lower case, accents and other combining marks removed, compatibility forms unified
/// (NFKD: "ﬁ" is "fi", a full-width "Ａ" is "a") and a few letters spelt out ("ß" is "ss",
/// "æ" is "ae", "ø" is "o"). Splitting: a word is a run of letters and digits; whitespace and
/// punctuation separate words. A token with punctuation inside ("chef's", "pour-over",
/// "usb-c") is also one word without it ("chefs", "pourover", "usbc"), so punctuation may be
/// typed or left out. A token with no letter or digit at all ("☔", "&") is a word as it is.
enum SearchText {
    /// The distinct words of a product's field, folded: each token's parts and, when it has
    /// several, the parts joined.
    static func indexWords(_ text: String) -> Set<String> {
        var words = Set<String>()
        for token in tokens(SearchFolding.fold(text)) {
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
            let folded = SearchFolding.fold(String(typed))
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
        token.unicodeScalars.split { !SearchFolding.isWordScalar($0) }.map { Substring($0) }
    }
}
