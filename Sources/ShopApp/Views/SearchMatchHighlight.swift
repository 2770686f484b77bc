import Foundation
import SearchRules
import TerminalUI

/// What of a product name a search query matched, by the contract's rules for search
/// (`searchProducts` in docs/openapi.yaml): case, accents and punctuation do not matter, each
/// query word matches a whole word, its start, a part inside it, or, for words of 5 letters
/// or more, a word within one typo (two from 9 letters). A match inside a word is highlighted
/// where it is; a word found despite a typo is highlighted whole ("wristwach" lights up
/// "Wristwatch", which a plain substring search left dark).
enum SearchMatchHighlight {
    /// The offsets (in `Character`s) of `name` that `query` matched.
    static func matchedCharacters(in name: String, query: String) -> Set<Int> {
        let text = FoldedText(name)
        var matched = Set<Int>()
        for word in queryWords(query) {
            var found = false
            for range in text.wordRanges {
                let scalars = Array(text.scalars[range])
                if let start = firstIndex(of: word, in: scalars) {
                    matched.formUnion(text.characters(in: range.lowerBound + start..<range.lowerBound + start + word.count))
                    found = true
                }
            }
            // The server tries typos only for words it cannot find as they are: so does this.
            let typos = TypoDistance.allowed(in: word.map(\.value))
            guard !found, typos > 0 else { continue }
            for range in text.wordRanges + text.partRanges where TypoDistance.within(typos, word.map(\.value), text.scalars[range].map(\.value)) != nil {
                matched.formUnion(text.characters(in: range))
            }
        }
        return matched
    }

    /// `name` cut to `width` columns, with what `query` matched of the whole name (a word cut
    /// short still lights up where it matched) in the highlight role, the rest in `style`.
    static func line(_ name: String, toColumns width: Int, query: String, style: Style) -> Line {
        let whole = TextSanitizer.sanitizeLine(name)
        let shown = TextWidth.truncate(whole, toColumns: width)
        var matched = matchedCharacters(in: whole, query: query)
        // The "…" that ends a cut name is not the character it stands in place of.
        if shown != whole { matched.remove(shown.count - 1) }
        return line(shown, matched: matched, style: style)
    }

    /// `name` with the characters at `matched` in the highlight role, the rest in `style`.
    static func line(_ name: String, matched: Set<Int>, style: Style) -> Line {
        guard !matched.isEmpty else { return Line(name, style: style) }
        var spans: [Span] = []
        var run = ""
        var runIsMatch = false
        for (index, character) in name.enumerated() {
            let isMatch = matched.contains(index)
            if isMatch != runIsMatch, !run.isEmpty {
                spans.append(Span(run, style: runIsMatch ? .role(.highlight, style.attributes) : style))
                run = ""
            }
            runIsMatch = isMatch
            run.append(character)
        }
        if !run.isEmpty { spans.append(Span(run, style: runIsMatch ? .role(.highlight, style.attributes) : style)) }
        return Line(spans)
    }

    /// The query's words, folded, each a whitespace-separated token with its punctuation left out.
    static func queryWords(_ query: String) -> [[Unicode.Scalar]] {
        query.split(whereSeparator: \.isWhitespace).compactMap { token in
            let folded = FoldedText.fold(String(token))
            let letters = folded.filter(FoldedText.isWordScalar)
            let word = letters.isEmpty ? folded.filter { !$0.properties.isWhitespace } : letters
            return word.isEmpty ? nil : word
        }
    }

    private static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        return (0...haystack.count - needle.count).first { start in haystack[start..<start + needle.count].elementsEqual(needle) }
    }
}

/// A name folded for matching, keeping which character each folded scalar came from, so that a
/// match found in the folded text is highlighted on the characters shown.
struct FoldedText {
    /// The folded scalars of the words (letters and digits; punctuation inside a
    /// whitespace-separated token joins its parts, as "chef's" is "chefs").
    var scalars: [Unicode.Scalar] = []
    /// For each folded scalar, the offset of its character in the name.
    var owners: [Int] = []
    /// Each token's joined word, as a range of `scalars`.
    var wordRanges: [Range<Int>] = []
    /// The parts of tokens with punctuation inside ("pour" and "over" of "Pour-Over"), which a
    /// typo is measured against too.
    var partRanges: [Range<Int>] = []

    init(_ name: String) {
        var tokenStart: Int?
        var partStart: Int?
        func endPart() {
            if let start = partStart, start < scalars.count { partRanges.append(start..<scalars.count) }
            partStart = nil
        }
        func endToken() {
            endPart()
            if let start = tokenStart, start < scalars.count { wordRanges.append(start..<scalars.count) }
            tokenStart = nil
        }
        for (index, character) in name.enumerated() {
            if character.isWhitespace {
                endToken()
                continue
            }
            if tokenStart == nil { tokenStart = scalars.count }
            let letters = Self.fold(String(character)).filter(Self.isWordScalar)
            if letters.isEmpty {
                endPart()  // punctuation inside a token
                continue
            }
            if partStart == nil { partStart = scalars.count }
            for scalar in letters {
                scalars.append(scalar)
                owners.append(index)
            }
        }
        endToken()
        // A part that is the whole token is already a word.
        partRanges.removeAll { wordRanges.contains($0) }
    }

    /// The characters the folded scalars in `range` came from.
    func characters(in range: Range<Int>) -> Set<Int> { Set(owners[range]) }

    /// The contract's folding (``SearchFolding``), as scalars.
    static func fold(_ text: String) -> [Unicode.Scalar] {
        Array(SearchFolding.fold(text).unicodeScalars)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { SearchFolding.isWordScalar(scalar) }
}
