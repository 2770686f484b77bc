import Foundation

/// A placed order with its lines, totals, payment and status history.
public struct Order: Sendable, Codable, Hashable, Identifiable {
    /// The order id.
    public var id: String
    /// Where the order is now.
    public var status: OrderStatus
    /// When it was placed.
    public var placedAt: Date
    /// Where the confirmation went.
    public var email: String
    /// Where it ships.
    public var address: Address
    /// How it ships and what that cost.
    public var shippingOption: ShippingOption
    /// What was bought.
    public var lines: [OrderLine]
    /// The sum of the lines.
    public var subtotal: Money
    /// The shipping cost.
    public var shipping: Money
    /// ``subtotal`` plus ``shipping``: what was charged.
    public var total: Money
    /// The payment transaction.
    public var transactionID: String
    /// The shipment's tracking id.
    public var trackingID: String
    /// The brand of the card charged.
    public var cardBrand: CardBrand
    /// The last 4 digits of the card charged.
    public var cardLast4: String
    /// The status history, oldest first.
    public var events: [OrderEvent]
    /// True until the order ships.
    public var isCancellable: Bool

    /// Creates an order value.
    public init(id: String, status: OrderStatus, placedAt: Date, email: String, address: Address,
                shippingOption: ShippingOption, lines: [OrderLine], subtotal: Money, shipping: Money, total: Money,
                transactionID: String, trackingID: String, cardBrand: CardBrand, cardLast4: String,
                events: [OrderEvent], isCancellable: Bool) {
        self.id = id
        self.status = status
        self.placedAt = placedAt
        self.email = email
        self.address = address
        self.shippingOption = shippingOption
        self.lines = lines
        self.subtotal = subtotal
        self.shipping = shipping
        self.total = total
        self.transactionID = transactionID
        self.trackingID = trackingID
        self.cardBrand = cardBrand
        self.cardLast4 = cardLast4
        self.events = events
        self.isCancellable = isCancellable
    }

    /// Total units over all lines.
    public var itemCount: Int {
        // Saturating: absurd quantities from a faulty gateway must not trap.
        lines.reduce(0) { total, line in
            let (sum, overflow) = total.addingReportingOverflow(line.quantity)
            return overflow ? (line.quantity > 0 ? .max : .min) : sum
        }
    }
}
