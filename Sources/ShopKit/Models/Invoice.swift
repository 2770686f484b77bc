import Foundation

/// The invoice of an order (one per order).
public struct Invoice: Sendable, Codable, Hashable, Identifiable {
    /// Whether the invoiced amount is still charged.
    public enum Status: String, Sendable, Codable, Hashable, CaseIterable {
        /// Charged.
        case paid
        /// Refunded after cancellation.
        case refunded
    }

    /// The invoice number, e.g. `"INV-000042"`.
    public var number: String
    /// The order invoiced.
    public var orderID: String
    /// When it was issued.
    public var issuedAt: Date
    /// Who it was sent to.
    public var email: String
    /// The billing address.
    public var billingAddress: Address
    /// What was bought.
    public var lines: [OrderLine]
    /// The sum of the lines.
    public var subtotal: Money
    /// The shipping cost.
    public var shipping: Money
    /// ``subtotal`` plus ``shipping``.
    public var total: Money
    /// The payment transaction.
    public var transactionID: String
    /// The brand of the card charged.
    public var cardBrand: CardBrand
    /// The last 4 digits of the card charged.
    public var cardLast4: String
    /// Paid or refunded.
    public var status: Status

    /// The number identifies the invoice.
    public var id: String { number }

    /// Creates an invoice value.
    public init(number: String, orderID: String, issuedAt: Date, email: String, billingAddress: Address,
                lines: [OrderLine], subtotal: Money, shipping: Money, total: Money, transactionID: String,
                cardBrand: CardBrand, cardLast4: String, status: Status) {
        self.number = number
        self.orderID = orderID
        self.issuedAt = issuedAt
        self.email = email
        self.billingAddress = billingAddress
        self.lines = lines
        self.subtotal = subtotal
        self.shipping = shipping
        self.total = total
        self.transactionID = transactionID
        self.cardBrand = cardBrand
        self.cardLast4 = cardLast4
        self.status = status
    }
}
