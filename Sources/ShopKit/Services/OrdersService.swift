/// The caller's orders.
public struct OrdersService: Sendable {
    let gateway: Gateway

    /// All orders, newest first, page by page as you iterate.
    public func list(pageSize: Int? = nil) -> PagedSequence<OrderSummary> {
        PagedSequence { [gateway] cursor throws(ShopError) in
            try await gateway.call {
                let page = try await $0.listOrders(query: .init(limit: pageSize, cursor: cursor)).ok.body.json
                return Page(items: page.items.map(OrderSummary.init(wire:)), nextCursor: page.nextCursor, total: page.total)
            }
        }
    }

    /// One page of orders, newest first; ``Page/total`` counts them all and ``Page/next()``
    /// fetches the next page.
    public func listPage(cursor: String? = nil, limit: Int? = nil) async throws(ShopError) -> Page<OrderSummary> {
        try await list(pageSize: limit).page(at: cursor)
    }

    /// One order with its lines, totals and status history.
    /// - Throws: ``ShopError`` 404 for an unknown order (or someone else's).
    public func get(id: String) async throws(ShopError) -> Order {
        try await gateway.call { Order(wire: try await $0.getOrder(path: .init(orderId: id)).ok.body.json) }
    }

    /// Cancels an order that has not shipped: its stock goes back and the charge is refunded.
    /// Cancelling a cancelled order answers it again.
    /// - Throws: ``ShopError`` 409 once the order has shipped.
    @discardableResult
    public func cancel(id: String) async throws(ShopError) -> Order {
        try await gateway.call { Order(wire: try await $0.cancelOrder(path: .init(orderId: id)).ok.body.json) }
    }

    /// The tracking of an order's shipment.
    public func tracking(orderID: String) async throws(ShopError) -> Tracking {
        try await gateway.call { Tracking(wire: try await $0.getOrderTracking(path: .init(orderId: orderID)).ok.body.json) }
    }

    /// The invoice of an order.
    public func invoice(orderID: String) async throws(ShopError) -> Invoice {
        try await gateway.call { Invoice(wire: try await $0.getInvoice(path: .init(orderId: orderID)).ok.body.json) }
    }
}
