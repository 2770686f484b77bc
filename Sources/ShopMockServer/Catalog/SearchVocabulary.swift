import Foundation
import SearchRules

/// Every distinct word of the catalog, and which of them a query word matches.
///
/// The words are packed one after another in one buffer, each after a separator byte, so that
/// exact, prefix and infix matches are one memchr/memcmp pass over contiguous memory; words
/// without digits are also kept as scalars grouped by length, for typos.
struct SearchVocabulary: Sendable {
    /// `SearchKey.separator`, word, separator, word, …
    private let bytes: [UInt8]
    /// Where word `i` starts in `bytes` (its separator is at `starts[i + 1] - 1`); one more
    /// entry, `bytes.count`, closes the last word.
    private let starts: [Int]
    private let ids: [ArraySlice<UInt8>: Int32]
    /// Ids of the words without digits (the only ones typos apply to), by scalar count.
    private let typoCandidates: [Int: [Int32]]
    /// The scalars of each typo candidate, packed; `scalarStarts[id]` is where word `id` starts
    /// (-1 for a word with digits).
    private let scalars: [UInt32]
    private let scalarStarts: [Int]

    /// Builds the vocabulary from words packed as `bytes` (each after a separator) and their
    /// starts (`starts.count` is the word count plus one).
    init(bytes: [UInt8], starts: [Int], ids: [ArraySlice<UInt8>: Int32]) {
        self.bytes = bytes
        self.starts = starts
        self.ids = ids
        var candidates: [Int: [Int32]] = [:]
        var scalars: [UInt32] = []
        var scalarStarts = [Int](repeating: -1, count: starts.count - 1)
        for id in 0..<(starts.count - 1) {
            let word = bytes[starts[id]..<(starts[id + 1] - 1)]
            if word.contains(where: { (0x30...0x39).contains($0) }) { continue }
            let wordScalars = String(decoding: word, as: UTF8.self).unicodeScalars.map(\.value)
            scalarStarts[id] = scalars.count
            scalars += wordScalars
            candidates[wordScalars.count, default: []].append(Int32(id))
        }
        self.typoCandidates = candidates
        self.scalars = scalars
        self.scalarStarts = scalarStarts
    }

    var count: Int { starts.count - 1 }

    func word(_ id: Int32) -> String {
        String(decoding: bytes[starts[Int(id)]..<(starts[Int(id) + 1] - 1)], as: UTF8.self)
    }

    func contains(_ word: String) -> Bool { ids[ArraySlice(word.utf8)] != nil }

    /// The catalog words `word` matches and how well. Typos count only when `word` is not a
    /// catalog word itself: a real word is taken as meant ("chain" finds chains, not chairs).
    func matches(_ word: String) -> [(id: Int32, quality: MatchQuality)] {
        let needle = Array(word.utf8)
        var found: [(id: Int32, quality: MatchQuality)] = []
        guard !needle.isEmpty else { return found }
        bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                let anchor = ByteSearch.anchor(of: pin)
                var from = 0
                while let at = ByteSearch.firstOccurrence(of: pin, in: hay, from: from, anchor: anchor) {
                    let id = wordId(containing: at)
                    let start = starts[id], end = starts[id + 1] - 1
                    let quality: MatchQuality = at == start ? (end - start == needle.count ? .exact : .prefix) : .infix
                    found.append((Int32(id), quality))
                    from = end + 1  // one match per word: the first is its best
                }
            }
        }
        let query = TypoDistance.scalars(word)
        let typos = TypoDistance.allowed(in: query)
        guard typos > 0, !contains(word) else { return found }
        let already = Set(found.map(\.id))
        for (id, _) in near(query, within: typos) where !already.contains(id) {
            found.append((id, .typo))
        }
        return found
    }

    /// Words without digits within `limit` typos of `query`, with their distance.
    func near(_ query: [UInt32], within limit: Int) -> [(id: Int32, distance: Int)] {
        var near: [(id: Int32, distance: Int)] = []
        query.withUnsafeBufferPointer { query in
            scalars.withUnsafeBufferPointer { all in
                for length in max(1, query.count - limit)...(query.count + limit) {
                    for id in typoCandidates[length] ?? [] {
                        let start = scalarStarts[Int(id)]
                        let candidate = UnsafeBufferPointer(rebasing: all[start..<(start + length)])
                        if let distance = TypoDistance.within(limit, query, candidate) { near.append((id, distance)) }
                    }
                }
            }
        }
        return near
    }

    /// The word whose bytes include offset `at` (binary search over the starts).
    private func wordId(containing at: Int) -> Int {
        var low = 0, high = starts.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= at { low = middle } else { high = middle }
        }
        return low
    }
}
