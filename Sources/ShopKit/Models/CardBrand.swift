/// A card network, recognised from the leading digits of a card number.
///
/// The gateway accepts only ``visa`` and ``mastercard``; the others exist so a checkout form
/// can tell the person what they typed before sending it.
public enum CardBrand: String, Sendable, Codable, Hashable, CaseIterable, CustomStringConvertible {
    /// Visa (starts with 4).
    case visa
    /// Mastercard (51–55, 2221–2720).
    case mastercard
    /// American Express (34, 37).
    case amex
    /// Discover (6011, 644–649, 65).
    case discover
    /// Not recognised (yet).
    case unknown

    /// True for the brands the gateway can charge.
    public var isAccepted: Bool { self == .visa || self == .mastercard }

    /// The display name, e.g. "Mastercard".
    public var displayName: String {
        switch self {
        case .visa: "Visa"
        case .mastercard: "Mastercard"
        case .amex: "American Express"
        case .discover: "Discover"
        case .unknown: "Card"
        }
    }

    /// Same as ``displayName``.
    public var description: String { displayName }
}
