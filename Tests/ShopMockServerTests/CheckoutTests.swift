import Foundation
import Testing
@testable import ShopMockServer

@Suite struct CheckoutTests {
    @Test func happyPathTotalsAddUp() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let items = try await gateway.get("/v1/products?inStock=true&limit=2&sort=price_desc").object["items"] as? [[String: Any]] ?? []
            let first = items[at: 0]["id"] as? String ?? "", second = items[at: 1]["id"] as? String ?? ""
            let stockBefore = try await gateway.stock(of: first)
            try await gateway.add(first, quantity: 1, token: token)
            try await gateway.add(second, quantity: 2, token: token)

            let response = try await gateway.placeOrder(token: token, body: TestGateway.orderBody(shipping: "express", currency: "EUR"))
            #expect(response.status == 201)
            let order = response.object
            let lines = order["lines"] as? [[String: Any]] ?? []
            let lineSum = lines.map { $0.money("lineTotal").amount }.reduce(0, +)
            for line in lines {
                #expect(line.money("lineTotal").amount == line.money("unitPrice").amount * (line["quantity"] as? Int ?? -1))
                #expect(line.money("unitPrice").currency == "EUR")
            }
            #expect(order.money("subtotal").amount == lineSum)
            let expressEUR = Int(CurrencyConverter.convert(2499, from: .USD, to: .EUR))
            #expect(order.money("shipping").amount == expressEUR)
            #expect(order.money("total").amount == lineSum + expressEUR)
            #expect(order["status"] as? String == "paid")
            #expect((order["trackingId"] as? String)?.isEmpty == false)
            #expect(order["cancellable"] as? Bool == true)
            #expect((order["events"] as? [[String: Any]] ?? []).map { $0["status"] as? String ?? "" } == ["placed", "paid"])

            // Stock was taken, the cart emptied, a confirmation sent, the activity recorded.
            #expect(try await gateway.stock(of: first) == stockBefore - 1)
            #expect((try await gateway.get("/v1/cart", token: token).object["lines"] as? [Any] ?? []).isEmpty)
            let inbox = try await gateway.get("/v1/notifications", token: token).object
            let kinds = (inbox["items"] as? [[String: Any]] ?? []).map { $0["kind"] as? String ?? "" }
            #expect(kinds.contains("order_confirmation"))
            #expect(inbox["unreadCount"] as? Int == 1)
            let activity = try await gateway.get("/v1/me/activity", token: token).object["items"] as? [[String: Any]] ?? []
            #expect(activity.first?["kind"] as? String == "order_placed")
        }
    }

    @Test func emptyCartIs409() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let response = try await gateway.placeOrder(token: token)
            #expect(response.status == 409)
            #expect(response.problemSlug == "cart-empty")
        }
    }

    @Test func invalidEmailAddressAndMissingKey() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            try await gateway.add(product.id, token: token)
            var body = TestGateway.orderBody()
            body["email"] = "not-an-email"
            body["address"] = ["name": "A", "line1": "B", "city": "C", "postalCode": "D", "country": "XYZ"]
            let invalid = try await gateway.placeOrder(token: token, body: body)
            #expect(invalid.status == 422)
            #expect(Set(invalid.fieldErrors.keys) == ["email", "address.country"])

            body = TestGateway.orderBody()
            body["address"] = nil
            let noAddress = try await gateway.placeOrder(token: token, body: body)
            #expect(noAddress.status == 422)
            #expect(noAddress.fieldErrors["address"] != nil)

            let noKey = try await gateway.post("/v1/checkout/orders", token: token, json: TestGateway.orderBody())
            #expect(noKey.status == 400)
        }
    }

    @Test func savedAddressOfTheCaller() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.register()
            let product = try await gateway.anyProduct()
            try await gateway.add(product.id, token: token)
            let saved = try await gateway.post("/v1/me/addresses", token: token, json: TestGateway.address).object
            var body = TestGateway.orderBody()
            body["address"] = nil
            body["addressId"] = saved["id"]
            let order = try await gateway.placeOrder(token: token, body: body)
            #expect(order.status == 201)
            #expect((order.object["address"] as? [String: Any] ?? [:])["city"] as? String == "Lisboa")
        }
    }

    @Test func stockGoneBetweenCartAndCheckoutIs409() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            try await gateway.add(product.id, quantity: 3, token: token)
            try await gateway.setStock(product.id, to: 1)
            let response = try await gateway.placeOrder(token: token)
            #expect(response.status == 409)
            #expect(response.problemSlug == "out-of-stock")
            #expect(response.object["productId"] as? String == product.id)
            #expect(response.object["available"] as? Int == 1)
        }
    }

    @Test func sameKeySameBodyReplaysDifferentBodyIs422() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            try await gateway.add(product.id, token: token)
            let stockAfterCart = try await gateway.stock(of: product.id)
            let first = try await gateway.placeOrder(token: token, key: "order-1")
            #expect(first.status == 201)
            #expect(first.header("Idempotent-Replayed") == nil)
            let replay = try await gateway.placeOrder(token: token, key: "order-1")
            #expect(replay.status == 201)
            #expect(replay.header("Idempotent-Replayed") == "true")
            #expect(replay.object["id"] as? String == first.object["id"] as? String)
            #expect(try await gateway.stock(of: product.id) == stockAfterCart - 1)
            let orders = try await gateway.get("/v1/orders", token: token).object["items"] as? [Any] ?? []
            #expect(orders.count == 1)

            let different = try await gateway.placeOrder(
                token: token, key: "order-1", body: TestGateway.orderBody(shipping: "express"))
            #expect(different.status == 422)
            #expect(different.problemSlug == "idempotency-key-reused")

            // Keys belong to their caller: another shopper's same key is a new request.
            let other = try await gateway.guestToken()
            let otherResponse = try await gateway.placeOrder(token: other, key: "order-1")
            #expect(otherResponse.status == 409)  // their cart is empty
            #expect(otherResponse.problemSlug == "cart-empty")
        }
    }

    @Test func idempotencyOnOtherPosts() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            let body: [String: Any] = ["productId": product.id, "quantity": 2]
            let headers = [("Idempotency-Key", "add-1")]
            let first = try await gateway.post("/v1/cart/items", token: token, json: body, headers: headers)
            let second = try await gateway.post("/v1/cart/items", token: token, json: body, headers: headers)
            #expect(first.status == 200 && second.status == 200)
            #expect(second.header("Idempotent-Replayed") == "true")
            let lines = try await gateway.get("/v1/cart", token: token).object["lines"] as? [[String: Any]] ?? []
            #expect(lines[at: 0]["quantity"] as? Int == 2)
        }
    }

    @Test func idempotencyKeysAreRememberedFor24Hours() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            let headers = [("Idempotency-Key", "add-day")]
            let first = try await gateway.post("/v1/cart/items", token: token, json: ["productId": product.id, "quantity": 1], headers: headers)
            #expect(first.status == 200)
            gateway.clock.advance(by: 23 * 3600)
            let reused = try await gateway.post("/v1/cart/items", token: token, json: ["productId": product.id, "quantity": 2], headers: headers)
            #expect(reused.status == 422)  // still remembered: another body is refused
            gateway.clock.advance(by: 3600)
            let fresh = try await gateway.post("/v1/cart/items", token: token, json: ["productId": product.id, "quantity": 2], headers: headers)
            #expect(fresh.status == 200 && fresh.header("Idempotent-Replayed") == nil)  // forgotten: a new request
            let lines = try await gateway.get("/v1/cart", token: token).object["lines"] as? [[String: Any]] ?? []
            #expect(lines[at: 0]["quantity"] as? Int == 3)
        }
    }

    @Test func concurrentDuplicateInFlightIs409OrReplay() async throws {
        try await TestGateway.with({ $0.latency = 200...200 }) { gateway in
            let token = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            try await gateway.add(product.id, token: token)
            let answers = try await withThrowingTaskGroup(of: TestResponse.self) { group in
                for _ in 0..<2 { group.addTask { try await gateway.placeOrder(token: token, key: "dup") } }
                return try await group.reduce(into: [TestResponse]()) { $0.append($1) }
            }
            let statuses = answers.map(\.status)
            #expect(statuses.filter { $0 == 201 }.count >= 1)
            #expect(statuses.allSatisfy { $0 == 201 || $0 == 409 })
            // The in-flight conflict says when to ask again (and asked again, the key replays).
            for conflict in answers where conflict.status == 409 {
                #expect(conflict.problemSlug == "idempotency-key-in-flight" && conflict.header("Retry-After") == "1")
            }
            let orders = try await gateway.get("/v1/orders", token: token).object["items"] as? [Any] ?? []
            #expect(orders.count == 1)
        }
    }

    @Test func twoBuyersOfTheLastUnitMakeExactlyOneOrder() async throws {
        try await TestGateway.with { gateway in
            let product = try await gateway.anyProduct()
            let buyers = [try await gateway.guestToken(), try await gateway.guestToken()]
            for buyer in buyers { try await gateway.add(product.id, token: buyer) }
            try await gateway.setStock(product.id, to: 1)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for buyer in buyers { group.addTask { try await gateway.placeOrder(token: buyer).status } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.sorted() == [201, 409])
            #expect(try await gateway.stock(of: product.id) == 0)
        }
    }

    @Test func hundredBuyersForTenUnitsMakeExactlyTenOrders() async throws {
        try await TestGateway.with { gateway in
            let product = try await gateway.anyProduct()
            var buyers: [String] = []
            for _ in 0..<100 {
                let buyer = try await gateway.guestToken()
                try await gateway.add(product.id, token: buyer)
                buyers.append(buyer)
            }
            try await gateway.setStock(product.id, to: 10)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for buyer in buyers { group.addTask { try await gateway.placeOrder(token: buyer).status } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 10)
            #expect(statuses.filter { $0 == 409 }.count == 90)
            #expect(try await gateway.stock(of: product.id) == 0)
        }
    }
}
