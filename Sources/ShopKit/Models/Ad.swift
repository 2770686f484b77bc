/// A short advertisement leading to a product.
public struct Ad: Sendable, Codable, Hashable, Identifiable {
    /// The ad id.
    public var id: String
    /// The text to show.
    public var text: String
    /// The category it was chosen for.
    public var category: String
    /// The product it leads to.
    public var productID: String

    /// Creates an ad.
    public init(id: String, text: String, category: String, productID: String) {
        self.id = id
        self.text = text
        self.category = category
        self.productID = productID
    }
}
