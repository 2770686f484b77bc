/// Advertisements. No session needed.
public struct AdsService: Sendable {
    let gateway: Gateway

    /// Ads for the categories in view, or 2 random ones when none match (or none are given).
    public func `for`(categories: [String] = []) async throws(ShopError) -> [Ad] {
        try await gateway.call {
            try await $0.listAds(query: .init(categories: categories.isEmpty ? nil : categories))
                .ok.body.json.items.map(Ad.init(wire:))
        }
    }
}
