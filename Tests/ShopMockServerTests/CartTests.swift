import Testing

@Suite struct CartTests {
    @Test func unknownCartReadsEmpty() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let cart = try await gateway.get("/v1/cart", token: token).object
            #expect((cart["lines"] as? [Any] ?? []).isEmpty)
            #expect(cart["itemCount"] as? Int == 0)
            #expect(cart.money("subtotal").amount == 0)
        }
    }

    @Test func addingAgainIncreasesQuantityAndTotalsAddUp() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            try await gateway.add(product.id, quantity: 2, token: token)
            let cart = try await gateway.add(product.id, quantity: 3, token: token).object
            let lines = cart["lines"] as? [[String: Any]] ?? []
            #expect(lines.count == 1)
            #expect(lines[at: 0]["quantity"] as? Int == 5)
            #expect(lines[at: 0].money("lineTotal").amount == product.priceUsd * 5)
            #expect(cart.money("subtotal").amount == product.priceUsd * 5)
            #expect(cart["itemCount"] as? Int == 5)
        }
    }

    @Test func neverMoreThanStock() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            try await gateway.setStock(product.id, to: 4)
            #expect(try await gateway.add(product.id, quantity: 3, token: token).status == 200)
            let tooMany = try await gateway.add(product.id, quantity: 2, token: token)
            #expect(tooMany.status == 409)
            #expect(tooMany.problemSlug == "out-of-stock")
            #expect(tooMany.object["productId"] as? String == product.id)
            #expect(tooMany.object["available"] as? Int == 1)
            let setTooMany = try await gateway.send(
                "PUT", "/v1/cart/items/\(product.id)", token: token, json: ["quantity": 5])
            #expect(setTooMany.status == 409)
            #expect(setTooMany.object["available"] as? Int == 4)
        }
    }

    @Test func setRemoveAndClear() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let items = try await gateway.get("/v1/products?inStock=true&limit=3&sort=rating").object["items"] as? [[String: Any]] ?? []
            let ids = items.map { $0["id"] as? String ?? "" }
            try #require(ids.count == 3)
            for id in ids { try await gateway.add(id, token: token) }
            let set = try await gateway.send("PUT", "/v1/cart/items/\(ids[0])", token: token, json: ["quantity": 2]).object
            #expect((set["lines"] as? [[String: Any]] ?? []).first { $0["productId"] as? String == ids[0] }?["quantity"] as? Int == 2)
            let zero = try await gateway.send("PUT", "/v1/cart/items/\(ids[0])", token: token, json: ["quantity": 0]).object
            #expect((zero["lines"] as? [Any] ?? []).count == 2)
            let removed = try await gateway.send("DELETE", "/v1/cart/items/\(ids[1])", token: token).object
            #expect((removed["lines"] as? [Any] ?? []).count == 1)
            let again = try await gateway.send("DELETE", "/v1/cart/items/\(ids[1])", token: token)
            #expect(again.status == 200)
            let cleared = try await gateway.send("DELETE", "/v1/cart", token: token).object
            #expect((cleared["lines"] as? [Any] ?? []).isEmpty)
            let negative = try await gateway.send("PUT", "/v1/cart/items/\(ids[0])", token: token, json: ["quantity": -1])
            #expect(negative.status == 422)
            let unknown = try await gateway.add("no-such-product", token: token)
            #expect(unknown.status == 404)
        }
    }

    @Test func linesShowAProblemWhenStockFalls() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            try await gateway.add(product.id, quantity: 5, token: token)
            try await gateway.setStock(product.id, to: 2)
            let line = (try await gateway.get("/v1/cart", token: token).object["lines"] as? [[String: Any]] ?? [])[at: 0]
            #expect(line["stock"] as? Int == 2)
            #expect(line["availability"] as? String == "low_stock")
            #expect((line["problem"] as? String)?.isEmpty == false)
        }
    }

    @Test func cartPricesInTheRequestedCurrency() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            try await gateway.add(product.id, quantity: 3, token: token)
            let cart = try await gateway.get("/v1/cart?currency=JPY", token: token).object
            let line = (cart["lines"] as? [[String: Any]] ?? [])[at: 0]
            let unit = line.money("unitPrice")
            #expect(unit.currency == "JPY")
            #expect(line.money("lineTotal").amount == unit.amount * 3)
            #expect(cart.money("subtotal").amount == unit.amount * 3)
        }
    }

    @Test func signingInMergesTheGuestCartCappedAtStock() async throws {
        try await TestGateway.with { gateway in
            let product = try await gateway.anyProduct()
            try await gateway.setStock(product.id, to: 6)
            let email = "merge@example.com"
            let account = try await gateway.register(email: email)
            try await gateway.add(product.id, quantity: 4, token: account)

            let guest = try await gateway.guestToken()
            try await gateway.add(product.id, quantity: 5, token: guest)
            let signIn = try await gateway.post(
                "/v1/sessions", token: guest, json: ["email": email, "password": "correct horse"])
            #expect(signIn.status == 200)
            let token = signIn.object["token"] as? String ?? ""
            let lines = try await gateway.get("/v1/cart", token: token).object["lines"] as? [[String: Any]] ?? []
            #expect(lines.count == 1)
            #expect(lines[at: 0]["quantity"] as? Int == 6)  // 4 + 5, capped at the 6 in stock

            let wrong = try await gateway.post("/v1/sessions", json: ["email": email, "password": "wrong password"])
            #expect(wrong.status == 401)
        }
    }

    @Test func signingInWithAnExpiredGuestTokenAsksForARefreshInsteadOfDroppingTheCart() async throws {
        try await TestGateway.with { gateway in
            let product = try await gateway.anyProduct()
            let email = "expired-guest@example.com"
            _ = try await gateway.register(email: email)
            let guest = try await gateway.guestToken()
            try await gateway.add(product.id, quantity: 1, token: guest)
            gateway.clock.advance(by: 8 * 86_400)  // past the access token's lifetime (7 days here)

            let signIn = try await gateway.post(
                "/v1/sessions", token: guest, json: ["email": email, "password": "correct horse"])
            #expect(signIn.status == 401)
            #expect(signIn.object["type"] as? String == "https://shop.example/problems/token-expired")
        }
    }

    @Test func registeringCarriesTheGuestCartOver() async throws {
        try await TestGateway.with { gateway in
            let product = try await gateway.anyProduct()
            let guest = try await gateway.guestToken()
            try await gateway.add(product.id, quantity: 2, token: guest)
            let account = try await gateway.register(guestToken: guest)
            let lines = try await gateway.get("/v1/cart", token: account).object["lines"] as? [[String: Any]] ?? []
            #expect(lines.first?["productId"] as? String == product.id)
            #expect(lines.first?["quantity"] as? Int == 2)
            let me = try await gateway.get("/v1/me", token: account).object
            #expect(me["isGuest"] as? Bool == false)
        }
    }
}
