/// Browsing and searching the catalog. No session needed.
///
/// Prices come in `currency` (the gateway's default is USD). Lists come as a ``PagedSequence``
/// (`products`, `search`) and one ``Page`` at a time (`productsPage`, `searchPage`).
public struct CatalogService: Sendable {
    let gateway: Gateway

    /// Every product matching the filter, page by page as you iterate.
    /// - Parameters:
    ///   - category: Only this category id.
    ///   - sort: The order (by name by default).
    ///   - inStock: `true` for only products that can be bought now.
    ///   - currency: The currency of the prices.
    ///   - pageSize: Products per request (1–100; the gateway's default is 20).
    public func products(category: String? = nil, sort: ProductSort? = nil, inStock: Bool? = nil,
                         currency: CurrencyCode? = nil, pageSize: Int? = nil) -> PagedSequence<ProductSummary> {
        PagedSequence { [gateway] cursor throws(ShopError) in
            try await gateway.call {
                let page = try await $0.listProducts(query: .init(
                    category: category, sort: sort.map(bridge), inStock: inStock, currency: currency.map(bridge),
                    limit: pageSize, cursor: cursor)).ok.body.json
                return Page(items: page.items.map(ProductSummary.init(wire:)), nextCursor: page.nextCursor, total: page.total)
            }
        }
    }

    /// One page of products; ``Page/total`` says how many match the filter in all and
    /// ``Page/next()`` fetches the next page.
    public func productsPage(category: String? = nil, sort: ProductSort? = nil, inStock: Bool? = nil,
                             currency: CurrencyCode? = nil, cursor: String? = nil,
                             limit: Int? = nil) async throws(ShopError) -> Page<ProductSummary> {
        try await products(category: category, sort: sort, inStock: inStock, currency: currency, pageSize: limit)
            .page(at: cursor)
    }

    /// One product with its description and stock.
    /// - Throws: ``ShopError`` 404 for an unknown id.
    public func product(id: String, currency: CurrencyCode? = nil) async throws(ShopError) -> Product {
        try await gateway.call {
            Product(wire: try await $0.getProduct(path: .init(productId: id),
                                                  query: .init(currency: currency.map(bridge))).ok.body.json)
        }
    }

    /// Every category with its product count, by name.
    public func categories() async throws(ShopError) -> [Category] {
        try await gateway.call { try await $0.listCategories().ok.body.json.items.map(Category.init(wire:)) }
    }

    /// Every product matching a query, best matches first, page by page as you iterate. The
    /// gateway forgives case, accents, punctuation, word order and typos in longer words (the
    /// rules are in the contract's `searchProducts`).
    public func search(_ query: String, category: String? = nil, inStock: Bool? = nil, sort: SearchSort? = nil,
                       currency: CurrencyCode? = nil, pageSize: Int? = nil) -> PagedSequence<SearchHit> {
        PagedSequence { [gateway] cursor throws(ShopError) in
            try await gateway.call {
                let page = try await $0.searchProducts(query: .init(
                    q: query, category: category, inStock: inStock, sort: sort.map(bridge),
                    currency: currency.map(bridge), limit: pageSize, cursor: cursor)).ok.body.json
                return Page(items: page.items.map(SearchHit.init(wire:)), nextCursor: page.nextCursor, total: page.total,
                            suggestion: page.suggestion)
            }
        }
    }

    /// One page of search results; ``Page/total`` says how many match in all, ``Page/next()``
    /// fetches the next page and, when nothing matches, ``Page/suggestion`` may offer a
    /// corrected query.
    public func searchPage(_ query: String, category: String? = nil, inStock: Bool? = nil, sort: SearchSort? = nil,
                           currency: CurrencyCode? = nil, cursor: String? = nil,
                           limit: Int? = nil) async throws(ShopError) -> Page<SearchHit> {
        try await search(query, category: category, inStock: inStock, sort: sort, currency: currency, pageSize: limit)
            .page(at: cursor)
    }
}
