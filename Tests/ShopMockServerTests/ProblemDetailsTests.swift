import Foundation
import Testing
@testable import ShopMockServer

/// Every failure is problem+json with the right status, never a 5xx.
@Suite struct ProblemDetailsTests {
    @Test func malformedJSONIs400() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let response = try await gateway.send("POST", "/v1/cart/items", token: token, rawBody: #"{"productId": "#)
            #expect(response.status == 400)
            #expect(response.isProblem)
            #expect(response.problemSlug == "bad-request")
            #expect(response.object["instance"] as? String == "/v1/cart/items")
            #expect(response.object["status"] as? Int == 400)
        }
    }

    @Test func wrongTypeAndMissingFieldAre400() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let wrongType = try await gateway.send(
                "POST", "/v1/cart/items", token: token, rawBody: #"{"productId": 12, "quantity": 1}"#)
            #expect(wrongType.status == 400)
            #expect((wrongType.object["detail"] as? String)?.contains("productId") == true)
            let missing = try await gateway.send("POST", "/v1/cart/items", token: token, rawBody: #"{"productId": "x"}"#)
            #expect(missing.status == 400)
            #expect((missing.object["detail"] as? String)?.contains("quantity") == true)
            let badEnum = try await gateway.get("/v1/products?currency=XXX")
            #expect(badEnum.status == 400 && badEnum.isProblem)
            let badInteger = try await gateway.get("/v1/products?limit=many")
            #expect(badInteger.status == 400 && badInteger.isProblem)
        }
    }

    @Test func outOfRangeNumbers() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            for limit in [0, 101, -1] {
                let response = try await gateway.get("/v1/products?limit=\(limit)")
                #expect(response.status == 400, "limit \(limit)")
                #expect(response.fieldErrors["limit"] != nil)
            }
            let tooMany = try await gateway.add(product.id, quantity: 11, token: token)
            #expect(tooMany.status == 422)
            #expect(tooMany.fieldErrors["quantity"] != nil)
            let none = try await gateway.add(product.id, quantity: 0, token: token)
            #expect(none.status == 422)
            let amount = try await gateway.get("/v1/currencies/convert?amount=-5&from=USD&to=EUR")
            #expect(amount.status == 400)
            let clock = try await gateway.post("/v1/admin/clock/advance", token: TestGateway.adminToken, json: ["seconds": -1])
            #expect(clock.status == 422)
        }
    }

    @Test func missingBadExpiredAndSignedOutTokensAre401() async throws {
        try await TestGateway.with({ $0.tokenLifetime = 3600 }) { gateway in
            let none = try await gateway.get("/v1/cart")
            #expect(none.status == 401 && none.isProblem)
            #expect(none.problemSlug == "unauthorized")

            let unknown = try await gateway.get("/v1/cart", token: "tok_made_up")
            #expect(unknown.status == 401)

            let notBearer = try await gateway.send("GET", "/v1/cart", headers: [("Authorization", "Basic abc")])
            #expect(notBearer.status == 401)

            let token = try await gateway.guestToken()
            #expect(try await gateway.get("/v1/cart", token: token).status == 200)
            gateway.clock.advance(by: 3601)
            let expired = try await gateway.get("/v1/cart", token: token)
            #expect(expired.status == 401)
            #expect(expired.problemSlug == "token-expired")

            let fresh = try await gateway.guestToken()
            #expect(try await gateway.send("DELETE", "/v1/sessions/current", token: fresh).status == 204)
            let signedOut = try await gateway.get("/v1/cart", token: fresh)
            #expect(signedOut.status == 401)
            #expect(signedOut.problemSlug == "unauthorized")

            // Every 401 carries a challenge (RFC 9110, RFC 6750); a refused token says so.
            #expect(none.header("WWW-Authenticate") == #"Bearer realm="shop""#)
            for refused in [unknown, notBearer, expired, signedOut] {
                #expect(refused.header("WWW-Authenticate")?.hasPrefix(#"Bearer realm="shop", error="invalid_token""#) == true)
            }
            let wrongPassword = try await gateway.post(
                "/v1/sessions", json: ["email": "nobody@example.com", "password": "not this one"])
            #expect(wrongPassword.status == 401)
            #expect(wrongPassword.header("WWW-Authenticate") == #"Bearer realm="shop""#)
            // Problem bodies do not escape slashes.
            #expect(none.text.contains(#""instance":"/v1/cart""#))
        }
    }

    @Test func someoneElsesOrderAndAddressAre404() async throws {
        try await TestGateway.with { gateway in
            let product = try await gateway.anyProduct()
            let owner = try await gateway.register()
            try await gateway.add(product.id, token: owner)
            let order = try await gateway.placeOrder(token: owner).object
            let orderId = order["id"] as? String ?? ""
            let trackingId = order["trackingId"] as? String ?? ""
            let address = try await gateway.post("/v1/me/addresses", token: owner, json: TestGateway.address).object
            let addressId = address["id"] as? String ?? ""

            let stranger = try await gateway.register()
            for path in ["/v1/orders/\(orderId)", "/v1/orders/\(orderId)/invoice", "/v1/orders/\(orderId)/tracking",
                         "/v1/shipping/tracking/\(trackingId)"] {
                let response = try await gateway.get(path, token: stranger)
                #expect(response.status == 404, "\(path)")
                #expect(response.problemSlug == "not-found")
            }
            #expect(try await gateway.post("/v1/orders/\(orderId)/cancel", token: stranger).status == 404)
            let update = try await gateway.send("PUT", "/v1/me/addresses/\(addressId)", token: stranger, json: TestGateway.address)
            #expect(update.status == 404)
            #expect(try await gateway.send("DELETE", "/v1/me/addresses/\(addressId)", token: stranger).status == 404)
            // The owner still sees both.
            #expect(try await gateway.get("/v1/orders/\(orderId)", token: owner).status == 200)
            #expect(try await gateway.get("/v1/me/addresses", token: owner).object["items"] as? [Any] != nil)
        }
    }

    @Test func unknownRouteIs404AndWrongMethodIs405() async throws {
        try await TestGateway.with { gateway in
            let unknown = try await gateway.get("/v1/no-such-thing")
            #expect(unknown.status == 404 && unknown.isProblem)
            #expect(unknown.problemSlug == "route-not-found")
            let wrongMethod = try await gateway.send("DELETE", "/v1/products")
            #expect(wrongMethod.status == 405 && wrongMethod.isProblem)
            #expect(wrongMethod.header("Allow") == "GET")
        }
    }

    @Test func guestsCannotUseAccountOperations() async throws {
        try await TestGateway.with { gateway in
            let guest = try await gateway.guestToken()
            #expect(try await gateway.get("/v1/me/addresses", token: guest).status == 403)
            #expect(try await gateway.post("/v1/me/addresses", token: guest, json: TestGateway.address).status == 403)
            #expect(try await gateway.send("PATCH", "/v1/me", token: guest, json: ["name": "G"]).status == 403)
            #expect(try await gateway.get("/v1/me", token: guest).object["isGuest"] as? Bool == true)
        }
    }

    @Test func adminOperationsNeedTheAdminToken() async throws {
        try await TestGateway.with { gateway in
            #expect(try await gateway.get("/v1/admin/activity").status == 401)
            let shopper = try await gateway.guestToken()
            #expect(try await gateway.get("/v1/admin/activity", token: shopper).status == 403)
            #expect(try await gateway.get("/v1/admin/activity", token: TestGateway.adminToken).status == 200)
        }
    }

    @Test func requestIDIsEchoedOrGenerated() async throws {
        try await TestGateway.with { gateway in
            let given = try await gateway.send("GET", "/v1/categories", headers: [("X-Request-ID", "trace-42")])
            #expect(given.header("X-Request-ID") == "trace-42")
            let error = try await gateway.send("GET", "/v1/cart", headers: [("X-Request-ID", "trace-43")])
            #expect(error.header("X-Request-ID") == "trace-43")
            #expect(error.object["requestId"] as? String == "trace-43")
            let generated = try await gateway.get("/healthz")
            let id = try #require(generated.header("X-Request-ID"))
            #expect(!id.isEmpty)
            let notFound = try await gateway.get("/nowhere")
            #expect(notFound.header("X-Request-ID") == notFound.object["requestId"] as? String)
        }
    }

    @Test func validationErrorsListTheFields() async throws {
        try await TestGateway.with { gateway in
            let bad: [String: Any] = ["name": "", "line1": "x", "city": "y", "postalCode": "z", "country": "Portugal"]
            let token = try await gateway.register()
            let response = try await gateway.post("/v1/me/addresses", token: token, json: bad)
            #expect(response.status == 422)
            #expect(response.problemSlug == "validation-failed")
            #expect(Set(response.fieldErrors.keys) == ["name", "country"])
        }
    }
}
