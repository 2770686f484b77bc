/// A currency the gateway offers, with its exchange rate.
public struct Currency: Sendable, Codable, Hashable, Identifiable {
    /// The ISO code.
    public var code: CurrencyCode
    /// The English name, e.g. "Japanese Yen".
    public var name: String
    /// Digits after the decimal point (JPY: 0).
    public var minorUnits: Int
    /// Units per 1 EUR as the gateway's exact decimal string, e.g. `"126.40"`.
    /// Kept as text so no precision is lost on the way through floating point.
    public var perEuro: String

    /// The code identifies the currency.
    public var id: CurrencyCode { code }

    /// Creates a currency description.
    public init(code: CurrencyCode, name: String, minorUnits: Int, perEuro: String) {
        self.code = code
        self.name = name
        self.minorUnits = minorUnits
        self.perEuro = perEuro
    }
}
