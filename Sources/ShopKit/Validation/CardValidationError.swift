/// Why a card cannot be used, with the same messages the gateway gives.
public enum CardValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The number fails the Luhn check, has a wrong length or contains stray characters.
    case invalidNumber
    /// A real card of a brand the gateway does not charge (only Visa and Mastercard).
    case unsupportedBrand(CardBrand)
    /// The card's expiry month is over.
    case expired(last4: String, month: Int, year: Int)
    /// The security code has the wrong number of digits for the brand.
    case invalidCVV(expectedLength: Int)
    /// The expiry month is not 1–12.
    case invalidExpiryMonth

    /// The message to show, worded as the gateway words it.
    public var message: String {
        switch self {
        case .invalidNumber:
            "Credit card info is invalid"
        case .unsupportedBrand(let brand):
            "Sorry, we cannot process \(brand.rawValue) credit cards. Only VISA or MasterCard is accepted."
        case .expired(let last4, let month, let year):
            "Your credit card (ending \(last4)) expired on \(month)/\(year)"
        case .invalidCVV(let expectedLength):
            "The security code must be \(expectedLength) digits."
        case .invalidExpiryMonth:
            "The expiry month must be 1 to 12."
        }
    }

    /// Same as ``message``.
    public var description: String { message }

    /// The field of a checkout form the problem belongs to (`"card.number"`, `"card.cvv"`, …),
    /// matching the gateway's field-error paths.
    public var field: String {
        switch self {
        case .invalidNumber, .unsupportedBrand: "card.number"
        case .expired, .invalidExpiryMonth: "card.expMonth"
        case .invalidCVV: "card.cvv"
        }
    }
}
