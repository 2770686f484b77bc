/// How well a query word matched a product word, best first: the rank tiers of search.
enum MatchQuality: UInt8, Sendable, Comparable, CaseIterable {
    /// The same word once folded ("creme" and "Crème").
    case exact
    /// The start of a longer word ("wrist" and "Wristwatch", "chef" and "Chef's").
    case prefix
    /// Inside a longer word ("watch" and "Wristwatch", "茶" and "抹茶").
    case infix
    /// Within the allowed typos of a word ("wristwach" and "Wristwatch").
    case typo

    static func < (a: MatchQuality, b: MatchQuality) -> Bool { a.rawValue < b.rawValue }

    /// Typos a query word may contain: one in words of 5 letters or more, two from 9; none in
    /// shorter words (a 4-letter typo would find too much: "lamp" is one from "camp" and "damp")
    /// nor in words with a digit (a typo in a number or model names another product).
    static func allowedTypos(_ word: [UInt32]) -> Int {
        if word.contains(where: { (0x30...0x39).contains($0) }) { return 0 }
        return word.count >= 9 ? 2 : word.count >= 5 ? 1 : 0
    }
}
