import Foundation
import GRDB

/// Reading and writing carts, notifications and activity events.
enum ServiceRows {
    // MARK: Carts

    static func cartLines(_ db: Database, userId: String) throws -> [CartLineItem] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT product_id, quantity, name FROM cart_lines WHERE user_id = ? ORDER BY position"), arguments: [userId]
        ).map { CartLineItem(productId: $0[0], quantity: $0[1], name: $0[2]) }
    }

    static func cartLine(_ db: Database, userId: String, productId: String) throws -> CartLineItem? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT quantity, name FROM cart_lines WHERE user_id = ? AND product_id = ?"),
            arguments: [userId, productId]
        ).map { CartLineItem(productId: productId, quantity: $0[0], name: $0[1]) }
    }

    /// A cart's lines with their live products (nil for a product no longer sold), in one query.
    static func cartLinesWithProducts(_ db: Database, userId: String) throws -> [(line: CartLineItem, product: Product?)] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT cl.product_id, cl.quantity, cl.name, \(CatalogRows.productColumns)
                    FROM cart_lines cl
                    LEFT JOIN products p ON p.id = cl.product_id AND p.removed = 0
                    LEFT JOIN inventory i ON i.product_id = p.id
                    WHERE cl.user_id = ? ORDER BY cl.position
                    """),
            arguments: [userId]
        ).map { row in
            let line = CartLineItem(productId: row[0], quantity: row[1], name: row[2])
            return (line, (row[3] as String?) == nil ? nil : CatalogRows.product(row, from: 3))
        }
    }

    /// Sets one line's quantity (a new line goes last), keeping the others as they are.
    static func saveLine(_ db: Database, userId: String, _ line: CartLineItem, at now: Date) throws {
        try db.cachedStatement(
            sql: "INSERT INTO carts (user_id, updated_at) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET updated_at = excluded.updated_at"
        ).execute(arguments: [userId, now.timeIntervalSince1970])
        try db.cachedStatement(
            sql: """
                INSERT INTO cart_lines (user_id, product_id, name, quantity, position)
                VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM cart_lines WHERE user_id = ?))
                ON CONFLICT (user_id, product_id) DO UPDATE SET quantity = excluded.quantity
                """
        ).execute(arguments: [userId, line.productId, StoredText.value(line.name), line.quantity, userId])
    }

    /// Removes one line, and the cart when it was the last.
    static func removeLine(_ db: Database, userId: String, productId: String) throws {
        try db.cachedStatement(sql: "DELETE FROM cart_lines WHERE user_id = ? AND product_id = ?").execute(arguments: [userId, productId])
        try db.cachedStatement(
            sql: "DELETE FROM carts WHERE user_id = ? AND NOT EXISTS (SELECT 1 FROM cart_lines WHERE user_id = ?)"
        ).execute(arguments: [userId, userId])
    }

    /// Replaces a cart's lines (an empty list removes the cart).
    static func saveCart(_ db: Database, userId: String, lines: [CartLineItem], at now: Date) throws {
        try db.cachedStatement(sql: "DELETE FROM carts WHERE user_id = ?").execute(arguments: [userId])
        guard !lines.isEmpty else { return }
        try db.cachedStatement(sql: "INSERT INTO carts (user_id, updated_at) VALUES (?, ?)").execute(arguments: [userId, now.timeIntervalSince1970])
        for (position, line) in lines.enumerated() {
            try db.cachedStatement(sql: "INSERT INTO cart_lines (user_id, product_id, name, quantity, position) VALUES (?, ?, ?, ?, ?)").execute(arguments: [userId, line.productId, StoredText.value(line.name), line.quantity, position])
        }
    }

    // MARK: Notifications

    private static let notificationColumns = "id, public_id, user_id, kind, title, body, order_id, created_at, read"

    private static func notification(_ row: Row) -> NotificationRecord {
        NotificationRecord(
            id: row[1], userId: row[2], kind: NotificationKind(rawValue: row[3]) ?? .welcome, title: row[4], body: row[5],
            orderId: row[6], createdAt: Date(timeIntervalSince1970: row[7]), read: row[8], sequence: row[0])
    }

    static func insertNotification(_ db: Database, _ note: NotificationRecord) throws {
        try db.cachedStatement(sql: "INSERT INTO notifications (public_id, user_id, kind, title, body, order_id, created_at, read) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").execute(arguments: [note.id, note.userId, note.kind.rawValue, StoredText.value(note.title), StoredText.value(note.body), note.orderId, note.createdAt.timeIntervalSince1970, note.read])
    }

    static func notifications(_ db: Database, userId: String) throws -> [NotificationRecord] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(notificationColumns) FROM notifications WHERE user_id = ? ORDER BY created_at DESC, id DESC"),
            arguments: [userId]
        ).map(notification)
    }

    static func notification(_ db: Database, publicId: String) throws -> NotificationRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(notificationColumns) FROM notifications WHERE public_id = ?"), arguments: [publicId])
            .map(notification)
    }

    // MARK: Activity

    static func insertActivity(_ db: Database, _ entry: ActivityRecord) throws {
        try db.cachedStatement(sql: "INSERT INTO activity_events (public_id, at, kind, summary, user_id, subject_id) VALUES (?, ?, ?, ?, ?, ?)").execute(arguments: [entry.id, entry.at.timeIntervalSince1970, entry.kind.rawValue, StoredText.value(entry.summary), entry.userId, entry.subjectId])
    }

    /// Newest first.
    static func activity(_ db: Database, userId: String?) throws -> [ActivityRecord] {
        let rows: [Row]
        let columns = "id, public_id, at, kind, summary, user_id, subject_id"
        if let userId {
            rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT \(columns) FROM activity_events WHERE user_id = ? ORDER BY id DESC"), arguments: [userId])
        } else {
            rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT \(columns) FROM activity_events ORDER BY id DESC"))
        }
        return rows.compactMap { row in
            guard let kind = ActivityKind(rawValue: row[3]) else { return nil }
            return ActivityRecord(
                id: row[1], at: Date(timeIntervalSince1970: row[2]), kind: kind, summary: row[4], userId: row[5],
                subjectId: row[6], sequence: row[0])
        }
    }
}
