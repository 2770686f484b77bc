import Foundation

/// The stages of an order (the contract's OrderStatus).
enum OrderStatus: String, Codable, Sendable, CaseIterable {
    case placed, paid, packed, shipped
    case inTransit = "in_transit"
    case outForDelivery = "out_for_delivery"
    case delivered, cancelled
}

enum ShippingOptionKind: String, Codable, Sendable, CaseIterable {
    case standard, express
}

enum CardBrand: String, Codable, Sendable {
    case visa, mastercard
}

/// A shipping option as quoted and as chosen for an order.
struct ShippingChoice: Codable, Sendable {
    var option: ShippingOptionKind
    var name: String
    var cost: Money
    var minDays: Int
    var maxDays: Int
    var estimatedDelivery: Date
}

struct OrderLineRecord: Codable, Sendable {
    var productId: String
    var name: String
    var unitPrice: Money
    var quantity: Int
    var lineTotal: Money
}

/// One step of an order's history, with where the parcel was.
struct OrderEventRecord: Codable, Sendable {
    var status: OrderStatus
    var at: Date
    var note: String
    var location: String?
}

/// A placed order. Card details are brand and last four digits only.
struct OrderRecord: Codable, Sendable {
    var id: String
    var userId: String
    var placedAt: Date
    var email: String
    var address: PostalAddress
    var shipping: ShippingChoice
    var lines: [OrderLineRecord]
    var subtotal: Money
    var shippingCost: Money
    var total: Money
    var transactionId: String
    var trackingId: String
    var cardBrand: CardBrand
    var cardLast4: String
    var events: [OrderEventRecord]

    var status: OrderStatus { events.last?.status ?? .placed }
    var itemCount: Int { lines.reduce(0) { $0 + $1.quantity } }

    /// True until the order ships (and while it is not already cancelled).
    var isCancellable: Bool {
        switch status {
        case .placed, .paid, .packed: true
        default: false
        }
    }
}

/// The invoice of an order; its amounts are the order's.
struct InvoiceRecord: Codable, Sendable {
    enum Status: String, Codable, Sendable { case paid, refunded }
    var number: String
    var orderId: String
    var issuedAt: Date
    var status: Status
}
