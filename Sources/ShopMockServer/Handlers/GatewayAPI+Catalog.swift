extension GatewayAPI {
    func listCategories(_ input: Operations.ListCategories.Input) async throws -> Operations.ListCategories.Output {
        let items = await store.categories().map { category, count in
            Components.Schemas.Category(id: category.id, name: category.name, productCount: count)
        }
        return .ok(.init(body: .json(.init(items: items))))
    }

    func listProducts(_ input: Operations.ListProducts.Input) async throws -> Operations.ListProducts.Output {
        let query = input.query
        try checkParameter(query.category, "category", max: 64)
        try checkParameter(query.cursor, "cursor", max: 200)
        let limit = try pageLimit(query.limit)
        let sort = ProductSortOrder(rawValue: query.sort?.rawValue ?? "name") ?? .name
        let currency = currency(query.currency)
        let products = await store.listProducts(
            category: query.category, inStockOnly: query.inStock ?? false, sort: sort)
        let fingerprint = PageCursor.fingerprint(
            "products", query.category ?? "", sort.rawValue, String(query.inStock ?? false))
        let page = try Page(all: products, limit: limit, cursor: query.cursor, fingerprint: fingerprint)
        return .ok(
            .init(
                body: .json(
                    .init(items: page.items.map { $0.summary(in: currency) }, nextCursor: page.nextCursor, total: page.total))))
    }

    func getProduct(_ input: Operations.GetProduct.Input) async throws -> Operations.GetProduct.Output {
        try checkParameter(input.path.productId, "productId", max: 64)
        let product = try await store.findProduct(input.path.productId)
        return .ok(.init(body: .json(product.detail(in: currency(input.query.currency)))))
    }

    func searchProducts(_ input: Operations.SearchProducts.Input) async throws -> Operations.SearchProducts.Output {
        let query = input.query
        let text = query.q.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(text.count) else { throw GatewayProblem.badRequest("q must be 1 to 200 characters.", field: "q") }
        try checkParameter(query.category, "category", max: 64)
        try checkParameter(query.cursor, "cursor", max: 200)
        let limit = try pageLimit(query.limit)
        let sort = SearchSortOrder(rawValue: query.sort?.rawValue ?? "relevance") ?? .relevance
        let currency = currency(query.currency)
        let matches = await store.search(text, category: query.category, inStockOnly: query.inStock ?? false, sort: sort)
        let fingerprint = PageCursor.fingerprint(
            "search", text.lowercased(), query.category ?? "", sort.rawValue, String(query.inStock ?? false))
        let page = try Page(all: matches, limit: limit, cursor: query.cursor, fingerprint: fingerprint)
        let hits = page.items.map { match in
            Components.Schemas.SearchHit(
                product: match.product.summary(in: currency),
                matchedIn: match.matchedIn.map { .init(rawValue: $0.rawValue)! })
        }
        return .ok(.init(body: .json(.init(items: hits, nextCursor: page.nextCursor, total: page.total))))
    }

    func getStock(_ input: Operations.GetStock.Input) async throws -> Operations.GetStock.Output {
        try checkParameter(input.path.productId, "productId", max: 64)
        let product = try await store.findProduct(input.path.productId)
        return .ok(
            .init(body: .json(.init(productId: product.id, onHand: product.stock, availability: product.availability.wire))))
    }

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

    func listRecommendations(_ input: Operations.ListRecommendations.Input) async throws -> Operations.ListRecommendations.Output {
        let ids = input.query.productIds
        guard (1...50).contains(ids.count) else {
            throw GatewayProblem.badRequest("Give 1 to 50 productIds.", field: "productIds")
        }
        for id in ids { try checkParameter(id, "productIds", max: 64) }
        let currency = currency(input.query.currency)
        let products = await store.recommendations(excluding: ids)
        return .ok(.init(body: .json(.init(items: products.map { $0.summary(in: currency) }))))
    }

    func listAds(_ input: Operations.ListAds.Input) async throws -> Operations.ListAds.Output {
        let categories = input.query.categories ?? []
        guard categories.count <= 50 else {
            throw GatewayProblem.badRequest("Give at most 50 categories.", field: "categories")
        }
        for category in categories { try checkParameter(category, "categories", max: 64) }
        let ads = await store.ads(categories: categories).map { ad in
            Components.Schemas.Ad(
                id: "ad_" + ad.product.id, text: ad.text, category: ad.product.category, productId: ad.product.id)
        }
        return .ok(.init(body: .json(.init(items: ads))))
    }
}
