import Testing
@testable import ShopMockServer

@Suite struct CurrencyTests {
    /// 19.99 USD in every offered currency, worked out by hand through EUR:
    /// 19.99 / 1.1305 × rate, rounded half to even to the minor unit.
    @Test(arguments: [
        ("USD", 1999), ("EUR", 1768), ("CAD", 2675), ("JPY", 2235), ("GBP", 1520), ("TRY", 10830),
    ])
    func convertsNineteenNinetyNineUSD(to currency: String, expected: Int) async throws {
        try await TestGateway.with { gateway in
            let response = try await gateway.get("/v1/currencies/convert?amount=1999&from=USD&to=\(currency)")
            #expect(response.status == 200)
            #expect(response.object["amount"] as? Int == expected)
            #expect(response.object["currency"] as? String == currency)
        }
    }

    @Test func yenHaveNoMinorUnits() async throws {
        try await TestGateway.with { gateway in
            // 1000 JPY = 7.91139… EUR -> 791 cents; 126.40 JPY is exactly 1.00 EUR.
            #expect(try await gateway.get("/v1/currencies/convert?amount=1000&from=JPY&to=EUR").object["amount"] as? Int == 791)
            #expect(try await gateway.get("/v1/currencies/convert?amount=12640&from=JPY&to=EUR").object["amount"] as? Int == 10000)
            #expect(try await gateway.get("/v1/currencies/convert?amount=100&from=EUR&to=JPY").object["amount"] as? Int == 126)
            let list = try await gateway.get("/v1/currencies").object["items"] as? [[String: Any]] ?? []
            let yen = try #require(list.first { $0["code"] as? String == "JPY" })
            #expect(yen["minorUnits"] as? Int == 0)
            #expect(yen["perEuro"] as? String == "126.40")
            #expect(list.count == 6)
        }
    }

    @Test func roundsHalfToEvenOnce() {
        #expect(CurrencyConverter.divideRoundingHalfToEven(5, 2) == 2)   // 2.5 -> 2
        #expect(CurrencyConverter.divideRoundingHalfToEven(7, 2) == 4)   // 3.5 -> 4
        #expect(CurrencyConverter.divideRoundingHalfToEven(9, 4) == 2)   // 2.25 -> 2
        #expect(CurrencyConverter.divideRoundingHalfToEven(11, 4) == 3)  // 2.75 -> 3
        // Exact ties through the real rates: 10.00 EUR = 11.305 USD... in cents 1130.5 -> 1130,
        // and 30.00 EUR = 3391.5 cents -> 3392.
        #expect(CurrencyConverter.convert(1000, from: .EUR, to: .USD) == 1130)
        #expect(CurrencyConverter.convert(3000, from: .EUR, to: .USD) == 3392)
        // Not ties: 0.50 EUR = 63.2 JPY -> 63; 0.05 EUR = 4.2985 GBP cents -> 4; 0.01 GBP = 1.163 EUR cents -> 1.
        #expect(CurrencyConverter.convert(50, from: .EUR, to: .JPY) == 63)
        #expect(CurrencyConverter.convert(5, from: .EUR, to: .GBP) == 4)
        #expect(CurrencyConverter.convert(1, from: .GBP, to: .EUR) == 1)
        // One rounding, not two: 0.01 USD = 0.8846 EUR cents = 5.418 TRY kuruş -> 5;
        // rounding to EUR cents first (1) would give 6.12 -> 6.
        #expect(CurrencyConverter.convert(1, from: .USD, to: .TRY) == 5)
        #expect(CurrencyConverter.convert(0, from: .USD, to: .TRY) == 0)
    }

    @Test func pricesFollowTheRequestedCurrency() async throws {
        try await TestGateway.with { gateway in
            let product = try await gateway.anyProduct()
            let usd = try await gateway.get("/v1/products/\(product.id)").object.money("price")
            let jpy = try await gateway.get("/v1/products/\(product.id)?currency=JPY").object.money("price")
            #expect(usd.currency == "USD" && usd.amount == product.priceUsd)
            #expect(jpy.currency == "JPY")
            #expect(jpy.amount == Int(CurrencyConverter.convert(Int64(product.priceUsd), from: .USD, to: .JPY)))
        }
    }
}
