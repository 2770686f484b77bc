import Foundation

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
    /// ship, empty the cart, confirm, record — then commit all of it (and the idempotency
    /// record) in one transaction. Nothing here suspends, so no other request interleaves.
    func placeOrder(
        userId: String, _ input: PlaceOrderInput, claim: IdempotencyClaim?,
        encodeResponse: @Sendable (OrderRecord) throws -> Data
    ) throws(GatewayProblem) -> OrderRecord {
        let account = try user(userId)
        let lines = carts[userId] ?? []
        guard !lines.isEmpty else {
            throw .conflict("cart-empty", "Cart is empty", "There is nothing in the cart to order.")
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
        guard issues.isEmpty, var address else { throw .validation(issues) }
        if address.id.isEmpty { address.id = "adr_" + RandomToken.hex(byteCount: 6) }

        // Price the items and quote shipping in the chosen currency.
        let now = self.now
        var orderLines: [OrderLineRecord] = []
        for line in lines {
            guard let product = catalog.product(line.productId) else {
                throw .outOfStock(productId: line.productId, name: line.name, available: 0)
            }
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
        else { throw .validation(field: "shippingOption", "is not offered") }
        let total = subtotal + shipping.cost

        // Check the card, then make sure every unit is still there.
        let card = try PaymentProcessor.validate(input.card, now: now)
        for line in orderLines {
            let stock = catalog.product(line.productId)?.stock ?? 0
            guard line.quantity <= stock else {
                throw .outOfStock(productId: line.productId, name: line.name, available: stock)
            }
        }

        // Charge. A decline leaves nothing changed.
        let transactionId = try PaymentProcessor.charge(card, amount: total)

        // From here on nothing can fail but the commit: reserve, ship, empty, confirm.
        for line in orderLines {
            let stock = catalog.product(line.productId)?.stock ?? 0
            catalog.setStock(line.productId, to: stock - line.quantity, at: now)
            markDirty(.products, line.productId)
        }
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
        orders[orderId] = order
        orderIdsByUser[userId, default: []].append(orderId)
        orderIdByTrackingId[trackingId] = orderId
        markDirty(.orders, orderId)
        let invoice = InvoiceRecord(
            number: String(format: "INV-%06d", nextInvoiceNumber), orderId: orderId, issuedAt: now, status: .paid)
        nextInvoiceNumber += 1
        invoices[orderId] = invoice
        markDirty(.invoices, orderId)
        carts[userId] = nil
        markDirty(.carts, userId)
        sendConfirmation(for: order)
        record(.orderPlaced, "Placed order \(orderId) for \(total.displayText)", userId: userId, subjectId: orderId)

        var extra: [(kind: StoredKind, id: String, body: Data)] = []
        if let claim {
            do {
                let record = IdempotencyRecord(
                    scopedKey: claim.scopedKey, requestHash: claim.requestHash, status: 201,
                    contentType: "application/json; charset=utf-8", body: try encodeResponse(order), createdAt: now)
                idempotency[claim.scopedKey] = record
                extra.append((.idempotency, claim.scopedKey, try StoredState.encoder.encode(record)))
            } catch {
                logger.error("Could not encode an order for its idempotency record", metadata: ["error": "\(error)"])
            }
        }
        try commit(extra: extra)
        return order
    }

    /// The order confirmation. It cannot throw, so it can never fail the order.
    private func sendConfirmation(for order: OrderRecord) {
        let items = order.lines.map { "\($0.quantity) × \($0.name)" }.joined(separator: ", ")
        let body = """
            Thank you for your order \(order.id). \(items). Total \(order.total.displayText), \
            shipping \(order.shipping.name.lowercased()) to \(order.address.city). Tracking id \(order.trackingId).
            """
        notify(
            userId: order.userId, kind: .orderConfirmation, title: "Order \(order.id) confirmed", body: body,
            orderId: order.id, at: order.placedAt)
    }
}
