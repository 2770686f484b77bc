import Foundation
import GRDB

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
    /// One page of a listing and the listing's size; only the page crosses the actor boundary.
    func listProducts(category: String?, inStockOnly: Bool, sort: ProductSortOrder, offset: Int, limit: Int) -> (items: [Product], total: Int) {
        syncCatalog()
        return catalog.page(category: category, inStockOnly: inStockOnly, sort: sort, offset: offset, limit: limit)
    }

    func search(_ query: String, category: String?, inStockOnly: Bool, sort: SearchSortOrder,
                offset: Int, limit: Int) -> (items: [SearchMatch], total: Int, suggestion: String?) {
        syncCatalog()
        return catalog.search(query, category: category, inStockOnly: inStockOnly, sort: sort, offset: offset, limit: limit)
    }

    func categories() -> [(CategoryInfo, Int)] {
        syncCatalog()
        return catalog.categoryCounts()
    }

    func findProduct(_ id: String) throws(GatewayProblem) -> Product {
        syncCatalog()
        return try product(id)
    }

    /// Up to 5 products not among `excluded`: same categories first, then the best rated.
    func recommendations(excluding excluded: [String]) -> [Product] {
        syncCatalog()
        let excludedSet = Set(excluded)
        let categories = Set(excluded.compactMap { catalog.product($0)?.category })
        // Walks the rating order only until 5 are found (the client asks on every selection move).
        let sameCategory = catalog.first(5, sort: .rating) {
            !excludedSet.contains($0.id) && categories.contains($0.category) && $0.stock > 0
        }
        guard sameCategory.count < 5 else { return sameCategory }
        let others = catalog.first(5 - sameCategory.count, sort: .rating) {
            !excludedSet.contains($0.id) && !categories.contains($0.category) && $0.stock > 0
        }
        return sameCategory + others
    }

    /// Ads for the given categories (the best-rated product of each), or 2 random ones.
    func ads(categories requested: [String]) -> [(product: Product, text: String)] {
        syncCatalog()
        let known = Set(catalog.categories.map(\.id))
        let wanted = requested.filter(known.contains)
        var seen = Set<String>()
        var chosen: [Product] = []
        if !wanted.isEmpty {
            for category in wanted where seen.insert(category).inserted {
                if let best = catalog.first(1, sort: .rating, where: { $0.category == category && $0.stock > 0 }).first {
                    chosen.append(best)
                }
            }
        }
        if chosen.isEmpty {
            chosen = catalog.random(2, sort: .name) { $0.stock > 0 }
        }
        return chosen.map { product in
            let price = product.priceUsd.displayText
            return (product, "\(product.name) — rated \(String(format: "%.1f", product.rating))★, now \(price).")
        }
    }

    // MARK: Admin

    /// Admin changes are written like any rule; the catalog in memory catches up as the
    /// transaction commits, and stock set by an admin is recorded as an `admin` stock update.
    func createProduct(_ draft: ProductDraft) throws(GatewayProblem) -> Product {
        try keyedWrite(status: 201) { db in
            guard try CatalogRows.liveProductId(db, code: draft.code) == nil else { throw self.duplicateCode(draft.code) }
            let product = Product(
                id: "prd_" + RandomToken.hex(byteCount: 6), code: draft.code, name: draft.name,
                description: draft.description, category: draft.category, priceUsdCents: draft.priceUsdCents,
                stock: draft.stock, rating: draft.rating ?? 0, ratingCount: draft.ratingCount ?? 0, updatedAt: self.now)
            let revision = try CatalogRows.bumpRevision(db)
            try CatalogRows.insert(db, product, revision: revision, categoryName: self.catalog.categoryName(product.category))
            try db.cachedStatement(sql: "INSERT INTO stock_updates (product_id, change, on_hand_after, reason, at) VALUES (?, ?, ?, 'admin', ?)").execute(arguments: [product.id, product.stock, product.stock, self.now.timeIntervalSince1970])
            try self.record(db, .productCreated, "Created product \(product.code) (\(product.name))", userId: nil, subjectId: product.id)
            return product
        }
    }

    func updateProduct(id: String, _ draft: ProductDraft) throws(GatewayProblem) -> Product {
        try write { db in
            var product = try self.product(db, id)
            if let owner = try CatalogRows.liveProductId(db, code: draft.code), owner != id { throw self.duplicateCode(draft.code) }
            product.code = draft.code
            product.name = draft.name
            product.description = draft.description
            product.category = draft.category
            product.priceUsdCents = draft.priceUsdCents
            if let rating = draft.rating { product.rating = rating }
            if let ratingCount = draft.ratingCount { product.ratingCount = ratingCount }
            product.updatedAt = self.now
            let revision = try CatalogRows.bumpRevision(db)
            try CatalogRows.update(db, product, revision: revision, categoryName: self.catalog.categoryName(product.category))
            try CatalogRows.setStock(db, productId: id, to: draft.stock, reason: .admin, orderId: nil, revision: revision, at: self.now)
            product.stock = draft.stock
            try self.record(db, .productUpdated, "Updated product \(product.code)", userId: nil, subjectId: id)
            return product
        }
    }

    func deleteProduct(id: String) throws(GatewayProblem) {
        try write { db in
            let product = try self.product(db, id)
            try CatalogRows.markRemoved(db, id, revision: try CatalogRows.bumpRevision(db), at: self.now)
            try self.record(db, .productDeleted, "Deleted product \(product.code)", userId: nil, subjectId: id)
        }
    }

    private func duplicateCode(_ code: String) -> GatewayProblem {
        .conflict("duplicate-code", "Product code taken", "Another product already has the code \(code).")
    }
}
