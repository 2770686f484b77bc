import Foundation
import GRDB

/// Reading and writing an order across its tables: orders, order_items, payments,
/// transactions, shipments, tracking_events and invoices.
enum OrderRows {
    private static let orderColumns = """
        o.id, o.user_id, o.placed_at, o.email, o.currency, o.subtotal, o.shipping_cost, o.total,
        o.address_id, o.address_name, o.address_line1, o.address_line2, o.address_city, o.address_region,
        o.address_postal_code, o.address_country, o.address_phone,
        s.tracking_id, s.option, s.name, s.min_days, s.max_days, s.estimated_delivery,
        p.card_brand, p.card_last4, t.id
        """
    private static let orderJoins = """
        FROM orders o
        JOIN shipments s ON s.order_id = o.id
        JOIN payments p ON p.order_id = o.id
        JOIN transactions t ON t.payment_id = p.id AND t.kind = 'charge'
        """

    static func order(_ db: Database, id: String) throws -> OrderRecord? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(orderColumns) \(orderJoins) WHERE o.id = ?"), arguments: [id]) else {
            return nil
        }
        return try assemble(db, row)
    }

    /// A user's orders, oldest first.
    static func orders(_ db: Database, userId: String) throws -> [OrderRecord] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(orderColumns) \(orderJoins) WHERE o.user_id = ? ORDER BY o.placed_at, o.rowid"), arguments: [userId]
        ).map { try assemble(db, $0) }
    }

    static func orderIds(_ db: Database, userId: String?) throws -> [String] {
        if let userId {
            return try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM orders WHERE user_id = ? ORDER BY placed_at, rowid"), arguments: [userId])
        }
        return try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM orders ORDER BY placed_at, rowid"))
    }

    static func orderId(_ db: Database, trackingId: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT order_id FROM shipments WHERE tracking_id = ?"), arguments: [trackingId])
    }

    private static func assemble(_ db: Database, _ row: Row) throws -> OrderRecord {
        let id: String = row[0]
        let currency = Currency(rawValue: row[4]) ?? .USD
        func money(_ amount: Int64) -> Money { Money(amount: amount, currency: currency) }
        let lines = try Row.fetchAll(db.cachedStatement(sql: "SELECT product_id, name, unit_price, quantity, line_total FROM order_items WHERE order_id = ? ORDER BY position"),
            arguments: [id]
        ).map {
            OrderLineRecord(productId: $0[0], name: $0[1], unitPrice: money($0[2]), quantity: $0[3], lineTotal: money($0[4]))
        }
        let trackingId: String = row[17]
        let events = try Row.fetchAll(db.cachedStatement(sql: "SELECT status, at, note, location FROM tracking_events WHERE tracking_id = ? ORDER BY at, id"),
            arguments: [trackingId]
        ).map {
            OrderEventRecord(
                status: OrderStatus(rawValue: $0[0]) ?? .placed, at: Date(timeIntervalSince1970: $0[1]), note: $0[2], location: $0[3])
        }
        let address = PostalAddress(
            id: row[8], name: row[9], line1: row[10], line2: row[11], city: row[12], region: row[13], postalCode: row[14],
            country: row[15], phone: row[16])
        let shippingCost = money(row[6])
        let shipping = ShippingChoice(
            option: ShippingOptionKind(rawValue: row[18]) ?? .standard, name: row[19], cost: shippingCost, minDays: row[20],
            maxDays: row[21], estimatedDelivery: Date(timeIntervalSince1970: row[22]))
        return OrderRecord(
            id: id, userId: row[1], placedAt: Date(timeIntervalSince1970: row[2]), email: row[3], address: address,
            shipping: shipping, lines: lines, subtotal: money(row[5]), shippingCost: shippingCost, total: money(row[7]),
            transactionId: row[25], trackingId: trackingId, cardBrand: CardBrand(rawValue: row[23]) ?? .visa, cardLast4: row[24],
            events: events)
    }

    /// Writes a new order and everything that hangs off it.
    static func insert(_ db: Database, _ order: OrderRecord, invoiceNumber: Int, idempotencyKey: String?) throws {
        let address = order.address
        try db.cachedStatement(sql: """
                INSERT INTO orders (id, user_id, placed_at, email, status, currency, subtotal, shipping_cost, total,
                    address_id, address_name, address_line1, address_line2, address_city, address_region,
                    address_postal_code, address_country, address_phone, idempotency_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                order.id, order.userId, order.placedAt.timeIntervalSince1970, order.email, order.status.rawValue,
                order.total.currency.rawValue, order.subtotal.amount, order.shippingCost.amount, order.total.amount,
                address.id, StoredText.value(address.name), StoredText.value(address.line1), StoredText.value(address.line2),
                StoredText.value(address.city), StoredText.value(address.region), StoredText.value(address.postalCode),
                address.country, StoredText.value(address.phone), idempotencyKey,
            ])
        for (position, line) in order.lines.enumerated() {
            try db.cachedStatement(sql: """
                    INSERT INTO order_items (order_id, position, product_id, name, unit_price, quantity, line_total)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [order.id, position, line.productId, StoredText.value(line.name), line.unitPrice.amount, line.quantity, line.lineTotal.amount])
        }
        let paymentId = "pay_" + order.id.dropFirst(4)
        try db.cachedStatement(sql: "INSERT INTO payments (id, order_id, card_brand, card_last4, amount, currency, status) VALUES (?, ?, ?, ?, ?, ?, 'captured')").execute(arguments: [paymentId, order.id, order.cardBrand.rawValue, order.cardLast4, order.total.amount, order.total.currency.rawValue])
        try db.cachedStatement(sql: "INSERT INTO transactions (id, payment_id, kind, amount, currency, at) VALUES (?, ?, 'charge', ?, ?, ?)").execute(arguments: [order.transactionId, paymentId, order.total.amount, order.total.currency.rawValue, order.placedAt.timeIntervalSince1970])
        let shipping = order.shipping
        try db.cachedStatement(sql: """
                INSERT INTO shipments (tracking_id, order_id, option, name, min_days, max_days, estimated_delivery)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                order.trackingId, order.id, shipping.option.rawValue, StoredText.value(shipping.name), shipping.minDays, shipping.maxDays,
                shipping.estimatedDelivery.timeIntervalSince1970,
            ])
        for event in order.events { _ = try appendEvent(db, event, to: order) }
        try db.cachedStatement(sql: "INSERT INTO invoices (order_id, number, issued_at, status) VALUES (?, ?, ?, 'paid')").execute(arguments: [order.id, invoiceNumber, order.placedAt.timeIntervalSince1970])
    }

    /// Adds a tracking event and moves the order's status with it; false when the order
    /// already has an event of that status (another process recorded it first).
    static func appendEvent(_ db: Database, _ event: OrderEventRecord, to order: OrderRecord) throws -> Bool {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO tracking_events (tracking_id, status, at, note, location) VALUES (?, ?, ?, ?, ?)").execute(arguments: [order.trackingId, event.status.rawValue, event.at.timeIntervalSince1970, StoredText.value(event.note), StoredText.value(event.location)])
        guard db.changesCount > 0 else { return false }
        try db.cachedStatement(sql: "UPDATE orders SET status = ? WHERE id = ?").execute(arguments: [event.status.rawValue, order.id])
        return true
    }

    /// The next invoice number (numbers are unique, so two processes cannot both take one).
    static func nextInvoiceNumber(_ db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(number), 0) + 1 FROM invoices")) ?? 1
    }

    static func invoice(_ db: Database, orderId: String) throws -> InvoiceRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT number, issued_at, status FROM invoices WHERE order_id = ?"), arguments: [orderId]).map {
            InvoiceRecord(
                number: String(format: "INV-%06d", $0[0] as Int), orderId: orderId, issuedAt: Date(timeIntervalSince1970: $0[1]),
                status: InvoiceRecord.Status(rawValue: $0[2]) ?? .paid)
        }
    }

    /// Refunds a cancelled order: the payment, a refund transaction, the invoice.
    static func refund(_ db: Database, _ order: OrderRecord, at now: Date) throws {
        let paymentId = "pay_" + order.id.dropFirst(4)
        try db.cachedStatement(sql: "UPDATE payments SET status = 'refunded' WHERE id = ?").execute(arguments: [paymentId])
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO transactions (id, payment_id, kind, amount, currency, at) VALUES (?, ?, 'refund', ?, ?, ?)").execute(arguments: ["rfd_" + order.transactionId, paymentId, order.total.amount, order.total.currency.rawValue, now.timeIntervalSince1970])
        try db.cachedStatement(sql: "UPDATE invoices SET status = 'refunded' WHERE order_id = ?").execute(arguments: [order.id])
    }
}
