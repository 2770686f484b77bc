import ShopKit
import TerminalUI

/// The cart screen. The cart itself lives on the gateway, tied to the saved session.
public struct CartState: Equatable, Sendable {
    public var cart: Loadable<Cart> = .idle
    public var list = ListState()
    /// The standard shipping cost for the cart, quoted by the gateway.
    public var shippingEstimate: Loadable<Money> = .idle
    /// Stock conflicts the gateway reported when changing a line, by product id.
    public var lineProblems: [String: String] = [:]
    /// Cart changes sent and not yet answered (the count in the title shows activity).
    public var pendingChanges = 0

    public init() {}

    public var lines: [CartLine] { cart.value?.lines ?? [] }

    public var selectedLine: CartLine? {
        guard let row = list.selected, row >= 0, row < lines.count else { return nil }
        return lines[row]
    }

    public var itemCount: Int { cart.value?.itemCount ?? 0 }

    /// Subtotal plus the shipping estimate, when both are known in the same currency.
    public var estimatedTotal: Money? {
        guard let subtotal = cart.value?.subtotal else { return nil }
        guard let shipping = shippingEstimate.value, shipping.currency == subtotal.currency else { return nil }
        return subtotal + shipping
    }

    /// The problem to show on a line: the gateway's own, or a conflict from the last change.
    public func problem(for line: CartLine) -> String? {
        line.problem ?? lineProblems[line.productID]
    }
}
