import Foundation
import GRDB

/// What a shopper submits to place an order (card details live only for this request).
struct PlaceOrderInput: Sendable {
    var email: String
    var addressId: String?
    var address: PostalAddress?
    var shippingOption: ShippingOptionKind
    var card: CardDetails
    var currency: Currency
}

/// An `Idempotency-Key` the middleware has claimed for the request in progress.
struct IdempotencyClaim: Sendable {
    var scopedKey: String
    var requestHash: String
}

extension GatewayStore {
    /// Places the caller's cart as an order, in the order of Online Boutique's checkout:
    /// read cart, validate, price, quote shipping, check the card, reserve stock, charge,
    /// ship, empty the cart, confirm, record — all in one immediate transaction with the
    /// idempotency record, reading the cart and the stock as the database holds them, so two
    /// processes can never both sell the last unit and a key never makes two orders
    /// (`orders.idempotency_key` is unique).
    func placeOrder(
        userId: String, _ input: PlaceOrderInput, claim: IdempotencyClaim?,
        encodeResponse: @Sendable (OrderRecord) throws -> Data
    ) throws(GatewayProblem) -> OrderRecord {
        let order = try write { db in
            let account = try self.user(db, userId)
            let lines = try ServiceRows.cartLines(db, userId: userId)
            guard !lines.isEmpty else {
                throw GatewayProblem.conflict("cart-empty", "Cart is empty", "There is nothing in the cart to order.")
            }

            // Validate who and where.
            var issues = InputRules.email(input.email, "email")
            var address: PostalAddress?
            if let addressId = input.addressId {
                if let saved = account.addresses.first(where: { $0.id == addressId }) {
                    address = saved
                } else {
                    issues.append(.init(field: "addressId", message: "is not one of your saved addresses"))
                }
            } else if let inline = input.address {
                let (normalised, addressIssues) = InputRules.address(inline, prefix: "address.")
                issues += addressIssues
                address = normalised
            } else {
                issues.append(.init(field: "address", message: "give a saved addressId or an address"))
            }
            guard issues.isEmpty, var address else { throw GatewayProblem.validation(issues) }
            if address.id.isEmpty { address.id = "adr_" + RandomToken.hex(byteCount: 6) }

            // Price the items and quote shipping in the chosen currency, from the stored products.
            let now = self.now
            var orderLines: [OrderLineRecord] = []
            var stock: [String: Int] = [:]
            for line in lines {
                guard let product = try CatalogRows.liveProduct(db, line.productId) else {
                    throw GatewayProblem.outOfStock(productId: line.productId, name: line.name, available: 0)
                }
                stock[product.id] = product.stock
                let unit = CurrencyConverter.convert(product.priceUsd, to: input.currency)
                orderLines.append(
                    OrderLineRecord(
                        productId: product.id, name: product.name, unitPrice: unit, quantity: line.quantity,
                        lineTotal: unit * line.quantity))
            }
            let subtotal = orderLines.reduce(Money.zero(input.currency)) { $0 + $1.lineTotal }
            let itemCount = orderLines.reduce(0) { $0 + $1.quantity }
            guard let shipping = ShippingCalculator.quote(itemCount: itemCount, currency: input.currency, now: now)
                .first(where: { $0.option == input.shippingOption })
            else { throw GatewayProblem.validation(field: "shippingOption", "is not offered") }
            let total = subtotal + shipping.cost

            // Check the card, then make sure every unit is still there.
            let card = try PaymentProcessor.validate(input.card, now: now)
            for line in orderLines {
                let onHand = stock[line.productId] ?? 0
                guard line.quantity <= onHand else {
                    throw GatewayProblem.outOfStock(productId: line.productId, name: line.name, available: onHand)
                }
            }

            // Charge. A decline leaves nothing changed.
            let transactionId = try PaymentProcessor.charge(card, amount: total)

            // From here on nothing can fail but the database: record, reserve, empty, confirm.
            let orderId = "ord_" + RandomToken.hex(byteCount: 8)
            let trackingId = "TRK" + RandomToken.readable(length: 12)
            let order = OrderRecord(
                id: orderId, userId: userId, placedAt: now, email: input.email, address: address, shipping: shipping,
                lines: orderLines, subtotal: subtotal, shippingCost: shipping.cost, total: total,
                transactionId: transactionId, trackingId: trackingId, cardBrand: card.brand, cardLast4: card.last4,
                events: [
                    OrderEventRecord(status: .placed, at: now, note: "Order placed.", location: nil),
                    OrderEventRecord(status: .paid, at: now, note: "Payment of \(total.displayText) received.", location: nil),
                ])
            try OrderRows.insert(db, order, invoiceNumber: try OrderRows.nextInvoiceNumber(db), idempotencyKey: claim?.scopedKey)
            let revision = try CatalogRows.bumpRevision(db)
            for line in orderLines {
                let onHand = try Int.fetchOne(db.cachedStatement(sql: "SELECT on_hand FROM inventory WHERE product_id = ?"), arguments: [line.productId]) ?? 0
                try CatalogRows.setStock(
                    db, productId: line.productId, to: onHand - line.quantity, reason: .order, orderId: orderId, revision: revision, at: now)
            }
            try ServiceRows.saveCart(db, userId: userId, lines: [], at: now)
            try self.sendConfirmation(db, for: order)
            try self.record(db, .orderPlaced, "Placed order \(orderId) for \(total.displayText)", userId: userId, subjectId: orderId)
            if let claim {
                try self.completeClaim(db, claim, status: 201, body: try encodeResponse(order))
            }
            return order
        }
        if let claim { claimsCompleted.insert(claim.scopedKey) }
        return order
    }

    /// The order confirmation, in the order's transaction.
    private func sendConfirmation(_ db: Database, for order: OrderRecord) throws {
        let items = order.lines.map { "\($0.quantity) × \($0.name)" }.joined(separator: ", ")
        let body = """
            Thank you for your order \(order.id). \(items). Total \(order.total.displayText), \
            shipping \(order.shipping.name.lowercased()) to \(order.address.city). Tracking id \(order.trackingId).
            """
        try notify(
            db, userId: order.userId, kind: .orderConfirmation, title: "Order \(order.id) confirmed", body: body,
            orderId: order.id, at: order.placedAt)
    }
}
