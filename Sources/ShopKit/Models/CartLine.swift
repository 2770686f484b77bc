/// One product in the cart with its quantity and price.
public struct CartLine: Sendable, Codable, Hashable, Identifiable {
    /// The product.
    public var productID: String
    /// The product name.
    public var name: String
    /// The price of one unit.
    public var unitPrice: Money
    /// Units in the cart (at least 1).
    public var quantity: Int
    /// ``unitPrice`` times ``quantity``.
    public var lineTotal: Money
    /// Units on hand now.
    public var stock: Int
    /// Whether the product can be bought now.
    public var availability: Availability
    /// Why the line cannot be bought as it is (stock fell below the quantity, or the product
    /// is gone); `nil` when it can.
    public var problem: String?

    /// The product id identifies the line.
    public var id: String { productID }

    /// Creates a cart line.
    public init(productID: String, name: String, unitPrice: Money, quantity: Int, lineTotal: Money,
                stock: Int, availability: Availability, problem: String? = nil) {
        self.productID = productID
        self.name = name
        self.unitPrice = unitPrice
        self.quantity = quantity
        self.lineTotal = lineTotal
        self.stock = stock
        self.availability = availability
        self.problem = problem
    }
}
