/// The currencies prices can be shown and paid in. No session needed.
public struct CurrencyService: Sendable {
    let gateway: Gateway

    /// The offered currencies with their rates per euro.
    public func list() async throws(ShopError) -> [Currency] {
        try await gateway.call { try await $0.listCurrencies().ok.body.json.items.map(Currency.init(wire:)) }
    }

    /// Converts an amount (via EUR, rounding half-to-even to the target's minor unit).
    public func convert(_ money: Money, to target: CurrencyCode) async throws(ShopError) -> Money {
        try await gateway.call {
            Money(wire: try await $0.convertCurrency(query: .init(
                amount: money.amount, from: bridge(money.currency), to: bridge(target))).ok.body.json)
        }
    }
}
