/// The currencies the gateway prices and charges in (Online Boutique's set).
enum Currency: String, CaseIterable, Codable, Sendable {
    case USD, EUR, CAD, JPY, GBP, TRY

    var name: String {
        switch self {
        case .USD: "US Dollar"
        case .EUR: "Euro"
        case .CAD: "Canadian Dollar"
        case .JPY: "Japanese Yen"
        case .GBP: "Pound Sterling"
        case .TRY: "Turkish Lira"
        }
    }

    /// Digits after the decimal point (ISO 4217).
    var minorUnits: Int { self == .JPY ? 0 : 2 }

    /// Units per 1 EUR, scaled by 10^4 so the rates are exact integers.
    var perEuroTenThousandths: Int128 {
        switch self {
        case .EUR: 10_000
        case .USD: 11_305
        case .CAD: 15_128
        case .JPY: 1_264_000
        case .GBP: 8_597
        case .TRY: 61_247
        }
    }

    /// The rate as the decimal string the contract shows.
    var perEuroText: String {
        switch self {
        case .EUR: "1.0"
        case .USD: "1.1305"
        case .CAD: "1.5128"
        case .JPY: "126.40"
        case .GBP: "0.85970"
        case .TRY: "6.1247"
        }
    }
}
