import Foundation

/// Product fields an admin supplies.
struct ProductDraft: Sendable {
    var code: String
    var name: String
    var description: String
    var category: String
    var priceUsdCents: Int64
    var stock: Int
    var rating: Double?
    var ratingCount: Int?
}

extension GatewayStore {
    func listProducts(category: String?, inStockOnly: Bool, sort: ProductSortOrder) -> [Product] {
        catalog.list(category: category, inStockOnly: inStockOnly, sort: sort)
    }

    func search(_ query: String, category: String?, inStockOnly: Bool, sort: SearchSortOrder) -> [SearchMatch] {
        catalog.search(query, category: category, inStockOnly: inStockOnly, sort: sort)
    }

    func categories() -> [(CategoryInfo, Int)] { catalog.categoryCounts() }

    func findProduct(_ id: String) throws(GatewayProblem) -> Product { try product(id) }

    /// Up to 5 products not among `excluded`: same categories first, then the best rated.
    func recommendations(excluding excluded: [String]) -> [Product] {
        let excludedSet = Set(excluded)
        let categories = Set(excluded.compactMap { catalog.product($0)?.category })
        let candidates = catalog.list(category: nil, inStockOnly: false, sort: .rating)
            .filter { !excludedSet.contains($0.id) }
        let sameCategory = candidates.filter { categories.contains($0.category) && $0.stock > 0 }
        let others = candidates.filter { !categories.contains($0.category) && $0.stock > 0 }
        return Array((sameCategory + others).prefix(5))
    }

    /// Ads for the given categories (the best-rated product of each), or 2 random ones.
    func ads(categories requested: [String]) -> [(product: Product, text: String)] {
        let known = Set(catalog.categories.map(\.id))
        let wanted = requested.filter(known.contains)
        var seen = Set<String>()
        var chosen: [Product] = []
        if !wanted.isEmpty {
            for category in wanted where seen.insert(category).inserted {
                if let best = catalog.list(category: category, inStockOnly: true, sort: .rating).first {
                    chosen.append(best)
                }
            }
        }
        if chosen.isEmpty {
            chosen = Array(catalog.list(category: nil, inStockOnly: true, sort: .name).shuffled().prefix(2))
        }
        return chosen.map { product in
            let price = product.priceUsd.displayText
            return (product, "\(product.name) — rated \(String(format: "%.1f", product.rating))★, now \(price).")
        }
    }

    // MARK: Admin

    func createProduct(_ draft: ProductDraft) throws(GatewayProblem) -> Product {
        guard catalog.productId(forCode: draft.code) == nil else { throw duplicateCode(draft.code) }
        let product = Product(
            id: "prd_" + RandomToken.hex(byteCount: 6), code: draft.code, name: draft.name,
            description: draft.description, category: draft.category, priceUsdCents: draft.priceUsdCents,
            stock: draft.stock, rating: draft.rating ?? 0, ratingCount: draft.ratingCount ?? 0, updatedAt: now)
        catalog.upsert(product)
        markDirty(.products, product.id)
        record(.productCreated, "Created product \(product.code) (\(product.name))", userId: nil, subjectId: product.id)
        try commit()
        return product
    }

    func updateProduct(id: String, _ draft: ProductDraft) throws(GatewayProblem) -> Product {
        var product = try product(id)
        if let owner = catalog.productId(forCode: draft.code), owner != id { throw duplicateCode(draft.code) }
        product.code = draft.code
        product.name = draft.name
        product.description = draft.description
        product.category = draft.category
        product.priceUsdCents = draft.priceUsdCents
        product.stock = draft.stock
        if let rating = draft.rating { product.rating = rating }
        if let ratingCount = draft.ratingCount { product.ratingCount = ratingCount }
        product.updatedAt = now
        catalog.upsert(product)
        markDirty(.products, id)
        record(.productUpdated, "Updated product \(product.code)", userId: nil, subjectId: id)
        try commit()
        return product
    }

    func deleteProduct(id: String) throws(GatewayProblem) {
        let product = try product(id)
        catalog.remove(id)
        removedProductIds.insert(id)
        markDirty(.products, id)
        markDirty(.removedProducts, id)
        record(.productDeleted, "Deleted product \(product.code)", userId: nil, subjectId: id)
        try commit()
    }

    private func duplicateCode(_ code: String) -> GatewayProblem {
        .conflict("duplicate-code", "Product code taken", "Another product already has the code \(code).")
    }
}
