/// A problem with one field of a request body, e.g. `card.number`.
public struct FieldError: Sendable, Codable, Hashable {
    /// A dotted path into the request body, e.g. `"card.number"` or `"address.postalCode"`.
    public var field: String
    /// What is wrong, for people.
    public var message: String

    /// Creates a field error.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
