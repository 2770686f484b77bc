import Foundation

/// The JSON shape of a catalog file (the bundled seed and `--catalog FILE` alike).
///
/// ```json
/// { "categories": [{ "id": "kitchen", "name": "Kitchen" }],
///   "products": [{ "id": "…", "code": "…", "name": "…", "description": "…", "category": "kitchen",
///                  "priceUsd": 1999, "stock": 12, "rating": 4.5, "ratingCount": 87 }] }
/// ```
struct CatalogFile: Codable, Sendable {
    struct Entry: Codable, Sendable {
        var id: String
        var code: String
        var name: String
        var description: String
        var category: String
        /// US cents.
        var priceUsd: Int64
        var stock: Int
        var rating: Double?
        var ratingCount: Int?
    }

    var categories: [CategoryInfo]
    var products: [Entry]
}

/// Why a catalog file could not be used; the message names the file and the fault.
public struct CatalogLoadError: Error, CustomStringConvertible, Sendable {
    /// The file that was read (or "the bundled catalog").
    public let file: String
    /// What is wrong with it.
    public let reason: String

    public var description: String { "Cannot load catalog \(file): \(reason)" }
}
