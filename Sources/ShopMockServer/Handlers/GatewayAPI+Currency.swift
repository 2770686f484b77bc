extension GatewayAPI {
    func listCurrencies(_ input: Operations.ListCurrencies.Input) async throws -> Operations.ListCurrencies.Output {
        let items = Currency.allCases.map { currency in
            Components.Schemas.Currency(
                code: currency.wire, name: currency.name, minorUnits: currency.minorUnits, perEuro: currency.perEuroText)
        }
        return .ok(.init(body: .json(.init(items: items))))
    }

    func convertCurrency(_ input: Operations.ConvertCurrency.Input) async throws -> Operations.ConvertCurrency.Output {
        let query = input.query
        guard (0...1_000_000_000_000).contains(query.amount) else {
            throw GatewayProblem.badRequest("amount must be between 0 and 1000000000000.", field: "amount")
        }
        let converted = CurrencyConverter.convert(query.amount, from: Currency(query.from), to: Currency(query.to))
        return .ok(.init(body: .json(Money(amount: converted, currency: Currency(query.to)).wire)))
    }
}
