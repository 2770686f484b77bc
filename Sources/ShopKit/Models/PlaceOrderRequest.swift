/// What checkout needs to turn the caller's cart into an order.
///
/// Ship either to a saved address (``addressID``) or to an address typed at checkout
/// (``address``). Like ``CardInput``, it is not `Codable` and its description hides the card.
public struct PlaceOrderRequest: Sendable, Hashable, CustomStringConvertible {
    /// Where the confirmation goes.
    public var email: String
    /// A saved address of the account; set this or ``address``.
    public var addressID: String?
    /// An address typed at checkout; set this or ``addressID``.
    public var address: AddressInput?
    /// How to ship.
    public var shippingOption: ShippingOptionID
    /// The card to charge.
    public var card: CardInput
    /// The currency to price and charge in (the gateway's default is USD).
    public var currency: CurrencyCode?

    /// Ships to an address typed at checkout (guests do this).
    public init(email: String, address: AddressInput, shippingOption: ShippingOptionID = .standard,
                card: CardInput, currency: CurrencyCode? = nil) {
        self.email = email
        self.address = address
        self.addressID = nil
        self.shippingOption = shippingOption
        self.card = card
        self.currency = currency
    }

    /// Ships to a saved address of the signed-in account.
    public init(email: String, savedAddressID: String, shippingOption: ShippingOptionID = .standard,
                card: CardInput, currency: CurrencyCode? = nil) {
        self.email = email
        self.address = nil
        self.addressID = savedAddressID
        self.shippingOption = shippingOption
        self.card = card
        self.currency = currency
    }

    /// A description with the card redacted.
    public var description: String {
        "PlaceOrderRequest(email: \(email), shipping: \(shippingOption.rawValue), card: \(card.masked), "
            + "currency: \(currency?.rawValue ?? "default"))"
    }
}
