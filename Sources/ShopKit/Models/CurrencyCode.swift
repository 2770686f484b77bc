/// An ISO 4217 currency the gateway offers prices and payments in.
public enum CurrencyCode: String, Sendable, Codable, Hashable, CaseIterable, CustomStringConvertible {
    /// US dollar.
    case usd = "USD"
    /// Euro.
    case eur = "EUR"
    /// Canadian dollar.
    case cad = "CAD"
    /// Japanese yen (no minor unit).
    case jpy = "JPY"
    /// Pound sterling.
    case gbp = "GBP"
    /// Turkish lira.
    case `try` = "TRY"

    /// The number of digits after the decimal point (2 for most currencies, 0 for yen).
    public var minorUnits: Int {
        switch self {
        case .jpy: 0
        case .usd, .eur, .cad, .gbp, .try: 2
        }
    }

    /// The symbol shown before an amount. Fixed per currency, never taken from the locale,
    /// so "CA$" stays distinguishable from "$" whatever machine formats it.
    public var symbol: String {
        switch self {
        case .usd: "$"
        case .eur: "€"
        case .cad: "CA$"
        case .jpy: "¥"
        case .gbp: "£"
        case .try: "₺"
        }
    }

    /// The ISO 4217 code, e.g. `"USD"`.
    public var code: String { rawValue }

    /// The ISO 4217 code, e.g. `"USD"`.
    public var description: String { rawValue }

    /// Looks a currency up by its ISO code, ignoring case (`"usd"` works).
    public init?(code: String) {
        self.init(rawValue: code.uppercased())
    }
}
