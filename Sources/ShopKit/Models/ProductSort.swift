/// The order of a catalog listing.
public enum ProductSort: String, Sendable, Codable, Hashable, CaseIterable {
    /// By name, A to Z (the gateway's default).
    case name
    /// Cheapest first.
    case priceAscending = "price_asc"
    /// Most expensive first.
    case priceDescending = "price_desc"
    /// Best rated first.
    case rating
}
