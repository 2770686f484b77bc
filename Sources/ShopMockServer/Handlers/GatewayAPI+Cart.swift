extension GatewayAPI {
    func getCart(_ input: Operations.GetCart.Input) async throws -> Operations.GetCart.Output {
        let shopper = try requireShopper()
        let cart = await store.cart(userId: shopper.userId, currency: currency(input.query.currency))
        return .ok(.init(body: .json(cart.wire)))
    }

    func clearCart(_ input: Operations.ClearCart.Input) async throws -> Operations.ClearCart.Output {
        let shopper = try requireShopper()
        let cart = try await store.clearCart(userId: shopper.userId, currency: currency(input.query.currency))
        return .ok(.init(body: .json(cart.wire)))
    }

    func addCartItem(_ input: Operations.AddCartItem.Input) async throws -> Operations.AddCartItem.Output {
        let shopper = try requireShopper()
        guard case .json(let body) = input.body else { throw GatewayProblem.badRequest("Expected JSON.") }
        try reject(InputRules.length(body.productId, "productId", min: 1, max: 64))
        let cart = try await store.addToCart(
            userId: shopper.userId, productId: body.productId, quantity: body.quantity,
            currency: currency(input.query.currency))
        return .ok(.init(body: .json(cart.wire)))
    }

    func setCartItemQuantity(_ input: Operations.SetCartItemQuantity.Input) async throws -> Operations.SetCartItemQuantity.Output {
        let shopper = try requireShopper()
        try checkParameter(input.path.productId, "productId", max: 64)
        guard case .json(let body) = input.body else { throw GatewayProblem.badRequest("Expected JSON.") }
        let cart = try await store.setCartQuantity(
            userId: shopper.userId, productId: input.path.productId, quantity: body.quantity,
            currency: currency(input.query.currency))
        return .ok(.init(body: .json(cart.wire)))
    }

    func removeCartItem(_ input: Operations.RemoveCartItem.Input) async throws -> Operations.RemoveCartItem.Output {
        let shopper = try requireShopper()
        try checkParameter(input.path.productId, "productId", max: 64)
        let cart = try await store.removeFromCart(
            userId: shopper.userId, productId: input.path.productId, currency: currency(input.query.currency))
        return .ok(.init(body: .json(cart.wire)))
    }

    func quoteShipping(_ input: Operations.QuoteShipping.Input) async throws -> Operations.QuoteShipping.Output {
        let shopper = try requireShopper()
        guard case .json(let body) = input.body else { throw GatewayProblem.badRequest("Expected JSON.") }
        let (_, issues) = InputRules.address(PostalAddress(body.address), prefix: "address.")
        try reject(issues)
        let options = await store.shippingQuote(userId: shopper.userId, currency: currency(body.currency))
        return .ok(.init(body: .json(.init(options: options.map(\.wire)))))
    }

    func validateCard(_ input: Operations.ValidateCard.Input) async throws -> Operations.ValidateCard.Output {
        _ = try requireShopper()
        guard case .json(let body) = input.body else { throw GatewayProblem.badRequest("Expected JSON.") }
        try reject(Self.cardLengthIssues(body, prefix: ""))
        // The body is the card itself, so field paths have no `card.` prefix.
        let card = try PaymentProcessor.validate(CardDetails(body), now: clock.now(), fieldPrefix: "")
        return .ok(
            .init(body: .json(.init(brand: card.brand.wire, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear))))
    }

    /// The contract's bounds on a card, before the payment rules look at it.
    static func cardLengthIssues(_ card: Components.Schemas.CardInput, prefix: String) -> [Issue] {
        InputRules.length(card.number, prefix + "number", min: 1, max: 40)
            + InputRules.length(card.cvv, prefix + "cvv", min: 1, max: 8)
            + InputRules.range(card.expMonth, prefix + "expMonth", 1...12)
            + InputRules.range(card.expYear, prefix + "expYear", 2000...2100)
            + InputRules.length(card.holderName, prefix + "holderName", max: 100)
    }
}

extension CardDetails {
    init(_ wire: Components.Schemas.CardInput) {
        self.init(number: wire.number, cvv: wire.cvv, expMonth: wire.expMonth, expYear: wire.expYear)
    }
}
