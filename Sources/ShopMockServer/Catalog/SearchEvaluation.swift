/// What one query made of every product, in index order: whether it matched every query word,
/// the worst of its words' best matches (the rank tier) and the fields that matched.
///
/// Words are recorded one at a time. A product stays in the running only while every word so
/// far matched it: `round[p]` counts those words, so a later word skips the others without
/// clearing anything between words.
struct SearchEvaluation: Sendable {
    private var round: [UInt16]
    /// The best (quality, field) of the current word for each product, as `quality << 2 | field`.
    private var best: [UInt8]
    /// The worst quality and the worst field over the words so far, packed the same way.
    private var worst: [UInt8]
    /// The fields (1 name, 2 category, 4 description) any word matched in.
    private(set) var fields: [UInt8]
    private let wordCount: Int
    private var current = 0
    /// Query words (by position) that match no catalog word at all: then no product matches.
    var unmatchedWords: [Int] = []

    init(productCount: Int, wordCount: Int) {
        round = [UInt16](repeating: 0, count: productCount)
        best = [UInt8](repeating: 0, count: productCount)
        worst = [UInt8](repeating: 0, count: productCount)
        fields = [UInt8](repeating: 0, count: productCount)
        self.wordCount = wordCount
    }

    /// Whether product `index` matched every word.
    func matches(_ index: Int) -> Bool { unmatchedWords.isEmpty && wordCount > 0 && Int(round[index]) == wordCount }

    /// The rank of a matching product: its worst word's quality, then the worst field a word needed.
    func tier(_ index: Int) -> (quality: MatchQuality, field: Int) {
        (MatchQuality(rawValue: worst[index] >> 2)!, Int(worst[index] & 3))
    }

    mutating func beginWord(_ number: Int) { current = number }

    /// The current word occurs with `quality` in each posting (product index << 3 | fields).
    /// Raw buffers: this loop runs once per posting, up to millions of times for a short word.
    mutating func record(_ postings: UnsafeBufferPointer<UInt32>, quality: MatchQuality) {
        let current = self.current
        round.withUnsafeMutableBufferPointer { round in
            best.withUnsafeMutableBufferPointer { best in
                fields.withUnsafeMutableBufferPointer { fields in
                    for posting in postings {
                        let product = Int(posting >> 3)
                        let seen = Int(round[product])
                        guard seen >= current else { continue }  // an earlier word missed it
                        let mask = UInt8(truncatingIfNeeded: posting & 7)
                        let code = quality.rawValue << 2 | UInt8(mask.trailingZeroBitCount)  // this posting's best field
                        if seen == current {
                            round[product] = UInt16(current + 1)
                            best[product] = code
                        } else if code < best[product] {
                            best[product] = code
                        }
                        fields[product] |= mask
                    }
                }
            }
        }
    }

    /// Folds the current word's best matches into each product's worst.
    mutating func endWord() {
        let finished = UInt16(current + 1)
        for product in round.indices where round[product] == finished {
            let (b, w) = (best[product], worst[product])
            worst[product] = max(b & ~3, w & ~3) | max(b & 3, w & 3)
        }
    }
}
