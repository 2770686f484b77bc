/// The gateway's verdict on a card it accepts: what it is, without the secrets.
public struct CardCheck: Sendable, Codable, Hashable {
    /// The brand (always an accepted one).
    public var brand: CardBrand
    /// The last 4 digits.
    public var last4: String
    /// Expiry month.
    public var expMonth: Int
    /// Expiry year.
    public var expYear: Int

    /// Creates a card check.
    public init(brand: CardBrand, last4: String, expMonth: Int, expYear: Int) {
        self.brand = brand
        self.last4 = last4
        self.expMonth = expMonth
        self.expYear = expYear
    }
}
