import ShopKit
import Testing

@Suite("Money")
struct MoneyTests {
    @Test("formats each offered currency with its symbol and minor digits", arguments: [
        (Money(amount: 1999, currency: .usd), "$19.99"),
        (Money(amount: 1768, currency: .eur), "€17.68"),
        (Money(amount: 2263, currency: .jpy), "¥2,263"),
        (Money(amount: 2675, currency: .cad), "CA$26.75"),
        (Money(amount: 1520, currency: .gbp), "£15.20"),
        (Money(amount: 10830, currency: .try), "₺108.30"),
        (Money(amount: 0, currency: .usd), "$0.00"),
        (Money(amount: 5, currency: .usd), "$0.05"),
        (Money(amount: 123_456_789, currency: .usd), "$1,234,567.89"),
        (Money(amount: 1_000_000, currency: .jpy), "¥1,000,000"),
        (Money(amount: 999, currency: .jpy), "¥999"),
        (Money(amount: -500, currency: .gbp), "-£5.00"),
    ])
    func formatting(money: Money, expected: String) {
        #expect(money.formatted == expected)
        #expect("\(money)" == expected)
    }

    @Test func decimalStringHasNoSymbolOrGrouping() {
        #expect(Money(amount: 123_456, currency: .usd).decimalString == "1234.56")
        #expect(Money(amount: 2263, currency: .jpy).decimalString == "2263")
        #expect(Money(amount: -7, currency: .eur).decimalString == "-0.07")
    }

    @Test func arithmeticStaysInMinorUnits() {
        let price = Money(amount: 1999, currency: .usd)
        #expect(price * 3 == Money(amount: 5997, currency: .usd))
        #expect(price + Money(major: 8, minor: 99, currency: .usd) == Money(amount: 2898, currency: .usd))
        #expect(price - Money(amount: 999, currency: .usd) == Money(amount: 1000, currency: .usd))
        #expect(-price == Money(amount: -1999, currency: .usd))
        var total = Money.zero(.eur)
        total += Money(amount: 10, currency: .eur)
        total -= Money(amount: 3, currency: .eur)
        #expect(total.amount == 7)
        #expect(Money.sum([price, price], in: .usd).amount == 3998)
        #expect(Money.sum([], in: .jpy) == .zero(.jpy))
        #expect(Money(amount: 1, currency: .usd) < price)
        #expect(Money(major: 5, currency: .jpy).amount == 5)
    }

    @Test func currencyCodesKnowTheirMinorUnits() {
        #expect(CurrencyCode.jpy.minorUnits == 0)
        #expect(CurrencyCode.allCases.filter { $0 != .jpy }.allSatisfy { $0.minorUnits == 2 })
        #expect(CurrencyCode(code: "try") == .try)
        #expect(CurrencyCode.allCases.map(\.code) == ["USD", "EUR", "CAD", "JPY", "GBP", "TRY"])
    }

    @Test func codableRoundTrip() throws {
        let money = Money(amount: 2263, currency: .jpy)
        let data = try JSONEncoder().encode(money)
        #expect(String(decoding: data, as: UTF8.self).contains("\"JPY\""))
        #expect(try JSONDecoder().decode(Money.self, from: data) == money)
    }
}

import Foundation
