import Foundation
import ShopTestSupport
import Testing
@testable import ShopMockServer

/// Search that forgives on 100,000 generated products (the shape of `shop-bench catalog`) plus
/// the bundled catalog: every answer equals a plain reference matcher's, which compares each
/// query word with each product word directly (no index). Correctness only; the time is
/// `shop-bench scale`'s figure.
///
/// Each test runs ``inTheBackground(isolation:_:)`` (its own threads, at the lowest priority):
/// building the world and the reference take a debug build minutes of CPU, and on the
/// cooperative pool (two threads on CI) that held every other test's gateway without an answer
/// for as long.
@Suite struct TolerantSearchScaleTests {
    static let adjectives = ["Classic", "Compact", "Deluxe", "Rustic", "Modern", "Vintage", "Sturdy", "Light", "Smart", "Cosy",
                             "Bright", "Quiet", "Travel", "Pocket", "Grand", "Mini"]
    static let nouns = ["Lamp", "Kettle", "Backpack", "Notebook", "Scarf", "Mug", "Speaker", "Tent", "Puzzle", "Brush",
                        "Chair", "Jacket", "Bottle", "Clock", "Candle", "Blanket", "Camera", "Board", "Pan", "Towel"]
    static let words = ["durable", "recycled", "oak", "steel", "cotton", "wool", "ceramic", "glass", "warm", "soft", "handmade",
                        "waterproof", "foldable", "quiet", "bright", "everyday", "gift", "classic", "travel", "kitchen"]

    /// A product and its words per field (name, category, description), as the reference sees
    /// them: ids into `World.words`.
    struct Entry {
        var product: Product
        var fields: [[Int]]
    }

    struct World {
        var catalog: ProductCatalog
        var entries: [Entry]
        /// Every distinct word, UTF-8.
        var words: [[UInt8]]
        var vocabulary: Set<String>
    }

    static let world: World = {
        var bundled = TolerantSearchTests.bundled
        let categories = bundled.categories
        var random = SplitMix64(seed: 16)
        var ids: [String: Int] = [:]
        var words: [[UInt8]] = []
        func identify(_ set: Set<String>) -> [Int] {
            set.map { word in
                if let id = ids[word] { return id }
                ids[word] = words.count
                words.append(Array(word.utf8))
                return words.count - 1
            }
        }
        var entries: [Entry] = []
        let epoch = Date(timeIntervalSince1970: 0)
        for index in 0..<100_000 {
            let adjective = adjectives.randomElement(using: &random)!, noun = nouns.randomElement(using: &random)!
            let chosen = (0..<24).map { _ in Self.words.randomElement(using: &random)! }
            let category = categories[index % categories.count]
            let product = Product(
                id: String(format: "g%06d", index), code: String(format: "GEN-%06d", index), name: "\(adjective) \(noun) \(index)",
                description: chosen.joined(separator: " ") + ".", category: category.id,
                priceUsdCents: Int64.random(in: 199...20_199, using: &random), stock: Int.random(in: 0..<60, using: &random),
                rating: Double(Int.random(in: 0...50, using: &random)) / 10, ratingCount: 1, updatedAt: epoch)
            // The generator's words are known, so the reference does not need the tokenizer for them.
            entries.append(Entry(product: product, fields: [
                identify([adjective.lowercased(), noun.lowercased(), String(index)]),
                identify(SearchText.indexWords(category.id + " " + category.name)), identify(Set(chosen)),
            ]))
        }
        for product in bundled.list(category: nil, inStockOnly: false, sort: .name) {
            let category = bundled.categoryName(product.category)
            entries.append(Entry(product: product, fields: [
                identify(SearchText.indexWords(product.name)), identify(SearchText.indexWords(product.category + " " + category)),
                identify(SearchText.indexWords(product.description)),
            ]))
        }
        let catalog = ProductCatalog(categories: categories, products: entries.map(\.product))
        return World(catalog: catalog, entries: entries, words: words, vocabulary: Set(ids.keys))
    }()

    /// Plain optimal-string-alignment distance, without the index's early exit.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }

    /// How query word `q` matches `word`, compared directly.
    static func quality(_ q: [UInt8], _ word: [UInt8], typos allowed: Int) -> MatchQuality? {
        if word == q { return .exact }
        if word.starts(with: q) { return .prefix }
        if word.count > q.count && (1...(word.count - q.count)).contains(where: { word[$0..<($0 + q.count)].elementsEqual(q) }) { return .infix }
        guard allowed > 0, !word.contains(where: { (0x30...0x39).contains($0) }) else { return nil }
        let a = Array(String(decoding: q, as: UTF8.self).unicodeScalars), b = Array(String(decoding: word, as: UTF8.self).unicodeScalars)
        return abs(a.count - b.count) <= allowed && distance(a, b) <= allowed ? .typo : nil
    }

    /// The reference: the ids a relevance search must answer, in order, with where they matched.
    static func expected(_ query: String, world: World, nameOrder: [String: Int]) -> [(id: String, fields: Set<Int>)] {
        let queryWords = SearchText.queryWords(query).map(\.word)
        guard !queryWords.isEmpty else { return [] }
        // Each query word against each distinct catalog word, once.
        let qualities: [[MatchQuality?]] = queryWords.map { q in
            let letters = q.unicodeScalars.count
            let hasDigit = q.unicodeScalars.contains { ("0"..."9").contains($0) }
            let allowed = hasDigit || world.vocabulary.contains(q) ? 0 : letters >= 9 ? 2 : letters >= 5 ? 1 : 0
            return world.words.map { quality(Array(q.utf8), $0, typos: allowed) }
        }
        var found: [(id: String, rank: (Int, Int, Int), fields: Set<Int>)] = []
        for entry in world.entries {
            var worstQuality = 0, worstField = 0
            var fields = Set<Int>()
            var all = true
            for word in qualities.indices {
                var best: (Int, Int)?
                for (field, ids) in entry.fields.enumerated() {
                    for id in ids {
                        guard let match = qualities[word][id] else { continue }
                        fields.insert(field)
                        let candidate = (Int(match.rawValue), field)
                        if best == nil || candidate < best! { best = candidate }
                    }
                }
                guard let best else { all = false; break }
                worstQuality = max(worstQuality, best.0)
                worstField = max(worstField, best.1)
            }
            if all { found.append((entry.product.id, (worstQuality, worstField, nameOrder[entry.product.id]!), fields)) }
        }
        return found.sorted { $0.rank < $1.rank }.map { ($0.id, $0.fields) }
    }

    /// A word with one random typo (replace, delete, insert or swap a letter).
    static func misspell(_ word: String, using random: inout SplitMix64) -> String {
        var letters = Array(word.lowercased())
        let at = Int.random(in: 0..<letters.count, using: &random)
        let letter = "abcdefghijklmnopqrstuvwxyz".randomElement(using: &random)!
        switch Int.random(in: 0..<4, using: &random) {
        case 0: letters[at] = letter
        case 1: letters.remove(at: at)
        case 2: letters.insert(letter, at: at)
        default: if at + 1 < letters.count { letters.swapAt(at, at + 1) }
        }
        return String(letters)
    }

    @Test func everyAnswerEqualsThePlainReference() async {
        await inTheBackground {
            var catalog = Self.world.catalog
            #expect(Self.world.entries.count == 100_072)
            let nameOrder = Dictionary(uniqueKeysWithValues: catalog.list(category: nil, inStockOnly: false, sort: .name).enumerated().map { ($1.id, $0) })
            var random = SplitMix64(seed: 2026)
            var queries = ["lamp", "deluxe lamp", "backpak", "rustik", "qui", "wristwach", "chef knife", "knife chef", "creme brulee",
                           "12345", "lamp 4242", "kitchen warm", "lamq", "waterprof foldable"]
            let pool = Self.adjectives + Self.nouns + Self.words
            for _ in 0..<8 {
                let count = Int.random(in: 1...2, using: &random)
                queries.append((0..<count).map { _ in
                    let word = pool.randomElement(using: &random)!
                    return Bool.random(using: &random) ? Self.misspell(word, using: &random) : word.lowercased()
                }.joined(separator: " "))
            }
            for query in queries {
                let expected = Self.expected(query, world: Self.world, nameOrder: nameOrder)
                let found = catalog.search(query, category: nil, inStockOnly: false, sort: .relevance, offset: 0, limit: max(1, expected.count))
                #expect(found.total == expected.count, "\(query): \(found.total) found, the reference \(expected.count)")
                #expect(found.items.map(\.product.id) == expected.map(\.id), "\(query): another order or other products")
                let fieldNames: [MatchField] = [.name, .category, .description]
                let fields = found.items.map { Set($0.matchedIn.compactMap { fieldNames.firstIndex(of: $0) }) }
                #expect(fields == expected.map(\.fields), "\(query): matchedIn")
            }
        }
    }

    @Test func theIssuesQueriesAnswerAsOnTheBundledCatalogAlone() async {
        await inTheBackground {
            var catalog = Self.world.catalog
            for query in ["wristwach", "chef knife", "chefs", "knife chef", "creme", "brulee", "lamq"] {
                let alone = TolerantSearchTests.search(TolerantSearchTests.bundled, query)
                let found = catalog.search(query, category: nil, inStockOnly: false, sort: .relevance, offset: 0, limit: 100)
                #expect(found.items.map(\.product.name) == alone.names, "\(query)")
                #expect(found.total == alone.total && found.suggestion == alone.suggestion, "\(query)")
            }
        }
    }

    @Test func filtersAndPagesOnALargeAnswer() async {
        await inTheBackground {
            var catalog = Self.world.catalog
            let whole = catalog.search("lamp", category: "kitchen", inStockOnly: true, sort: .priceAscending, offset: 0, limit: 100_000)
            #expect(whole.total > 100 && whole.items.count == whole.total)
            #expect(whole.items.allSatisfy { $0.product.category == "kitchen" && $0.product.stock > 0 })
            let prices = whole.items.map(\.product.priceUsdCents)
            #expect(prices == prices.sorted())
            var paged: [String] = []
            var offset = 0
            while offset < whole.total {
                let page = catalog.search("lamp", category: "kitchen", inStockOnly: true, sort: .priceAscending, offset: offset, limit: 100)
                #expect(page.total == whole.total)
                paged += page.items.map(\.product.id)
                offset += 100
            }
            #expect(paged == whole.items.map(\.product.id))
        }
    }
}
