import Foundation

/// fzf-style matching for the command palette: the query's characters must appear in order in
/// the candidate (case and accents ignored, spaces in the query ignored). The score rewards
/// what people mean: a match at the start, at the start of words, and runs of consecutive
/// characters; gaps cost a little. Higher is better; nil is no match.
public enum FuzzyMatch {
    public struct Match: Equatable, Sendable {
        public var score: Int
        /// The candidate's characters that matched (offsets in `Character`s), for highlighting.
        public var positions: [Int]
    }

    static let matchBonus = 16
    static let startBonus = 32
    static let wordStartBonus = 24
    static let consecutiveBonus = 16
    // A gap costs one point per skipped character.

    /// How well `query` matches `candidate`; an empty query matches everything with score 0.
    public static func match(_ query: String, in candidate: String) -> Match? {
        let needle = Array(fold(query).filter { !$0.isWhitespace })
        guard !needle.isEmpty else { return Match(score: 0, positions: []) }
        let hay = Array(fold(candidate))
        guard needle.count <= hay.count else { return nil }
        // Best score ending with needle[i] matched at hay[j], by dynamic programming.
        let none = Int.min / 2
        var best = Array(repeating: Array(repeating: none, count: hay.count), count: needle.count)
        var from = Array(repeating: Array(repeating: -1, count: hay.count), count: needle.count)
        for i in needle.indices {
            // The best earlier match of needle[i-1] at k < j-1, scored as if the gap to j were
            // taken (best + k), and where it was: one pass per row instead of one per cell.
            var runBest = none, runAt = -1
            for j in hay.indices {
                if i > 0, j >= 2, best[i - 1][j - 2] > none, best[i - 1][j - 2] + (j - 2) > runBest {
                    runBest = best[i - 1][j - 2] + (j - 2)
                    runAt = j - 2
                }
                guard hay[j] == needle[i], j >= i else { continue }
                let bonus = matchBonus + (j == 0 ? startBonus : (isWordStart(hay, j) ? wordStartBonus : 0))
                if i == 0 {
                    best[i][j] = bonus - j
                    continue
                }
                if j >= 1, best[i - 1][j - 1] > none {
                    best[i][j] = best[i - 1][j - 1] + bonus + consecutiveBonus
                    from[i][j] = j - 1
                }
                if runAt >= 0 {
                    let score = runBest - (j - 1) + bonus
                    if score > best[i][j] {
                        best[i][j] = score
                        from[i][j] = runAt
                    }
                }
            }
        }
        let last = needle.count - 1
        guard let end = hay.indices.max(by: { best[last][$0] < best[last][$1] }), best[last][end] > none else { return nil }
        var positions = [end]
        var i = last, j = end
        while i > 0 {
            j = from[i][j]
            i -= 1
            positions.insert(j, at: 0)
        }
        return Match(score: best[last][end], positions: positions)
    }

    /// Lowercased, accents removed, so `creme` finds "Crème" and `CART` finds "cart".
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }

    private static func isWordStart(_ text: [Character], _ index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = text[index - 1]
        return !(previous.isLetter || previous.isNumber) || (previous.isLowercase && text[index].isUppercase)
    }
}
