/// The order of search results.
public enum SearchSort: String, Sendable, Codable, Hashable, CaseIterable {
    /// Name matches first, then description, then category (the gateway's default).
    case relevance
    /// Cheapest first.
    case priceAscending = "price_asc"
    /// Most expensive first.
    case priceDescending = "price_desc"
    /// Best rated first.
    case rating
}
