/// A postal address as typed by a person, before it is saved (or used once at checkout).
public struct AddressInput: Sendable, Codable, Hashable {
    /// The recipient.
    public var name: String
    /// Street and number.
    public var line1: String
    /// Apartment, suite, etc.
    public var line2: String?
    /// City.
    public var city: String
    /// State, province or region.
    public var region: String?
    /// Postal code.
    public var postalCode: String
    /// ISO 3166-1 alpha-2 country code, e.g. `"US"`.
    public var country: String
    /// A phone number for the courier.
    public var phone: String?

    /// Creates an address.
    public init(name: String, line1: String, line2: String? = nil, city: String, region: String? = nil,
                postalCode: String, country: String, phone: String? = nil) {
        self.name = name
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.region = region
        self.postalCode = postalCode
        self.country = country
        self.phone = phone
    }
}
