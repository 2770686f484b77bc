/// Shipping quotes and shipment tracking.
public struct ShippingService: Sendable {
    let gateway: Gateway

    /// The shipping options for the caller's cart to an address, cheapest first.
    /// An empty cart ships for 0.
    public func quote(address: AddressInput, currency: CurrencyCode? = nil) async throws(ShopError) -> [ShippingOption] {
        try await gateway.call {
            try await $0.quoteShipping(body: .json(.init(address: address.wire, currency: currency.map(bridge))))
                .ok.body.json.options.map(ShippingOption.init(wire:))
        }
    }

    /// The tracking of a shipment of one of the caller's orders.
    /// - Throws: ``ShopError`` 404 for an unknown tracking id (or someone else's).
    public func track(trackingID: String) async throws(ShopError) -> Tracking {
        try await gateway.call { Tracking(wire: try await $0.trackShipment(path: .init(trackingId: trackingID)).ok.body.json) }
    }
}
