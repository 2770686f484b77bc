import SearchRules

/// Which products hold which words: the catalog's vocabulary and, for each word, the products
/// (and fields) it occurs in. Built from the products' search keys when the first search after
/// a change of searchable text comes, and kept until the next such change.
///
/// A query then costs a pass over the vocabulary per query word (not over every product's
/// text) and the postings of the words it matched. At 100k generated products: about 100k
/// words and 2M postings (4 bytes each).
struct SearchIndex: Sendable {
    /// Product ids in index order (the order the keys came in).
    let ids: [String]
    let categories: [String]
    let vocabulary: SearchVocabulary
    /// Postings of word `w`: `postings[postingStarts[w] ..< postingStarts[w + 1]]`.
    private let postingStarts: [Int32]
    /// Product index << 3 | the fields the word occurs in (1 name, 2 category, 4 description).
    private let postings: [UInt32]

    init(_ keys: [(id: String, category: String, key: SearchKey)]) {
        var wordIds: [ArraySlice<UInt8>: Int32] = [:]
        var bytes: [UInt8] = [SearchKey.separator]
        var starts: [Int] = []
        // (word, posting) pairs in product order, then grouped by word below.
        var pairs: [(word: Int32, posting: UInt32)] = []
        pairs.reserveCapacity(keys.count * 24)
        var productWords: [(word: Int32, fields: UInt32)] = []
        for (index, entry) in keys.enumerated() {
            productWords.removeAll(keepingCapacity: true)
            for (field, packed) in entry.key.fieldWords.enumerated() {
                var start = 0
                while start < packed.count {
                    let end = packed[start...].firstIndex(of: SearchKey.separator)!
                    let word = packed[start..<end]
                    start = end + 1
                    let id: Int32
                    if let known = wordIds[word] {
                        id = known
                    } else {
                        id = Int32(starts.count)
                        wordIds[word] = id
                        starts.append(bytes.count)
                        bytes += word
                        bytes.append(SearchKey.separator)
                    }
                    if let at = productWords.firstIndex(where: { $0.word == id }) {
                        productWords[at].fields |= 1 << field
                    } else {
                        productWords.append((id, 1 << field))
                    }
                }
            }
            for (word, fields) in productWords { pairs.append((word, UInt32(index) << 3 | fields)) }
        }
        starts.append(bytes.count)  // one past the last word's separator
        // Group the postings by word (a counting sort keeps each word's products in order).
        var postingStarts = [Int32](repeating: 0, count: starts.count)
        for pair in pairs { postingStarts[Int(pair.word) + 1] += 1 }
        for word in 1..<postingStarts.count { postingStarts[word] += postingStarts[word - 1] }
        var next = postingStarts
        var postings = [UInt32](repeating: 0, count: pairs.count)
        for pair in pairs {
            postings[Int(next[Int(pair.word)])] = pair.posting
            next[Int(pair.word)] += 1
        }
        self.ids = keys.map(\.id)
        self.categories = keys.map(\.category)
        self.vocabulary = SearchVocabulary(bytes: bytes, starts: starts, ids: wordIds)
        self.postingStarts = postingStarts
        self.postings = postings
    }

    var count: Int { ids.count }

    /// In how many products word `id` occurs.
    func frequency(_ id: Int32) -> Int { Int(postingStarts[Int(id) + 1] - postingStarts[Int(id)]) }

    /// Which products match every one of `words`, each by an exact, prefix, infix or typo match
    /// in any field, and how well (see SearchEvaluation).
    func evaluate(_ words: [String]) -> SearchEvaluation {
        var evaluation = SearchEvaluation(productCount: count, wordCount: words.count)
        // The most selective word first: later words only touch the products still in the running.
        let matches = words.map { vocabulary.matches($0) }
        evaluation.unmatchedWords = matches.indices.filter { matches[$0].isEmpty }
        guard evaluation.unmatchedWords.isEmpty else { return evaluation }
        let order = matches.indices.sorted { postingCount(matches[$0]) < postingCount(matches[$1]) }
        postings.withUnsafeBufferPointer { postings in
            for (round, wordIndex) in order.enumerated() {
                evaluation.beginWord(round)
                for (id, quality) in matches[wordIndex] {
                    let range = Int(postingStarts[Int(id)])..<Int(postingStarts[Int(id) + 1])
                    evaluation.record(UnsafeBufferPointer(rebasing: postings[range]), quality: quality)
                }
                evaluation.endWord()
            }
        }
        return evaluation
    }

    private func postingCount(_ matches: [(id: Int32, quality: MatchQuality)]) -> Int {
        matches.reduce(0) { $0 + frequency($1.id) }
    }

    /// For each query word that matches no catalog word, the closest catalog word (fewest
    /// typos, then the most common); nil when such a word has nothing close. Close means
    /// within 1 typo for words up to 4 letters, 2 up to 8, 3 beyond; never for words with a
    /// digit or shorter than 3 letters.
    func corrections(for words: [String], unmatched: [Int]) -> [Int: String]? {
        var corrections: [Int: String] = [:]
        for index in unmatched {
            let query = TypoDistance.scalars(words[index])
            guard query.count >= 3, !query.contains(where: { (0x30...0x39).contains($0) }) else { return nil }
            let limit = query.count <= 4 ? 1 : query.count <= 8 ? 2 : 3
            let best = vocabulary.near(query, within: limit).min { a, b in
                if a.distance != b.distance { return a.distance < b.distance }
                let (fa, fb) = (frequency(a.id), frequency(b.id))
                return fa != fb ? fa > fb : vocabulary.word(a.id) < vocabulary.word(b.id)
            }
            guard let best else { return nil }
            corrections[index] = vocabulary.word(best.id)
        }
        return corrections.isEmpty ? nil : corrections
    }
}
