import Foundation
import GRDB

extension GatewayStore {
    /// Records the progress due by now on the open orders of one user (or of all users), with
    /// a notification per shipping update. Orders move lazily, on the gateway clock; a step
    /// another process recorded first is not recorded (or announced) twice.
    func advanceOrders(_ db: Database, userId: String?) throws {
        let now = self.now
        var sql = "SELECT id FROM orders WHERE status NOT IN ('delivered', 'cancelled')"
        var arguments: StatementArguments = []
        if let userId {
            sql += " AND user_id = ?"
            arguments = [userId]
        }
        for id in try String.fetchAll(db.cachedStatement(sql: sql), arguments: arguments) {
            guard let order = try OrderRows.order(db, id: id) else { continue }
            for event in OrderProgression.dueSteps(for: order, now: now, timeScale: clock.timeScale) {
                guard try OrderRows.appendEvent(db, event, to: order), OrderProgression.notifies(event.status) else { continue }
                try notify(
                    db, userId: order.userId, kind: .shippingUpdate,
                    title: "Order \(order.id): \(OrderProgression.describe(event.status).lowercased())",
                    body: event.note + (event.location.map { " (\($0))" } ?? ""), orderId: order.id, at: event.at)
            }
        }
    }

    /// Advances progress and saves it (the admin's clock advance uses it for every order).
    func refreshOrders(userId: String?) throws(GatewayProblem) {
        try write { db in try self.advanceOrders(db, userId: userId) }
    }

    /// One of the caller's orders; someone else's reads as missing.
    func order(userId: String, id: String) throws(GatewayProblem) -> OrderRecord {
        try write { db in try self.order(db, userId: userId, id: id) }
    }

    private func order(_ db: Database, userId: String, id: String) throws -> OrderRecord {
        try advanceOrders(db, userId: userId)
        guard let order = try OrderRows.order(db, id: id), order.userId == userId else {
            throw GatewayProblem.notFound("There is no order \(id).")
        }
        return order
    }

    /// The caller's orders, newest first.
    func orders(userId: String) throws(GatewayProblem) -> [OrderRecord] {
        try write { db in
            try self.advanceOrders(db, userId: userId)
            return try OrderRows.orders(db, userId: userId).reversed()
        }
    }

    func order(userId: String, trackingId: String) throws(GatewayProblem) -> OrderRecord {
        let missing = GatewayProblem.notFound("There is no shipment \(trackingId).")
        guard let id = try read({ db in try OrderRows.orderId(db, trackingId: trackingId) }) else { throw missing }
        do { return try order(userId: userId, id: id) } catch { throw missing }
    }

    func invoice(userId: String, orderId: String) throws(GatewayProblem) -> (InvoiceRecord, OrderRecord) {
        try write { db in
            let order = try self.order(db, userId: userId, id: orderId)
            guard let invoice = try OrderRows.invoice(db, orderId: orderId) else {
                throw GatewayProblem.notFound("Order \(orderId) has no invoice.")
            }
            return (invoice, order)
        }
    }

    /// Cancels an order that has not shipped: stock goes back (recorded as a `cancel` stock
    /// update), the payment and invoice are refunded. Cancelling a cancelled order answers it again.
    func cancelOrder(userId: String, id: String) throws(GatewayProblem) -> OrderRecord {
        try write { db in
            let order = try self.order(db, userId: userId, id: id)
            if order.status == .cancelled { return order }
            guard order.isCancellable else {
                throw GatewayProblem.conflict(
                    "not-cancellable", "Order cannot be cancelled",
                    "Order \(id) is \(OrderProgression.describe(order.status).lowercased()); only orders that have not shipped can be cancelled.")
            }
            let now = self.now
            let revision = try CatalogRows.bumpRevision(db)
            for line in order.lines {
                guard let product = try CatalogRows.liveProduct(db, line.productId) else { continue }
                try CatalogRows.setStock(
                    db, productId: line.productId, to: product.stock + line.quantity, reason: .cancel, orderId: id,
                    revision: revision, at: now)
            }
            _ = try OrderRows.appendEvent(
                db, OrderEventRecord(status: .cancelled, at: now, note: "Cancelled; \(order.total.displayText) refunded.", location: nil),
                to: order)
            try OrderRows.refund(db, order, at: now)
            try self.notify(
                db, userId: userId, kind: .orderCancelled, title: "Order \(id) cancelled",
                body: "Your order was cancelled and \(order.total.displayText) refunded to the card ending \(order.cardLast4).",
                orderId: id)
            try self.record(db, .orderCancelled, "Cancelled order \(id)", userId: userId, subjectId: id)
            return try self.order(db, userId: userId, id: id)
        }
    }
}
