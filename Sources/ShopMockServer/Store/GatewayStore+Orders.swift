import Foundation

extension GatewayStore {
    /// Records the progress due by now on every order of one user (or all users), with a
    /// notification per shipping update. Orders move lazily, on the gateway clock.
    func advanceOrders(userId: String?) {
        let ids = userId.map { orderIdsByUser[$0] ?? [] } ?? Array(orders.keys)
        let now = self.now
        for id in ids {
            guard var order = orders[id] else { continue }
            let due = OrderProgression.dueSteps(for: order, now: now, timeScale: clock.timeScale)
            guard !due.isEmpty else { continue }
            order.events += due
            orders[id] = order
            markDirty(.orders, id)
            for event in due where OrderProgression.notifies(event.status) {
                notify(
                    userId: order.userId, kind: .shippingUpdate,
                    title: "Order \(order.id): \(OrderProgression.describe(event.status).lowercased())",
                    body: event.note + (event.location.map { " (\($0))" } ?? ""), orderId: order.id, at: event.at)
            }
        }
    }

    /// Advances progress and saves it; used by read operations.
    func refreshOrders(userId: String?) throws(GatewayProblem) {
        advanceOrders(userId: userId)
        try commit()
    }

    /// One of the caller's orders; someone else's reads as missing.
    func order(userId: String, id: String) throws(GatewayProblem) -> OrderRecord {
        try refreshOrders(userId: userId)
        guard let order = orders[id], order.userId == userId else { throw .notFound("There is no order \(id).") }
        return order
    }

    /// The caller's orders, newest first.
    func orders(userId: String) throws(GatewayProblem) -> [OrderRecord] {
        try refreshOrders(userId: userId)
        return (orderIdsByUser[userId] ?? []).reversed().compactMap { orders[$0] }
    }

    func order(userId: String, trackingId: String) throws(GatewayProblem) -> OrderRecord {
        guard let id = orderIdByTrackingId[trackingId] else { throw .notFound("There is no shipment \(trackingId).") }
        do { return try order(userId: userId, id: id) } catch { throw .notFound("There is no shipment \(trackingId).") }
    }

    func invoice(userId: String, orderId: String) throws(GatewayProblem) -> (InvoiceRecord, OrderRecord) {
        let order = try order(userId: userId, id: orderId)
        guard let invoice = invoices[orderId] else { throw .notFound("Order \(orderId) has no invoice.") }
        return (invoice, order)
    }

    /// Cancels an order that has not shipped: stock goes back, the invoice is refunded.
    /// Cancelling a cancelled order answers it again.
    func cancelOrder(userId: String, id: String) throws(GatewayProblem) -> OrderRecord {
        var order = try order(userId: userId, id: id)
        if order.status == .cancelled { return order }
        guard order.isCancellable else {
            throw .conflict(
                "not-cancellable", "Order cannot be cancelled",
                "Order \(id) is \(OrderProgression.describe(order.status).lowercased()); only orders that have not shipped can be cancelled.")
        }
        let now = self.now
        for line in order.lines {
            if let product = catalog.product(line.productId) {
                catalog.setStock(line.productId, to: product.stock + line.quantity, at: now)
                markDirty(.products, line.productId)
            }
        }
        order.events.append(
            OrderEventRecord(status: .cancelled, at: now, note: "Cancelled; \(order.total.displayText) refunded.", location: nil))
        orders[id] = order
        markDirty(.orders, id)
        invoices[id]?.status = .refunded
        markDirty(.invoices, id)
        notify(
            userId: userId, kind: .orderCancelled, title: "Order \(id) cancelled",
            body: "Your order was cancelled and \(order.total.displayText) refunded to the card ending \(order.cardLast4).",
            orderId: id)
        record(.orderCancelled, "Cancelled order \(id)", userId: userId, subjectId: id)
        try commit()
        return order
    }
}
