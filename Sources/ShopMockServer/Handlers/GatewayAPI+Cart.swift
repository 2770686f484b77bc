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
}
