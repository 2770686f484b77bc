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
        let ids: [String]
        if let cached = sortedIds[sort] { ids = cached } else {
            ids = products.values.sorted(by: Self.comparator(for: sort)).map(\.id)
            sortedIds[sort] = ids
        }
        return ids.compactMap { id in
            guard let product = products[id] else { return nil }
            if let category, product.category != category { return nil }
            if inStockOnly && product.stock <= 0 { return nil }
            return product
        }
    }

    private static func comparator(for sort: ProductSortOrder) -> (Product, Product) -> Bool {
        switch sort {
        case .name: return byName
        case .priceAscending:
            return { $0.priceUsdCents != $1.priceUsdCents ? $0.priceUsdCents < $1.priceUsdCents : byName($0, $1) }
        case .priceDescending:
            return { $0.priceUsdCents != $1.priceUsdCents ? $0.priceUsdCents > $1.priceUsdCents : byName($0, $1) }
        case .rating:
            return { $0.rating != $1.rating ? $0.rating > $1.rating : byName($0, $1) }
        }
    }

    /// Name order, ties broken by id so paging is stable.
    static func byName(_ a: Product, _ b: Product) -> Bool {
        let order = a.name.localizedStandardCompare(b.name)
        return order == .orderedSame ? a.id < b.id : order == .orderedAscending
    }

    // MARK: Search

    /// Case-insensitive matches ranked name, then category, then description.
    func search(_ query: String, category: String?, inStockOnly: Bool, sort: SearchSortOrder) -> [SearchMatch] {
        let needle = Array(query.lowercased().utf8)
        var matches: [(rank: Int, match: SearchMatch)] = []
        for (id, key) in searchKeys {
            guard let product = products[id] else { continue }
            if let category, product.category != category { continue }
            if inStockOnly && product.stock <= 0 { continue }
            var fields: [MatchField] = []
            if SearchKey.contains(key.name, needle) { fields.append(.name) }
            if SearchKey.contains(key.category, needle) { fields.append(.category) }
            if SearchKey.contains(key.description, needle) { fields.append(.description) }
            guard let best = fields.first else { continue }
            let rank = best == .name ? 0 : best == .category ? 1 : 2
            matches.append((rank, SearchMatch(product: product, matchedIn: fields)))
        }
        let ordered: [(rank: Int, match: SearchMatch)]
        switch sort {
        case .relevance:
            ordered = matches.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : Self.byName($0.match.product, $1.match.product) }
        case .priceAscending:
            ordered = matches.sorted { Self.comparator(for: .priceAscending)($0.match.product, $1.match.product) }
        case .priceDescending:
            ordered = matches.sorted { Self.comparator(for: .priceDescending)($0.match.product, $1.match.product) }
        case .rating:
            ordered = matches.sorted { Self.comparator(for: .rating)($0.match.product, $1.match.product) }
        }
        return ordered.map(\.match)
    }
}
