/// An amount of money: integer minor units (cents; yen have none) in one currency.
///
/// Money never goes through floating point. Formatting is deterministic and independent
/// of the locale: `"$19.99"`, `"€17.68"`, `"¥2,263"`, `"CA$22.60"`, `"£1,000.00"`, `"₺5.00"`.
public struct Money: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    /// The amount in minor units of ``currency`` (1999 is 19.99 USD; 2263 is ¥2,263).
    public var amount: Int64
    /// The currency of ``amount``.
    public var currency: CurrencyCode

    /// Creates an amount from minor units.
    public init(amount: Int64, currency: CurrencyCode) {
        self.amount = amount
        self.currency = currency
    }

    /// Creates an amount from whole units plus minor units, e.g. `Money(major: 19, minor: 99, currency: .usd)`.
    public init(major: Int64, minor: Int64 = 0, currency: CurrencyCode) {
        self.init(amount: major * Money.scale(of: currency) + minor, currency: currency)
    }

    /// Zero in a currency; the start of a sum.
    public static func zero(_ currency: CurrencyCode) -> Money {
        Money(amount: 0, currency: currency)
    }

    /// True when the amount is 0.
    public var isZero: Bool { amount == 0 }

    /// The amount as a plain decimal string without symbol or grouping, e.g. `"19.99"`, `"2263"`.
    public var decimalString: String {
        render(grouped: false)
    }

    /// The amount for people: symbol, thousands grouped with commas, the currency's minor digits.
    /// A negative amount puts the sign first: `"-$5.00"`.
    public var formatted: String {
        let digits = render(grouped: true)
        return amount < 0 ? "-" + currency.symbol + digits.dropFirst() : currency.symbol + digits
    }

    /// Same as ``formatted``.
    public var description: String { formatted }

    // MARK: Arithmetic (same currency only; mixing currencies is a programming error)

    /// Adds two amounts of the same currency.
    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "Cannot add \(rhs.currency) to \(lhs.currency)")
        return Money(amount: saturating(lhs.amount.addingReportingOverflow(rhs.amount), positive: rhs.amount > 0),
                     currency: lhs.currency)
    }

    /// Subtracts an amount of the same currency.
    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "Cannot subtract \(rhs.currency) from \(lhs.currency)")
        return Money(amount: saturating(lhs.amount.subtractingReportingOverflow(rhs.amount), positive: rhs.amount < 0),
                     currency: lhs.currency)
    }

    /// Multiplies by a quantity, e.g. a unit price times the units in a cart line.
    public static func * (lhs: Money, quantity: Int) -> Money {
        let product = lhs.amount.multipliedReportingOverflow(by: Int64(quantity))
        return Money(amount: saturating(product, positive: (lhs.amount < 0) == (quantity < 0)), currency: lhs.currency)
    }

    /// Amounts come from the gateway: an absurd one (a faulty or hostile answer) saturates at the
    /// Int64 bounds instead of trapping, so it can be shown as nonsense but cannot crash the app.
    private static func saturating(_ result: (partialValue: Int64, overflow: Bool), positive: Bool) -> Int64 {
        guard result.overflow else { return result.partialValue }
        return positive ? .max : .min
    }

    /// Adds in place.
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }

    /// Subtracts in place.
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }

    /// The negated amount.
    public static prefix func - (value: Money) -> Money {
        Money(amount: value.amount == .min ? .max : -value.amount, currency: value.currency)
    }

    /// Orders amounts of the same currency by value.
    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "Cannot compare \(lhs.currency) with \(rhs.currency)")
        return lhs.amount < rhs.amount
    }

    /// The sum of amounts in one currency; zero of `currency` for an empty sequence.
    public static func sum(_ amounts: some Sequence<Money>, in currency: CurrencyCode) -> Money {
        amounts.reduce(.zero(currency), +)
    }

    // MARK: Rendering

    private static func scale(of currency: CurrencyCode) -> Int64 {
        var scale: Int64 = 1
        for _ in 0..<currency.minorUnits { scale *= 10 }
        return scale
    }

    /// Renders `-?major[.minor]`, grouping the major digits in threes when asked.
    private func render(grouped: Bool) -> String {
        let scale = Money.scale(of: currency)
        let magnitude = amount.magnitude
        let major = String(magnitude / UInt64(scale))
        var text = grouped ? Money.groupThousands(major) : major
        if currency.minorUnits > 0 {
            let minor = String(magnitude % UInt64(scale))
            text += "." + String(repeating: "0", count: currency.minorUnits - minor.count) + minor
        }
        return amount < 0 ? "-" + text : text
    }

    private static func groupThousands(_ digits: String) -> String {
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
