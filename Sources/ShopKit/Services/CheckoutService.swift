/// Placing the caller's cart as an order, exactly once.
public struct CheckoutService: Sendable {
    let gateway: Gateway

    /// Places the cart as an order: prices it, charges the card, ships it, empties the cart.
    ///
    /// The call always carries an `Idempotency-Key`: the one you give, or a fresh one. Retries
    /// (automatic or yours) with the same key and request never place a second order; the
    /// gateway answers the first one again. To survive a crash between sending and hearing
    /// back, make the key first (``ShopClient/makeIdempotencyKey()``), store it with the
    /// checkout, and pass the same key when trying again.
    ///
    /// - Returns: The order and the key it was placed with.
    /// - Throws: ``ShopError`` 402 when the card is declined, 409 when stock ran out (with
    ///   ``ProblemDetails/productID`` and ``ProblemDetails/available``), 422 for invalid input
    ///   or a key reused with a different request.
    public func placeOrder(_ request: PlaceOrderRequest,
                           idempotencyKey: String? = nil) async throws(ShopError) -> PlacedOrder {
        let key = idempotencyKey ?? IdempotencyKey.make()
        let order = try await gateway.call {
            Order(wire: try await $0.placeOrder(headers: .init(idempotencyKey: key), body: .json(request.wire))
                .created.body.json)
        }
        return PlacedOrder(order: order, idempotencyKey: key)
    }
}

/// An order just placed, with the idempotency key it was placed under.
public struct PlacedOrder: Sendable, Codable, Hashable {
    /// The order.
    public var order: Order
    /// The `Idempotency-Key` the order was placed with; sending the same request with it again
    /// answers this order instead of placing another.
    public var idempotencyKey: String

    /// Creates a placed-order value.
    public init(order: Order, idempotencyKey: String) {
        self.order = order
        self.idempotencyKey = idempotencyKey
    }
}
