import ShopFlows
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
        // The contract looks products up by id only; codes are found in the listing (a page or two).
        let currency = context.currency
        let listing = try await PagingToEnd.collect(limit: nil) { cursor, limit throws(ShopError) in
            try await client.catalog.productsPage(currency: currency, cursor: cursor, limit: limit)
        }
        guard let match = listing.items.first(where: { $0.code.caseInsensitiveCompare(idOrCode) == .orderedSame }) else {
            throw CLIFailure(.notFound, "no product has the id or code '\(idOrCode)'", problem: missing.problem)
        }
        return try await client.catalog.product(id: match.id, currency: currency)
    }
}
