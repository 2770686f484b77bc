/// Converts between offered currencies through EUR, exactly.
///
/// The whole conversion is one rational number,
/// `amount × rate(to) × 10^minor(to) / (rate(from) × 10^minor(from))`, computed in 128-bit
/// integers (the rates have at most four decimals), then rounded once, half to even, to the
/// target's minor unit. No intermediate rounding, no floating point.
enum CurrencyConverter {
    static func convert(_ amount: Int64, from: Currency, to: Currency) -> Int64 {
        if from == to { return amount }
        let numerator = Int128(amount) * to.perEuroTenThousandths * power10(to.minorUnits)
        let denominator = from.perEuroTenThousandths * power10(from.minorUnits)
        return Int64(divideRoundingHalfToEven(numerator, denominator))
    }

    static func convert(_ money: Money, to: Currency) -> Money {
        Money(amount: convert(money.amount, from: money.currency, to: to), currency: to)
    }

    /// `numerator / denominator` rounded half to even (denominator > 0).
    static func divideRoundingHalfToEven(_ numerator: Int128, _ denominator: Int128) -> Int128 {
        let negative = numerator < 0
        let magnitude = negative ? -numerator : numerator
        var quotient = magnitude / denominator
        let twiceRemainder = (magnitude % denominator) * 2
        if twiceRemainder > denominator || (twiceRemainder == denominator && quotient % 2 == 1) {
            quotient += 1
        }
        return negative ? -quotient : quotient
    }

    private static func power10(_ exponent: Int) -> Int128 {
        (0..<exponent).reduce(Int128(1)) { value, _ in value * 10 }
    }
}
