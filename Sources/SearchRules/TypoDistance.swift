/// How many typos separate two words: letters inserted, deleted, replaced or two neighbours
/// swapped ("wristwach" is one from "wristwatch", "chiar" one from "chair"), counted over
/// Unicode scalars (optimal string alignment distance).
public enum TypoDistance {
    /// The distance between `a` and `b` when it is at most `limit`, else nil. Stops as soon as
    /// every alignment costs more than `limit`, so checking a word far from the query is cheap.
    public static func within(_ limit: Int, _ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let width = b.count + 1
        // Three rows of the table: two back (for swaps), the previous one and the current one.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            var twoBack = rows.baseAddress!, previous = twoBack + width, current = previous + width
            for j in 0..<width { previous[j] = j }
            for i in 1...a.count {
                current[0] = i
                var rowMinimum = i
                for j in 1..<width {
                    let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    var cost = min(previous[j] + 1, current[j - 1] + 1, substitution)
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        cost = min(cost, twoBack[j - 2] + 1)
                    }
                    current[j] = cost
                    rowMinimum = min(rowMinimum, cost)
                }
                if rowMinimum > limit { return nil }
                (twoBack, previous, current) = (previous, current, twoBack)
            }
            let distance = previous[b.count]
            return distance <= limit ? distance : nil
        }
    }

    /// `within` for arrays (tests and one-off checks).
    public static func within(_ limit: Int, _ a: [UInt32], _ b: [UInt32]) -> Int? {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in within(limit, a, b) } }
    }

    /// The scalars of a word, the unit typos are counted in.
    public static func scalars(_ word: some StringProtocol) -> [UInt32] {
        word.unicodeScalars.map(\.value)
    }

    /// Typos a query word may contain: one in words of 5 letters or more, two from 9; none in
    /// shorter words (a 4-letter typo would find too much: "lamp" is one from "camp" and "damp")
    /// nor in words with a digit (a typo in a number or model names another product).
    public static func allowed(in word: [UInt32]) -> Int {
        if word.contains(where: { (0x30...0x39).contains($0) }) { return 0 }
        return word.count >= 9 ? 2 : word.count >= 5 ? 1 : 0
    }
}
