extension GatewayAPI {
    func validateCard(_ input: Operations.ValidateCard.Input) async throws -> Operations.ValidateCard.Output {
        _ = try requireShopper()
        guard case .json(let body) = input.body else { throw GatewayProblem.badRequest("Expected JSON.") }
        try reject(Self.cardLengthIssues(body, prefix: ""))
        // The body is the card itself, so field paths have no `card.` prefix.
        let card = try PaymentProcessor.validate(CardDetails(body), now: clock.now(), fieldPrefix: "")
        return .ok(
            .init(body: .json(.init(brand: card.brand.wire, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear))))
    }

    /// The contract's bounds on a card, before the payment rules look at it.
    static func cardLengthIssues(_ card: Components.Schemas.CardInput, prefix: String) -> [Issue] {
        InputRules.length(card.number, prefix + "number", min: 1, max: 40)
            + InputRules.length(card.cvv, prefix + "cvv", min: 1, max: 8)
            + InputRules.range(card.expMonth, prefix + "expMonth", 1...12)
            + InputRules.range(card.expYear, prefix + "expYear", 2000...2100)
            + InputRules.length(card.holderName, prefix + "holderName", max: 100)
    }
}

extension CardDetails {
    init(_ wire: Components.Schemas.CardInput) {
        self.init(number: wire.number, cvv: wire.cvv, expMonth: wire.expMonth, expYear: wire.expYear)
    }
}
