import Foundation
import GRDB
import Testing
@testable import ShopMockServer

/// The data directory read as a person would, with plain SQL: a checkout is in the tables
/// its services own, and no card number or CVV is anywhere.
@Suite struct SchemaTests {
    @Test func aCheckoutIsInItsTables() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shop-schema-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (orderId, productId, stockAfter) = try await TestGateway.with({ $0.dataDirectory = directory }) { gateway in
            let token = try await gateway.register(email: "schema@example.com")
            let product = try await gateway.anyProduct()
            try await gateway.add(product.id, quantity: 2, token: token)
            let order = try await gateway.placeOrder(token: token)
            #expect(order.status == 201)
            return (order.object["id"] as? String ?? "", product.id, try await gateway.stock(of: product.id))
        }

        let database = try DatabaseQueue(path: (directory as NSString).appendingPathComponent("gateway.sqlite"))
        defer { try? database.close() }
        try await database.read { db in
            let order = try #require(
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT o.status, o.total, o.currency, u.email FROM orders o JOIN users u ON u.id = o.user_id
                        WHERE o.id = ?
                        """,
                    arguments: [orderId]))
            #expect(order["status"] as String == "paid")
            #expect(order["email"] as String == "schema@example.com")
            let total: Int = order["total"]

            let items = try Row.fetchAll(db, sql: "SELECT product_id, quantity, line_total FROM order_items WHERE order_id = ?", arguments: [orderId])
            #expect(items.count == 1)
            #expect(items.first?["product_id"] as String? == productId)
            #expect(items.first?["quantity"] as Int? == 2)

            let stockUpdate = try #require(
                try Row.fetchOne(
                    db, sql: "SELECT change, on_hand_after FROM stock_updates WHERE order_id = ? AND reason = 'order'",
                    arguments: [orderId]))
            #expect(stockUpdate["change"] as Int == -2)
            #expect(stockUpdate["on_hand_after"] as Int == stockAfter)
            #expect(try Int.fetchOne(db, sql: "SELECT on_hand FROM inventory WHERE product_id = ?", arguments: [productId]) == stockAfter)

            let payment = try #require(
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT p.card_brand, p.card_last4, p.amount, t.kind, t.amount AS charged
                        FROM payments p JOIN transactions t ON t.payment_id = p.id WHERE p.order_id = ?
                        """,
                    arguments: [orderId]))
            #expect(payment["card_brand"] as String == "visa")
            #expect(payment["card_last4"] as String == "4242")
            #expect(payment["amount"] as Int == total)
            #expect(payment["kind"] as String == "charge" && payment["charged"] as Int == total)

            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM shipments WHERE order_id = ?", arguments: [orderId]) == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM invoices WHERE order_id = ?", arguments: [orderId]) == 1)
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM notifications WHERE order_id = ? AND kind = 'order_confirmation'", arguments: [orderId]) == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM idempotency_records WHERE state = 'done'") ?? 0 >= 1)
            // Sessions keep digests only; the cart was emptied by the order.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions WHERE length(token_digest) <> 64") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM cart_lines") == 0)
        }
    }

    @Test func theConstraintsRefuseWhatMustNeverHappen() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shop-schema-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = try GatewayDatabase(directory: directory)
        defer { database.close() }
        let catalog = try CatalogLoader.load(file: nil, now: Date())
        _ = try database.write { db in try CatalogRows.seedIfEmpty(db, from: catalog, now: Date()) }
        let productId = try #require(catalog.products.map(\.id).sorted().first)
        #expect(throws: DatabaseError.self) {
            try database.write { db in
                try db.execute(sql: "UPDATE inventory SET on_hand = -1 WHERE product_id = ?", arguments: [productId])
            }
        }
        #expect(throws: DatabaseError.self) {
            try database.write { db in
                try db.execute(sql: "INSERT INTO cart_lines (user_id, product_id, name, quantity, position) VALUES ('nobody', ?, 'x', 1, 0)", arguments: [productId])
            }
        }
        #expect(throws: DatabaseError.self) {
            try database.write { db in
                try db.execute(sql: "INSERT INTO payments (id, order_id, card_brand, card_last4, amount, currency, status) VALUES ('pay_x', 'ord_x', 'visa', '4242424242424242', 1, 'USD', 'captured')")
            }
        }
    }
}
