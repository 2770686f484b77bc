import Foundation
import Testing
@testable import ShopMockServer

@Suite struct ShippingTests {
    func quote(_ gateway: TestGateway, token: String, currency: String? = nil, address: [String: Any] = TestGateway.address) async throws -> TestResponse {
        var body: [String: Any] = ["address": address]
        if let currency { body["currency"] = currency }
        return try await gateway.post("/v1/shipping/quotes", token: token, json: body)
    }

    @Test func anEmptyCartShipsForNothing() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let options = try await quote(gateway, token: token).object["options"] as? [[String: Any]] ?? []
            #expect(options.map { $0["id"] as? String ?? "" } == ["standard", "express"])
            #expect(options.allSatisfy { $0.money("cost").amount == 0 })
        }
    }

    @Test func standardAndExpressInTheRequestedCurrency() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            try await gateway.add(product.id, token: token)
            let usd = try await quote(gateway, token: token).object["options"] as? [[String: Any]] ?? []
            #expect(usd.map { $0.money("cost").amount } == [899, 2499])
            #expect(usd.map { $0["minDays"] as? Int ?? -1 } == [5, 1])
            #expect(usd.map { $0["maxDays"] as? Int ?? -1 } == [7, 2])
            let gbp = try await quote(gateway, token: token, currency: "GBP").object["options"] as? [[String: Any]] ?? []
            #expect(gbp[at: 0].money("cost") == (Int(CurrencyConverter.convert(899, from: .USD, to: .GBP)), "GBP"))

            // The estimate is the latest day on the gateway clock.
            let formatter = ISO8601DateFormatter()
            let estimate = try #require(formatter.date(from: usd[at: 0]["estimatedDelivery"] as? String ?? ""))
            let expected = gateway.clock.now().addingTimeInterval(7 * 86_400)
            // Within two minutes, not five seconds: beside the whole suite on two cores, the
            // quote and this line can be seconds apart. The point is the day.
            #expect(abs(estimate.timeIntervalSince(expected)) < 120)
            gateway.clock.advance(by: 86_400)
            let later = try await quote(gateway, token: token).object["options"] as? [[String: Any]] ?? []
            let laterEstimate = try #require(formatter.date(from: later[at: 0]["estimatedDelivery"] as? String ?? ""))
            #expect(abs(laterEstimate.timeIntervalSince(estimate) - 86_400) < 120)
        }
    }

    @Test func theAddressIsChecked() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            var address = TestGateway.address
            address["postalCode"] = ""
            let response = try await quote(gateway, token: token, address: address)
            #expect(response.status == 422)
            #expect(response.fieldErrors["address.postalCode"] != nil)
        }
    }

    @Test func healthReportsTheGatewayClock() async throws {
        try await TestGateway.with { gateway in
            gateway.clock.advance(by: 86_400 * 10)
            let health = try await gateway.get("/healthz").object
            #expect(health["status"] as? String == "ok")
            let time = try #require(ISO8601DateFormatter().date(from: health["time"] as? String ?? ""))
            #expect(time.timeIntervalSinceNow > 86_400 * 9)
        }
    }
}
