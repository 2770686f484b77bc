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
        let fingerprint = PageCursor.fingerprint(
            "products", query.category ?? "", sort.rawValue, String(query.inStock ?? false))
        let offset = try Page<Product>.offset(of: query.cursor, fingerprint: fingerprint)
        let listed = await store.listProducts(
            category: query.category, inStockOnly: query.inStock ?? false, sort: sort, offset: offset, limit: limit)
        let page = Page(items: listed.items, offset: min(offset, listed.total), total: listed.total, fingerprint: fingerprint)
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
        let fingerprint = PageCursor.fingerprint(
            "search", text.lowercased(), query.category ?? "", sort.rawValue, String(query.inStock ?? false))
        let offset = try Page<SearchMatch>.offset(of: query.cursor, fingerprint: fingerprint)
        let found = await store.search(
            text, category: query.category, inStockOnly: query.inStock ?? false, sort: sort, offset: offset, limit: limit)
        let page = Page(items: found.items, offset: min(offset, found.total), total: found.total, fingerprint: fingerprint)
        let hits = page.items.map { match in
            Components.Schemas.SearchHit(
                product: match.product.summary(in: currency),
                matchedIn: match.matchedIn.map { .init(rawValue: $0.rawValue)! })
        }
        return .ok(
            .init(body: .json(.init(items: hits, nextCursor: page.nextCursor, total: page.total, suggestion: found.suggestion))))
    }

    func getStock(_ input: Operations.GetStock.Input) async throws -> Operations.GetStock.Output {
        try checkParameter(input.path.productId, "productId", max: 64)
        let product = try await store.findProduct(input.path.productId)
        return .ok(
            .init(body: .json(.init(productId: product.id, onHand: product.stock, availability: product.availability.wire))))
    }
}
