/// A saved postal address of an account (or the address an order ships to).
public struct Address: Sendable, Codable, Hashable, Identifiable {
    /// The address id.
    public var id: String
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
    /// ISO 3166-1 alpha-2 country code.
    public var country: String
    /// A phone number for the courier.
    public var phone: String?

    /// Creates an address value.
    public init(id: String, name: String, line1: String, line2: String? = nil, city: String,
                region: String? = nil, postalCode: String, country: String, phone: String? = nil) {
        self.id = id
        self.name = name
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.region = region
        self.postalCode = postalCode
        self.country = country
        self.phone = phone
    }

    /// The same address as editable input (to change it and save it again).
    public var input: AddressInput {
        AddressInput(name: name, line1: line1, line2: line2, city: city, region: region,
                     postalCode: postalCode, country: country, phone: phone)
    }
}
