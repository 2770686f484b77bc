import Foundation
import GRDB

/// Why stock moved, as `stock_updates.reason` records it.
enum StockChangeReason: String, Sendable {
    case seed, order, cancel, admin
}

/// Reading and writing the catalog tables: categories, products, inventory, stock_updates.
enum CatalogRows {
    static let productColumns = """
        p.id, p.code, p.name, p.description, p.category_id, p.price_usd_cents, p.rating, p.rating_count,
        p.updated_at, p.removed, i.on_hand
        """

    /// A product from ``productColumns`` starting at column `offset`.
    static func product(_ row: Row, from offset: Int = 0) -> Product {
        Product(
            id: row[offset], code: row[offset + 1], name: row[offset + 2], description: row[offset + 3],
            category: row[offset + 4], priceUsdCents: row[offset + 5], stock: row[offset + 10], rating: row[offset + 6],
            ratingCount: row[offset + 7], updatedAt: Date(timeIntervalSince1970: row[offset + 8]))
    }

    /// Writes the catalog file's categories and products once, into an empty database.
    /// Returns false when the database already has its catalog (it is the truth from then on).
    static func seedIfEmpty(_ db: Database, from seed: CatalogSeed, now: Date) throws -> Bool {
        guard try Double.fetchOne(db.cachedStatement(sql: "SELECT seeded_at FROM catalog_state WHERE id = 1")) == nil else { return false }
        for category in seed.categories {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO categories (id, name) VALUES (?, ?)").execute(arguments: [category.id, StoredText.value(category.name)])
        }
        let revision = try bumpRevision(db)
        let names = seed.categoryNames()
        for product in seed.products.sorted(by: { $0.id < $1.id }) {
            try insert(db, product, revision: revision, categoryName: names[product.category] ?? product.category)
            try recordStockChange(db, productId: product.id, change: product.stock, after: product.stock, reason: .seed, orderId: nil, at: now)
        }
        try db.cachedStatement(sql: "UPDATE catalog_state SET seeded_at = ? WHERE id = 1").execute(arguments: [now.timeIntervalSince1970])
        return true
    }

    /// The catalog's revision now.
    static func revision(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT revision FROM catalog_state WHERE id = 1")) ?? 0
    }

    /// Moves the catalog revision on; every product changed in this transaction is stamped with it.
    static func bumpRevision(_ db: Database) throws -> Int64 {
        try db.cachedStatement(sql: "UPDATE catalog_state SET revision = revision + 1 WHERE id = 1").execute()
        return try revision(db)
    }

    /// Live and removed products changed after `revision` (all of them from 0).
    static func changed(_ db: Database, after revision: Int64) throws -> [(product: Product, removed: Bool)] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(productColumns) FROM products p JOIN inventory i ON i.product_id = p.id WHERE p.revision > ?"),
            arguments: [revision]
        ).map { (product($0), ($0[9] as Int) != 0) }
    }

    static func categories(_ db: Database) throws -> [CategoryInfo] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT id, name FROM categories")).map { CategoryInfo(id: $0[0], name: $0[1]) }
    }

    /// A live product with its stock, read inside the caller's transaction.
    static func liveProduct(_ db: Database, _ id: String) throws -> Product? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(productColumns) FROM products p JOIN inventory i ON i.product_id = p.id WHERE p.id = ? AND p.removed = 0"),
            arguments: [id]
        ).map { product($0) }
    }

    static func liveProductId(_ db: Database, code: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM products WHERE code = ? AND removed = 0"), arguments: [StoredText.value(code)])
    }

    static func insert(_ db: Database, _ product: Product, revision: Int64, categoryName: String) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO categories (id, name) VALUES (?, ?)").execute(arguments: [product.category, StoredText.value(categoryName)])
        try db.cachedStatement(sql: """
                INSERT INTO products (id, code, name, description, category_id, price_usd_cents, rating, rating_count,
                                      updated_at, removed, revision)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
                """).execute(arguments: [
                product.id, StoredText.value(product.code), StoredText.value(product.name),
                StoredText.value(product.description), product.category, product.priceUsdCents,
                product.rating, product.ratingCount, product.updatedAt.timeIntervalSince1970, revision,
            ])
        try db.cachedStatement(sql: "INSERT INTO inventory (product_id, on_hand) VALUES (?, ?)").execute(arguments: [product.id, product.stock])
    }

    static func update(_ db: Database, _ product: Product, revision: Int64, categoryName: String) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO categories (id, name) VALUES (?, ?)").execute(arguments: [product.category, StoredText.value(categoryName)])
        try db.cachedStatement(sql: """
                UPDATE products SET code = ?, name = ?, description = ?, category_id = ?, price_usd_cents = ?, rating = ?,
                                    rating_count = ?, updated_at = ?, revision = ?
                WHERE id = ?
                """).execute(arguments: [
                StoredText.value(product.code), StoredText.value(product.name), StoredText.value(product.description),
                product.category, product.priceUsdCents, product.rating,
                product.ratingCount, product.updatedAt.timeIntervalSince1970, revision, product.id,
            ])
    }

    static func markRemoved(_ db: Database, _ id: String, revision: Int64, at now: Date) throws {
        try db.cachedStatement(sql: "UPDATE products SET removed = 1, revision = ?, updated_at = ? WHERE id = ?").execute(arguments: [revision, now.timeIntervalSince1970, id])
    }

    /// Sets a product's stock and records why; the CHECK on `inventory` refuses a negative result.
    static func setStock(
        _ db: Database, productId: String, to onHand: Int, reason: StockChangeReason, orderId: String?, revision: Int64, at now: Date
    ) throws {
        let before = try Int.fetchOne(db.cachedStatement(sql: "SELECT on_hand FROM inventory WHERE product_id = ?"), arguments: [productId]) ?? 0
        guard before != onHand else { return }
        try db.cachedStatement(sql: "UPDATE inventory SET on_hand = ? WHERE product_id = ?").execute(arguments: [onHand, productId])
        try db.cachedStatement(sql: "UPDATE products SET revision = ?, updated_at = ? WHERE id = ?").execute(arguments: [revision, now.timeIntervalSince1970, productId])
        try recordStockChange(db, productId: productId, change: onHand - before, after: onHand, reason: reason, orderId: orderId, at: now)
    }

    private static func recordStockChange(
        _ db: Database, productId: String, change: Int, after: Int, reason: StockChangeReason, orderId: String?, at now: Date
    ) throws {
        try db.cachedStatement(sql: "INSERT INTO stock_updates (product_id, change, on_hand_after, reason, order_id, at) VALUES (?, ?, ?, ?, ?, ?)").execute(arguments: [productId, change, after, reason.rawValue, orderId, now.timeIntervalSince1970])
    }
}
