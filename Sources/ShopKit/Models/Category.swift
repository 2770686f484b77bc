/// A catalog category with the number of products in it.
public struct Category: Sendable, Codable, Hashable, Identifiable {
    /// The category id, used to filter products.
    public var id: String
    /// The display name.
    public var name: String
    /// Products in the category.
    public var productCount: Int

    /// Creates a category value.
    public init(id: String, name: String, productCount: Int) {
        self.id = id
        self.name = name
        self.productCount = productCount
    }
}
