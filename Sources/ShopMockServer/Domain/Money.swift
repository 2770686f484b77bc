/// An amount in minor units of a currency; never floating point.
struct Money: Codable, Hashable, Sendable {
    var amount: Int64
    var currency: Currency

    static func zero(_ currency: Currency) -> Money { Money(amount: 0, currency: currency) }

    static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "adding different currencies")
        return Money(amount: lhs.amount + rhs.amount, currency: lhs.currency)
    }

    static func * (lhs: Money, quantity: Int) -> Money {
        Money(amount: lhs.amount * Int64(quantity), currency: lhs.currency)
    }

    /// "12.34 USD", "1,480 JPY" style text for notifications.
    var displayText: String {
        if currency.minorUnits == 0 { return "\(amount) \(currency.rawValue)" }
        let units = amount / 100, cents = amount % 100
        return "\(units).\(cents < 10 ? "0" : "")\(cents) \(currency.rawValue)"
    }
}
