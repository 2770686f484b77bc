import Foundation

/// A product as the gateway keeps it: prices in US cents, stock on hand.
struct Product: Codable, Hashable, Sendable {
    var id: String
    var code: String
    var name: String
    var description: String
    var category: String
    var priceUsdCents: Int64
    var stock: Int
    var rating: Double
    var ratingCount: Int
    var updatedAt: Date

    var availability: Availability { Availability(stock: stock) }
    var priceUsd: Money { Money(amount: priceUsdCents, currency: .USD) }
}

/// How a shopper should read a stock level.
enum Availability: String, Codable, Sendable {
    case inStock = "in_stock"
    case lowStock = "low_stock"
    case outOfStock = "out_of_stock"

    /// 0 is out of stock, 1...5 is low, more is in stock.
    init(stock: Int) {
        switch stock {
        case ...0: self = .outOfStock
        case 1...5: self = .lowStock
        default: self = .inStock
        }
    }
}

/// A category of the catalog.
struct CategoryInfo: Codable, Hashable, Sendable {
    var id: String
    var name: String
}
