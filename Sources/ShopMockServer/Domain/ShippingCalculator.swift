import Foundation

/// Online Boutique's flat shipping, plus an express option.
enum ShippingCalculator {
    private static let plans: [(ShippingOptionKind, String, Int64, Int, Int)] = [
        (.standard, "Standard shipping", 899, 5, 7),
        (.express, "Express shipping", 2499, 1, 2),
    ]

    /// The options, cheapest first; an empty cart ships for 0.
    static func quote(itemCount: Int, currency: Currency, now: Date) -> [ShippingChoice] {
        plans.map { kind, name, usdCents, minDays, maxDays in
            let cost = itemCount == 0 ? 0 : CurrencyConverter.convert(usdCents, from: .USD, to: currency)
            return ShippingChoice(
                option: kind, name: name, cost: Money(amount: cost, currency: currency),
                minDays: minDays, maxDays: maxDays,
                estimatedDelivery: now.addingTimeInterval(Double(maxDays) * 86_400))
        }
    }
}
