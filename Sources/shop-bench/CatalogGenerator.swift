import Foundation

/// Synthetic catalogs in the documented `--catalog` JSON shape (see CatalogFile), so the
/// gateway and the client can be measured at 1k, 10k and 100k products.
enum CatalogGenerator {
    static let categories: [(id: String, name: String)] = [
        ("kitchen", "Kitchen"), ("home", "Home & Living"), ("clothing", "Clothing"), ("accessories", "Accessories"),
        ("electronics", "Electronics"), ("outdoors", "Outdoors"), ("books", "Books & Stationery"),
        ("beauty", "Beauty & Care"), ("toys", "Toys & Games"),
    ]
    static let adjectives = ["Classic", "Compact", "Deluxe", "Rustic", "Modern", "Vintage", "Sturdy", "Light", "Smart", "Cosy",
                             "Bright", "Quiet", "Travel", "Pocket", "Grand", "Mini"]
    static let nouns = ["Lamp", "Kettle", "Backpack", "Notebook", "Scarf", "Mug", "Speaker", "Tent", "Puzzle", "Brush",
                        "Chair", "Jacket", "Bottle", "Clock", "Candle", "Blanket", "Camera", "Board", "Pan", "Towel"]
    static let words = ["durable", "recycled", "oak", "steel", "cotton", "wool", "ceramic", "glass", "warm", "soft", "handmade",
                        "waterproof", "foldable", "quiet", "bright", "everyday", "gift", "classic", "travel", "kitchen"]

    /// Product `index` of a catalog; deterministic, so every run sees the same data.
    static func product(_ index: Int) -> [String: Any] {
        var seed = UInt64(truncatingIfNeeded: index) &* 6364136223846793005 &+ 1442695040888963407
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        let category = categories[index % categories.count]
        let name = "\(adjectives[next() % adjectives.count]) \(nouns[next() % nouns.count]) \(index)"
        let description = (0..<24).map { _ in words[next() % words.count] }.joined(separator: " ") + "."
        return [
            "id": String(format: "g%06d", index), "code": String(format: "GEN-%06d", index), "name": name,
            "description": description, "category": category.id, "priceUsd": 199 + next() % 20_000,
            "stock": next() % 60, "rating": Double(next() % 51) / 10, "ratingCount": next() % 5000,
        ]
    }

    static func data(count: Int) throws -> Data {
        let file: [String: Any] = [
            "categories": categories.map { ["id": $0.id, "name": $0.name] },
            "products": (0..<count).map(product),
        ]
        return try JSONSerialization.data(withJSONObject: file)
    }

    /// Writes (or reuses) `shop-catalog-<count>.json` under `directory`.
    static func file(count: Int, directory: URL = FileManager.default.temporaryDirectory) throws -> URL {
        let url = directory.appendingPathComponent("shop-catalog-\(count).json")
        if !FileManager.default.fileExists(atPath: url.path) {
            try data(count: count).write(to: url, options: .atomic)
        }
        return url
    }
}
