/// The caller's cart, priced in one currency.
public struct Cart: Sendable, Codable, Hashable {
    /// The lines, in the order products were added.
    public var lines: [CartLine]
    /// Total units over all lines.
    public var itemCount: Int
    /// The sum of the line totals.
    public var subtotal: Money

    /// Creates a cart value.
    public init(lines: [CartLine], itemCount: Int, subtotal: Money) {
        self.lines = lines
        self.itemCount = itemCount
        self.subtotal = subtotal
    }

    /// An empty cart in a currency.
    public static func empty(_ currency: CurrencyCode = .usd) -> Cart {
        Cart(lines: [], itemCount: 0, subtotal: .zero(currency))
    }

    /// True when there is nothing in the cart.
    public var isEmpty: Bool { lines.isEmpty }

    /// The line of a product, if it is in the cart.
    public func line(for productID: String) -> CartLine? {
        lines.first { $0.productID == productID }
    }

    /// True when some line cannot be bought as it is (see ``CartLine/problem``).
    public var hasProblems: Bool { lines.contains { $0.problem != nil } }
}
