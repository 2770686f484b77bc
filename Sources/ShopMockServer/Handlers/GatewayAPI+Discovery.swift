extension GatewayAPI {
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
