/// Card checks on the gateway (nothing is charged or stored).
///
/// For instant feedback while typing, check locally first with ``CardValidator``.
public struct PaymentService: Sendable {
    let gateway: Gateway

    /// Checks a card the way payment will: Luhn, length, brand (Visa or Mastercard), expiry.
    /// - Throws: ``ShopError`` 422 with the reason in ``ShopError/userMessage``, e.g.
    ///   "Your credit card (ending 0454) expired on 1/2024".
    public func validate(card: CardInput) async throws(ShopError) -> CardCheck {
        try await gateway.call { CardCheck(wire: try await $0.validateCard(body: .json(card.wire)).ok.body.json) }
    }
}
