import ShopKit
import TerminalUI

/// The cart screen. The cart itself lives on the gateway, tied to the saved session.
public struct CartState: Equatable, Sendable {
    public var cart: Loadable<Cart> = .idle
    public var list = ListState()
    /// The standard shipping cost for the cart, quoted by the gateway.
    public var shippingEstimate: Loadable<Money> = .idle
    /// What the change on its way for a product asked for, so a refusal can be explained.
    public var pendingKinds: [String: CartChangeKind] = [:]
    /// Cart changes sent and not yet answered (the count in the title shows activity).
    public var pendingChanges = 0
    /// The last change the person made to a line, for `u`; the change back is the next one.
    public var undo: CartUndo?
    /// The product whose undo is on its way (its answer says "back", not "removed").
    public var undoInFlight: String?

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

    /// The problem to show on a line: the gateway's own, or more units than are in stock.
    /// A line is judged against the stock only: a refused change leaves a valid line valid.
    public func problem(for line: CartLine) -> String? {
        if let problem = line.problem { return problem }
        guard line.quantity > line.stock else { return nil }
        return line.stock > 0 ? "Only \(line.stock) in stock" : "Out of stock"
    }

    /// Some line cannot be bought as it is (checkout waits until it is fixed).
    public var hasProblems: Bool { lines.contains { problem(for: $0) != nil } }
}

/// How a cart change was asked for: adding units, or setting the line's quantity.
public enum CartChangeKind: Equatable, Sendable {
    case add(units: Int)
    case set(quantity: Int)
}
