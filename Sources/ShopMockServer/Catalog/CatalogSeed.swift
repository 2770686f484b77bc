/// A catalog file's categories and products, checked (``CatalogLoader``): what an empty
/// database is seeded with.
///
/// Not a ``ProductCatalog``: building one computes every product's search keys, most of a
/// 100k-product start-up, and the store builds its catalog once, from the database's rows.
struct CatalogSeed: Sendable {
    var categories: [CategoryInfo]
    var products: [Product]

    /// A category's name as the file gives it (validation ensures every product's category is listed).
    func categoryNames() -> [String: String] {
        Dictionary(categories.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
