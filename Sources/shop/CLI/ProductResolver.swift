import ShopKit

/// Finds a product by its id or by the short code printed on it (e.g. `LMP-01`), so people can
/// type either.
enum ProductResolver {
    static func product(_ idOrCode: String, _ context: CLIContext) async throws -> Product {
        let client = context.client
        let missing: ShopError
        do {
            return try await client.catalog.product(id: idOrCode, currency: context.currency)
        } catch {
            guard error.status == 404 else { throw error }
            missing = error
        }
        let hits = try await client.catalog.searchPage(idOrCode, currency: context.currency, limit: 50).items
        guard let hit = hits.first(where: { $0.product.code.caseInsensitiveCompare(idOrCode) == .orderedSame }) else {
            throw CLIFailure(.notFound, "no product has the id or code '\(idOrCode)'", problem: missing.problem)
        }
        return try await client.catalog.product(id: hit.product.id, currency: context.currency)
    }
}
