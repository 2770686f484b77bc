import Foundation

/// Sort orders for browsing.
enum ProductSortOrder: String, Sendable, CaseIterable {
    case name, priceAscending = "price_asc", priceDescending = "price_desc", rating
}

/// Sort orders for search results.
enum SearchSortOrder: String, Sendable {
    case relevance, priceAscending = "price_asc", priceDescending = "price_desc", rating
}

/// Where a query matched a product.
enum MatchField: String, Sendable {
    case name, category, description
}

/// One search result.
struct SearchMatch: Sendable {
    var product: Product
    var matchedIn: [MatchField]
}

/// The products and categories on offer, with what makes browsing and search cheap.
///
/// Sorted id lists are cached per sort order and dropped only when a product's sortable
/// fields change (admin edits), not on every stock change.
struct ProductCatalog: Sendable {
    private(set) var categories: [CategoryInfo]
    private(set) var products: [String: Product] = [:]
    private var idByCode: [String: String] = [:]
    private var searchKeys: [String: SearchKey] = [:]
    private var sortedIds: [ProductSortOrder: [String]] = [:]
    /// Built by the first search after searchable text changed (see SearchIndex).
    private var searchIndex: SearchIndex?
    /// The search index's product positions in each sort order; dropped with `sortedIds` and the index.
    private var searchOrders: [ProductSortOrder: [Int32]] = [:]

    init(categories: [CategoryInfo], products: [Product]) {
        self.categories = categories
        for product in products { upsert(product) }
    }

    func product(_ id: String) -> Product? { products[id] }
    func productId(forCode code: String) -> String? { idByCode[code] }

    func categoryName(_ id: String) -> String {
        categories.first { $0.id == id }?.name ?? id.replacingOccurrences(of: "-", with: " ").capitalized
    }

    /// Categories by name with their product counts.
    func categoryCounts() -> [(CategoryInfo, Int)] {
        var counts: [String: Int] = [:]
        for product in products.values { counts[product.category, default: 0] += 1 }
        return categories.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
            .map { ($0, counts[$0.id] ?? 0) }
    }

    // MARK: Changes

    /// Adds a category (with its stored name) before products of it arrive.
    mutating func addCategory(_ category: CategoryInfo) {
        categories.append(category)
    }

    /// Adds or replaces a product; a new category id becomes a category of its own.
    mutating func upsert(_ product: Product) {
        let previous = products[product.id]
        if let previous, previous.code != product.code { idByCode[previous.code] = nil }
        if !categories.contains(where: { $0.id == product.category }) {
            categories.append(CategoryInfo(id: product.category, name: categoryName(product.category)))
        }
        products[product.id] = product
        idByCode[product.code] = product.id
        if previous == nil || previous!.name != product.name || previous!.description != product.description
            || previous!.category != product.category
        {
            searchKeys[product.id] = SearchKey(product: product, categoryName: categoryName(product.category))
            searchIndex = nil
            searchOrders = [:]
        }
        if previous == nil || previous!.name != product.name || previous!.priceUsdCents != product.priceUsdCents
            || previous!.rating != product.rating
        {
            sortedIds = [:]
            searchOrders = [:]
        }
    }

    mutating func setStock(_ id: String, to stock: Int, at now: Date) {
        products[id]?.stock = stock
        products[id]?.updatedAt = now
    }

    mutating func remove(_ id: String) {
        guard let product = products.removeValue(forKey: id) else { return }
        idByCode[product.code] = nil
        searchKeys[id] = nil
        sortedIds = [:]
        searchIndex = nil
        searchOrders = [:]
    }

    // MARK: Browsing

    /// All products of the filter in the sort order.
    mutating func list(category: String?, inStockOnly: Bool, sort: ProductSortOrder) -> [Product] {
        sortedIds(sort).compactMap { id in
            guard let product = products[id] else { return nil }
            if let category, product.category != category { return nil }
            if inStockOnly && product.stock <= 0 { return nil }
            return product
        }
    }

    /// One page of the filter in `sort` order and the size of the whole filtered list, without
    /// copying the list: an unfiltered page costs its own items only (the old way copied all
    /// 100k products for every page); a filtered one walks the ids once.
    mutating func page(category: String?, inStockOnly: Bool, sort: ProductSortOrder, offset: Int, limit: Int) -> (items: [Product], total: Int) {
        let ids = sortedIds(sort)
        if category == nil && !inStockOnly {
            let start = min(max(0, offset), ids.count)
            let end = min(start + limit, ids.count)
            return (ids[start..<end].compactMap { products[$0] }, ids.count)
        }
        var items: [Product] = []
        var total = 0
        for id in ids {
            guard let product = products[id] else { continue }
            if let category, product.category != category { continue }
            if inStockOnly && product.stock <= 0 { continue }
            if total >= offset && items.count < limit { items.append(product) }
            total += 1
        }
        return (items, total)
    }

    /// The first `limit` products in `sort` order that `include` accepts; stops there.
    mutating func first(_ limit: Int, sort: ProductSortOrder, where include: (Product) -> Bool) -> [Product] {
        var found: [Product] = []
        for id in sortedIds(sort) {
            if found.count == limit { break }
            if let product = products[id], include(product) { found.append(product) }
        }
        return found
    }

    /// Up to `count` distinct random products that `include` accepts (random probes, then a scan
    /// when they keep missing), instead of shuffling the whole catalog.
    mutating func random(_ count: Int, sort: ProductSortOrder, where include: (Product) -> Bool) -> [Product] {
        let ids = sortedIds(sort)
        guard !ids.isEmpty else { return [] }
        var chosen: [Product] = []
        var seen = Set<String>()
        for _ in 0..<(count * 20) where chosen.count < count {
            let id = ids[Int.random(in: 0..<ids.count)]
            if seen.insert(id).inserted, let product = products[id], include(product) { chosen.append(product) }
        }
        if chosen.count < count {
            chosen += first(count - chosen.count, sort: sort) { !seen.contains($0.id) && include($0) }
        }
        return chosen
    }

    /// Every product id in `sort` order, cached until a sortable field changes.
    ///
    /// Names compare by their precomputed lower-cased bytes (then id, so paging is stable):
    /// cheap enough to sort 100k products, unlike locale-aware comparison.
    private mutating func sortedIds(_ sort: ProductSortOrder) -> [String] {
        if let cached = sortedIds[sort] { return cached }
        let entries = products.values.map { ($0, searchKeys[$0.id]?.name ?? []) }
        func byName(_ a: (Product, [UInt8]), _ b: (Product, [UInt8])) -> Bool {
            a.1 != b.1 ? a.1.lexicographicallyPrecedes(b.1) : a.0.id < b.0.id
        }
        let sorted: [(Product, [UInt8])]
        switch sort {
        case .name:
            sorted = entries.sorted(by: byName)
        case .priceAscending:
            sorted = entries.sorted { $0.0.priceUsdCents != $1.0.priceUsdCents ? $0.0.priceUsdCents < $1.0.priceUsdCents : byName($0, $1) }
        case .priceDescending:
            sorted = entries.sorted { $0.0.priceUsdCents != $1.0.priceUsdCents ? $0.0.priceUsdCents > $1.0.priceUsdCents : byName($0, $1) }
        case .rating:
            sorted = entries.sorted { $0.0.rating != $1.0.rating ? $0.0.rating > $1.0.rating : byName($0, $1) }
        }
        let ids = sorted.map(\.0.id)
        sortedIds[sort] = ids
        return ids
    }

    // MARK: Search

    private mutating func currentSearchIndex() -> SearchIndex {
        if let searchIndex { return searchIndex }
        let index = SearchIndex(searchKeys.compactMap { id, key in
            products[id].map { (id: id, category: $0.category, key: key) }
        })
        searchIndex = index
        return index
    }

    /// The search index's positions of the products in `sort` order.
    private mutating func searchOrder(_ sort: ProductSortOrder, _ index: SearchIndex) -> [Int32] {
        if let cached = searchOrders[sort] { return cached }
        var position: [String: Int32] = [:]
        position.reserveCapacity(index.count)
        for (at, id) in index.ids.enumerated() { position[id] = Int32(at) }
        let order = sortedIds(sort).compactMap { position[$0] }
        searchOrders[sort] = order
        return order
    }

    /// Products matching every word of `query` (the rules are SearchText's, MatchQuality's
    /// and the contract's), the page at `offset` and how many there are in all; when nothing
    /// matches, a corrected query that would find something.
    ///
    /// Relevance ranks by the worst match among the query's words (exact, prefix, infix, typo),
    /// then by the field that word needed (name, category, description), then by name. One pass
    /// over the cached order of the requested sort, so no result is sorted per query; only the
    /// page's products are looked up and copied.
    mutating func search(_ query: String, category: String?, inStockOnly: Bool, sort: SearchSortOrder,
                         offset: Int, limit: Int) -> (items: [SearchMatch], total: Int, suggestion: String?) {
        var words: [SearchText.QueryWord] = []
        for word in SearchText.queryWords(query) where !words.contains(where: { $0.word == word.word }) { words.append(word) }
        guard !words.isEmpty else { return ([], 0, nil) }
        let index = currentSearchIndex()
        let evaluation = index.evaluate(words.map(\.word))
        // A word that matches no catalog word matches no product: no pass over the catalog.
        let found = evaluation.unmatchedWords.isEmpty
            ? page(evaluation, index, category: category, inStockOnly: inStockOnly, sort: sort, offset: offset, limit: limit)
            : (items: [], total: 0)
        guard found.total == 0, let corrections = index.corrections(for: words.map(\.word), unmatched: evaluation.unmatchedWords)
        else { return (found.items, found.total, nil) }
        let corrected = words.indices.map { corrections[$0] ?? words[$0].word }
        let retry = page(index.evaluate(corrected), index, category: category, inStockOnly: inStockOnly, sort: sort, offset: 0, limit: 0)
        guard retry.total > 0 else { return (found.items, 0, nil) }
        // The query as typed, with only the corrected words replaced.
        let suggestion = words.indices.map { corrections[$0] ?? String(words[$0].typed) }.joined(separator: " ")
        return (found.items, 0, suggestion)
    }

    private mutating func page(_ evaluation: SearchEvaluation, _ index: SearchIndex, category: String?, inStockOnly: Bool,
                               sort: SearchSortOrder, offset: Int, limit: Int) -> (items: [SearchMatch], total: Int) {
        let order: ProductSortOrder =
            switch sort {
            case .relevance: .name
            case .priceAscending: .priceAscending
            case .priceDescending: .priceDescending
            case .rating: .rating
            }
        let positions = searchOrder(order, index)
        let products = self.products
        func included(_ at: Int) -> Bool {
            guard evaluation.matches(at) else { return false }
            if let category, index.categories[at] != category { return false }
            if inStockOnly && (products[index.ids[at]]?.stock ?? 0) <= 0 { return false }
            return true
        }
        // Relevance: one bucket per (quality, field) tier, best first; any other sort: one bucket.
        let tiers = MatchQuality.allCases.count * 3
        func bucket(_ at: Int) -> Int {
            guard sort == .relevance else { return 0 }
            let tier = evaluation.tier(at)
            return Int(tier.quality.rawValue) * 3 + tier.field
        }
        var counts = [Int](repeating: 0, count: tiers)
        var matched: [(at: Int32, bucket: UInt8)] = []
        for at in positions where included(Int(at)) {
            let b = bucket(Int(at))
            counts[b] += 1
            matched.append((at, UInt8(b)))
        }
        let total = counts.reduce(0, +)
        var next = [Int](repeating: 0, count: tiers)  // position of the next match of each bucket
        for tier in 1..<tiers { next[tier] = next[tier - 1] + counts[tier - 1] }
        var page: [(position: Int, match: SearchMatch)] = []
        let end = offset + limit
        for (at, bucket) in matched {
            let b = Int(bucket)
            let position = next[b]
            next[b] += 1
            guard position >= offset && position < end, let product = products[index.ids[Int(at)]] else { continue }
            let mask = evaluation.fields[Int(at)]
            var fields: [MatchField] = []
            if mask & 1 != 0 { fields.append(.name) }
            if mask & 2 != 0 { fields.append(.category) }
            if mask & 4 != 0 { fields.append(.description) }
            page.append((position, SearchMatch(product: product, matchedIn: fields)))
        }
        return (page.sorted { $0.position < $1.position }.map(\.match), total)
    }
}
