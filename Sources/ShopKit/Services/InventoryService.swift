/// Stock on hand. No session needed.
public struct InventoryService: Sendable {
    let gateway: Gateway

    /// Units on hand of one product.
    /// - Throws: ``ShopError`` 404 for an unknown product.
    public func stock(productID: String) async throws(ShopError) -> StockLevel {
        try await gateway.call { StockLevel(wire: try await $0.getStock(path: .init(productId: productID)).ok.body.json) }
    }
}
