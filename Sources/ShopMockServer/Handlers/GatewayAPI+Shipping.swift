extension GatewayAPI {
    func quoteShipping(_ input: Operations.QuoteShipping.Input) async throws -> Operations.QuoteShipping.Output {
        let shopper = try requireShopper()
        guard case .json(let body) = input.body else { throw GatewayProblem.badRequest("Expected JSON.") }
        let (_, issues) = InputRules.address(PostalAddress(body.address), prefix: "address.")
        try reject(issues)
        let options = await store.shippingQuote(userId: shopper.userId, currency: currency(body.currency))
        return .ok(.init(body: .json(.init(options: options.map(\.wire)))))
    }

    func trackShipment(_ input: Operations.TrackShipment.Input) async throws -> Operations.TrackShipment.Output {
        let shopper = try requireShopper()
        try checkParameter(input.path.trackingId, "trackingId", max: 64)
        let order = try await store.order(userId: shopper.userId, trackingId: input.path.trackingId)
        return .ok(.init(body: .json(order.trackingWire)))
    }
}
