/// A value the contract lists as an enum but that a newer gateway may extend: a value this
/// client does not know is kept as `unknown(raw)` instead of failing the whole answer, so a
/// newer gateway never breaks an older client.
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
    /// The values this version of ShopKit knows, in the contract's order.
    static var known: [Self] { get }
    /// Wraps a raw value this version does not know.
    static func unknown(_ raw: String) -> Self
    /// The raw value of a known case.
    var knownRawValue: String? { get }
}

extension OpenEnum {
    public init(rawValue: String) {
        self = Self.parse(rawValue)
    }

    public init(from decoder: any Decoder) throws {
        self = Self.parse(try decoder.singleValueContainer().decode(String.self))
    }

    /// The known case with this raw value, or `unknown(raw)`.
    static func parse(_ raw: String) -> Self {
        Self.known.first { $0.knownRawValue == raw } ?? .unknown(raw)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// False for a value this version of ShopKit does not know.
    public var isKnown: Bool { knownRawValue != nil }

    public var description: String { rawValue }

    /// A label for a raw value nobody wrote one for: `"pre_order"` reads "Pre order". Untrusted
    /// text: the app still sanitises it before it reaches a cell.
    static func label(forUnknown raw: String) -> String {
        let words = raw.prefix(40).replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        guard let first = words.first else { return "Unknown" }
        return first.uppercased() + words.dropFirst()
    }
}
