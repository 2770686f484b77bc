import Testing

@Suite struct PaymentTests {
    func validate(_ gateway: TestGateway, _ number: String, cvv: String = "123", month: Int = 12, year: Int = 2099) async throws -> TestResponse {
        let token = try await gateway.guestToken()
        return try await gateway.post(
            "/v1/payment/cards/validate", token: token,
            json: ["number": number, "cvv": cvv, "expMonth": month, "expYear": year])
    }

    @Test func acceptsVisaAndMastercardIgnoringSpacesAndDashes() async throws {
        try await TestGateway.with { gateway in
            let visa = try await validate(gateway, "4242 4242 4242 4242")
            #expect(visa.status == 200)
            #expect(visa.object["brand"] as? String == "visa")
            #expect(visa.object["last4"] as? String == "4242")
            let mastercard = try await validate(gateway, "5555-5555-5555-4444")
            #expect(mastercard.object["brand"] as? String == "mastercard")
            #expect(mastercard.object["last4"] as? String == "4444")
        }
    }

    @Test func rejectsBadNumbers() async throws {
        try await TestGateway.with { gateway in
            for number in ["4242 4242 4242 4241", "1234", "4242a42424242424"] {
                let response = try await validate(gateway, number)
                #expect(response.status == 422, "\(number)")
                #expect(response.fieldErrors["number"] == "Credit card info is invalid")
            }
        }
    }

    @Test func onlyVisaAndMastercard() async throws {
        try await TestGateway.with { gateway in
            let amex = try await validate(gateway, "3782 822463 10005")
            #expect(amex.status == 422)
            #expect(amex.fieldErrors["number"] == "Sorry, we cannot process amex credit cards. Only VISA or MasterCard is accepted.")
        }
    }

    @Test func expiredCardsNameTheLastFourAndTheMonth() async throws {
        try await TestGateway.with { gateway in
            let expired = try await validate(gateway, "4111 1111 1100 0454", month: 1, year: 2024)
            #expect(expired.status == 422)
            #expect(expired.fieldErrors["expMonth"] == "Your credit card (ending 0454) expired on 1/2024")
            // Valid through the expiry month: this month still passes.
            let now = gateway.clock.now()
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let parts = calendar.dateComponents([.year, .month], from: now)
            let current = try await validate(gateway, "4242424242424242", month: parts.month!, year: parts.year!)
            #expect(current.status == 200)
        }
    }

    @Test func cvvMustBeThreeDigits() async throws {
        try await TestGateway.with { gateway in
            let response = try await validate(gateway, "4242424242424242", cvv: "12a")
            #expect(response.status == 422)
            #expect(response.fieldErrors["cvv"] != nil)
        }
    }

    @Test(arguments: [
        ("4000 0000 0000 0002", "card-declined"),
        ("4000 0000 0000 9995", "insufficient-funds"),
        ("4000 0000 0000 0127", "incorrect-cvc"),
    ])
    func testCardsDecline(number: String, slug: String) async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            try await gateway.add(product.id, token: token)
            let stockBefore = try await gateway.stock(of: product.id)
            let response = try await gateway.placeOrder(token: token, body: TestGateway.orderBody(card: number))
            #expect(response.status == 402)
            #expect(response.problemSlug == slug)
            // Nothing was taken: stock and cart are as before.
            #expect(try await gateway.stock(of: product.id) == stockBefore)
            #expect((try await gateway.get("/v1/cart", token: token).object["lines"] as? [Any] ?? []).count == 1)
        }
    }

    @Test func ordersKeepOnlyBrandAndLastFour() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            try await gateway.add(product.id, token: token)
            let order = try await gateway.placeOrder(token: token, body: TestGateway.orderBody(card: "5555 5555 5555 4444"))
            #expect(order.status == 201)
            #expect(order.object["cardBrand"] as? String == "mastercard")
            #expect(order.object["cardLast4"] as? String == "4444")
            #expect(!order.text.contains("5555555555554444") && !order.text.contains("5555 5555"))
            #expect((order.object["transactionId"] as? String)?.isEmpty == false)
        }
    }
}

import Foundation
