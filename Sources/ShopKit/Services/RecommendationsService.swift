/// Products to suggest. No session needed.
public struct RecommendationsService: Sendable {
    let gateway: Gateway

    /// Up to 5 products not among `productIDs` (e.g. what is in view or in the cart), same
    /// category first.
    public func `for`(productIDs: [String], currency: CurrencyCode? = nil) async throws(ShopError) -> [ProductSummary] {
        try await gateway.call {
            try await $0.listRecommendations(query: .init(productIds: productIDs, currency: currency.map(bridge)))
                .ok.body.json.items.map(ProductSummary.init(wire:))
        }
    }
}
