/// A product and a quantity in a cart (prices are looked up when the cart is read).
struct CartLineItem: Codable, Hashable, Sendable {
    var productId: String
    var quantity: Int
    /// The name when added, shown if the product is later deleted.
    var name: String
}

/// A cart line priced for display.
struct PricedCartLine: Sendable {
    var productId: String
    var name: String
    var unitPrice: Money
    var quantity: Int
    var lineTotal: Money
    var stock: Int
    var problem: String?
}

/// A cart priced in one currency.
struct PricedCart: Sendable {
    var lines: [PricedCartLine]
    var subtotal: Money
    var itemCount: Int { lines.reduce(0) { $0 + $1.quantity } }
}
