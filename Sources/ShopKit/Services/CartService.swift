/// The caller's cart. Every call answers the whole cart after the change, priced in `currency`
/// (the gateway's default is USD).
public struct CartService: Sendable {
    let gateway: Gateway

    /// The cart (an unknown cart reads as empty).
    public func get(currency: CurrencyCode? = nil) async throws(ShopError) -> Cart {
        try await gateway.call { Cart(wire: try await $0.getCart(query: .init(currency: currency.map(bridge))).ok.body.json) }
    }

    /// Adds 1 to 10 units of a product; a product already in the cart has its quantity increased.
    /// - Throws: ``ShopError`` 409 with ``ProblemDetails/available`` when the stock is short,
    ///   404 for an unknown product, 422 for a quantity outside 1...10.
    @discardableResult
    public func add(productID: String, quantity: Int = 1, currency: CurrencyCode? = nil) async throws(ShopError) -> Cart {
        try await gateway.call {
            Cart(wire: try await $0.addCartItem(
                query: .init(currency: currency.map(bridge)),
                body: .json(.init(productId: productID, quantity: quantity))).ok.body.json)
        }
    }

    /// Sets a line's quantity; 0 removes the line. Never more than the stock on hand.
    /// - Throws: ``ShopError`` 409 with ``ProblemDetails/available`` when the stock is short.
    @discardableResult
    public func setQuantity(productID: String, to quantity: Int, currency: CurrencyCode? = nil) async throws(ShopError) -> Cart {
        try await gateway.call {
            Cart(wire: try await $0.setCartItemQuantity(
                path: .init(productId: productID), query: .init(currency: currency.map(bridge)),
                body: .json(.init(quantity: quantity))).ok.body.json)
        }
    }

    /// Removes a line (removing a line that is not there is not an error).
    @discardableResult
    public func remove(productID: String, currency: CurrencyCode? = nil) async throws(ShopError) -> Cart {
        try await gateway.call {
            Cart(wire: try await $0.removeCartItem(
                path: .init(productId: productID), query: .init(currency: currency.map(bridge))).ok.body.json)
        }
    }

    /// Empties the cart.
    @discardableResult
    public func clear(currency: CurrencyCode? = nil) async throws(ShopError) -> Cart {
        try await gateway.call { Cart(wire: try await $0.clearCart(query: .init(currency: currency.map(bridge))).ok.body.json) }
    }
}
