/// One product of an order or invoice.
public struct OrderLine: Sendable, Codable, Hashable, Identifiable {
    /// The product.
    public var productID: String
    /// The product name when ordered.
    public var name: String
    /// The price of one unit.
    public var unitPrice: Money
    /// Units ordered.
    public var quantity: Int
    /// ``unitPrice`` times ``quantity``.
    public var lineTotal: Money

    /// The product id identifies the line.
    public var id: String { productID }

    /// Creates an order line.
    public init(productID: String, name: String, unitPrice: Money, quantity: Int, lineTotal: Money) {
        self.productID = productID
        self.name = name
        self.unitPrice = unitPrice
        self.quantity = quantity
        self.lineTotal = lineTotal
    }
}
