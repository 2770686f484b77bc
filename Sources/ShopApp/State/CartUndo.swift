/// The last change to a cart line, kept so `u` can put the line back as it was.
public struct CartUndo: Equatable, Sendable {
    public var productID: String
    public var name: String
    /// The quantity before the change (0: the line was not in the cart).
    public var quantity: Int
    /// The quantity the change left.
    public var changedTo: Int

    public init(productID: String, name: String, quantity: Int, changedTo: Int) {
        self.productID = productID
        self.name = name
        self.quantity = quantity
        self.changedTo = changedTo
    }
}
