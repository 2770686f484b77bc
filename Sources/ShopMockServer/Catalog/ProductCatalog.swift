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
        }
        if previous == nil || previous!.name != product.name || previous!.priceUsdCents != product.priceUsdCents
            || previous!.rating != product.rating
        {
            sortedIds = [:]
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

    /// Case-insensitive matches ranked name, then category, then description.
    ///
    /// One scan over the products in the cached order of the requested sort, so no result
    /// is sorted per query; relevance is name order split into the three rank buckets.
    mutating func search(_ query: String, category: String?, inStockOnly: Bool, sort: SearchSortOrder) -> [SearchMatch] {
        let needle = Array(query.lowercased().utf8)
        let order: ProductSortOrder =
            switch sort {
            case .relevance: .name
            case .priceAscending: .priceAscending
            case .priceDescending: .priceDescending
            case .rating: .rating
            }
        var buckets: [[SearchMatch]] = [[], [], []]
        for id in sortedIds(order) {
            guard let product = products[id], let key = searchKeys[id] else { continue }
            if let category, product.category != category { continue }
            if inStockOnly && product.stock <= 0 { continue }
            var fields: [MatchField] = []
            if SearchKey.contains(key.name, needle) { fields.append(.name) }
            if SearchKey.contains(key.category, needle) { fields.append(.category) }
            if SearchKey.contains(key.description, needle) { fields.append(.description) }
            guard let best = fields.first else { continue }
            let bucket = sort != .relevance ? 0 : best == .name ? 0 : best == .category ? 1 : 2
            buckets[bucket].append(SearchMatch(product: product, matchedIn: fields))
        }
        return buckets.flatMap { $0 }
    }
}
