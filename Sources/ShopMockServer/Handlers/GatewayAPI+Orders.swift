import Foundation

extension GatewayAPI {
    func placeOrder(_ input: Operations.PlaceOrder.Input) async throws -> Operations.PlaceOrder.Output {
        let shopper = try requireShopper()
        let key = input.headers.idempotencyKey
        guard (1...255).contains(key.count) else {
            throw GatewayProblem.badRequest("Idempotency-Key must be 1 to 255 characters.", field: "Idempotency-Key")
        }
        guard case .json(let body) = input.body else { throw GatewayProblem.badRequest("Expected JSON.") }
        try reject(
            InputRules.length(body.addressId, "addressId", min: 1, max: 64)
                + InputRules.plainText(body.email, "email")  // before trimming: a line break is refused, not trimmed
                + Self.cardLengthIssues(body.card, prefix: "card."))
        let order = try await store.placeOrder(
            userId: shopper.userId,
            PlaceOrderInput(
                email: body.email.trimmingCharacters(in: .whitespacesAndNewlines), addressId: body.addressId,
                address: body.address.map(PostalAddress.init), shippingOption: ShippingOptionKind(rawValue: body.shippingOption.rawValue)!,
                card: CardDetails(body.card), currency: currency(body.currency)),
            claim: RequestScope.current.idempotencyClaim,
            encodeResponse: { order in try WireEncoder.encode(order.wire) })
        return .created(.init(body: .json(order.wire)))
    }

    func listOrders(_ input: Operations.ListOrders.Input) async throws -> Operations.ListOrders.Output {
        let shopper = try requireShopper()
        try checkParameter(input.query.cursor, "cursor", max: 200)
        let limit = try pageLimit(input.query.limit)
        let orders = try await store.orders(userId: shopper.userId)
        let page = try Page(
            all: orders, limit: limit, cursor: input.query.cursor, fingerprint: PageCursor.fingerprint("orders", shopper.userId))
        return .ok(.init(body: .json(.init(items: page.items.map(\.summaryWire), nextCursor: page.nextCursor, total: page.total))))
    }

    func getOrder(_ input: Operations.GetOrder.Input) async throws -> Operations.GetOrder.Output {
        let shopper = try requireShopper()
        try checkParameter(input.path.orderId, "orderId", max: 64)
        return .ok(.init(body: .json(try await store.order(userId: shopper.userId, id: input.path.orderId).wire)))
    }

    func cancelOrder(_ input: Operations.CancelOrder.Input) async throws -> Operations.CancelOrder.Output {
        let shopper = try requireShopper()
        try checkParameter(input.path.orderId, "orderId", max: 64)
        return .ok(.init(body: .json(try await store.cancelOrder(userId: shopper.userId, id: input.path.orderId).wire)))
    }

    func getOrderTracking(_ input: Operations.GetOrderTracking.Input) async throws -> Operations.GetOrderTracking.Output {
        let shopper = try requireShopper()
        try checkParameter(input.path.orderId, "orderId", max: 64)
        let order = try await store.order(userId: shopper.userId, id: input.path.orderId)
        return .ok(.init(body: .json(order.trackingWire)))
    }

    func getInvoice(_ input: Operations.GetInvoice.Input) async throws -> Operations.GetInvoice.Output {
        let shopper = try requireShopper()
        try checkParameter(input.path.orderId, "orderId", max: 64)
        let (invoice, order) = try await store.invoice(userId: shopper.userId, orderId: input.path.orderId)
        return .ok(.init(body: .json(invoice.wire(order: order))))
    }
}
