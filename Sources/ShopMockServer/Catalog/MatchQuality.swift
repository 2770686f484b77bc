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
}
