/// A payment card as typed at checkout.
///
/// The number and CVV are secrets: `description`, `debugDescription` and the mirror show only
/// the brand and the last 4 digits, so printing, logging, `dump` or a snapshot of a value that
/// holds a card never reveals them. It is deliberately not `Codable` either, so it cannot be
/// persisted along with app state by accident; the SDK sends it to the gateway and forgets it.
public struct CardInput: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The card number; spaces and dashes are allowed and ignored.
    public var number: String
    /// The security code on the card.
    public var cvv: String
    /// Expiry month, 1–12.
    public var expMonth: Int
    /// Expiry year, four digits.
    public var expYear: Int
    /// The name on the card.
    public var holderName: String?

    /// Creates a card.
    public init(number: String, cvv: String, expMonth: Int, expYear: Int, holderName: String? = nil) {
        self.number = number
        self.cvv = cvv
        self.expMonth = expMonth
        self.expYear = expYear
        self.holderName = holderName
    }

    /// The brand recognised from the number.
    public var brand: CardBrand { CardValidator.brand(of: number) }

    /// The last 4 digits of the number (fewer if fewer were typed).
    public var last4: String { String(CardValidator.digits(of: number).suffix(4)) }

    /// `"Visa •••• 4242"`: safe to show and to log.
    public var masked: String { "\(brand.displayName) \(CardValidator.masked(number))" }

    /// A redacted description: brand and last 4 only.
    public var description: String { "CardInput(\(masked), expires \(expMonth)/\(expYear))" }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror without the number or CVV.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "brand": brand, "last4": last4, "expMonth": expMonth, "expYear": expYear,
        ], displayStyle: .struct)
    }
}
