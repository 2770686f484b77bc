/// Whether a product can be bought now: above 5 units in stock, 1 to 5 low, 0 out.
///
/// A value a newer gateway sends that this version does not know is kept as
/// ``unknown(_:)``; ``canBuy`` then leaves the decision to the gateway.
public enum Availability: OpenEnum, CaseIterable {
    /// More than 5 units on hand.
    case inStock
    /// 1 to 5 units on hand.
    case lowStock
    /// None on hand.
    case outOfStock
    /// A value this version of ShopKit does not know (the raw value as sent).
    case unknown(String)

    public static let known: [Availability] = [.inStock, .lowStock, .outOfStock]
    /// The known values (an unknown one is not a case to iterate).
    public static var allCases: [Availability] { known }

    public var knownRawValue: String? {
        switch self {
        case .inStock: "in_stock"
        case .lowStock: "low_stock"
        case .outOfStock: "out_of_stock"
        case .unknown: nil
        }
    }

    public var rawValue: String {
        if case .unknown(let raw) = self { return raw }
        return knownRawValue!
    }

    /// True unless out of stock. An unknown availability is offered: the gateway still refuses
    /// what it cannot sell, and says why.
    public var canBuy: Bool { self != .outOfStock }

    /// A short label for people: "in stock", "low stock", "out of stock", or the unknown value.
    public var displayName: String {
        switch self {
        case .inStock: "in stock"
        case .lowStock: "low stock"
        case .outOfStock: "out of stock"
        case .unknown(let raw): Availability.label(forUnknown: raw).lowercased()
        }
    }
}
