import Foundation
import ShopKit

/// Searches, fills a cart, signs up, orders, pages through the orders and tracks the last one:
/// what a small tool on ShopKit does, written once so the tool and its tests share it.
public struct ShopTour: Sendable {
    public let client: ShopClient
    public let say: @Sendable (String) -> Void

    public init(client: ShopClient, say: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.client = client
        self.say = say
    }

    /// The cheapest in-stock hit of `query`, looking at the first `pages` pages of results.
    public func cheapest(_ query: String, pages: Int = 2) async throws(ShopError) -> ProductSummary? {
        var page: Page<SearchHit>? = try await client.catalog.searchPage(query, inStock: true, limit: 10)
        var best: ProductSummary?
        for _ in 0..<pages {
            guard let current = page else { break }
            for hit in current.items where best.map({ hit.product.price.amount < $0.price.amount }) ?? true {
                best = hit.product
            }
            page = try await current.next()
        }
        return best
    }

    /// Orders the cheapest hit of `query` for a new account; answers the order, or `nil` when
    /// nothing matched or the card was refused.
    public func buy(_ query: String, email: String, card: CardInput) async throws(ShopError) -> Order? {
        guard let product = try await cheapest(query) else {
            say("Nothing in stock matches \"\(query)\".")
            return nil
        }
        let cart = try await client.cart.add(productID: product.id)
        say("Cart: \(cart.itemCount) × \(product.name), \(cart.subtotal.formatted)")
        try await client.sessions.register(email: email, password: "correct horse battery", name: "Shop Tool")
        let address = AddressInput(name: "Shop Tool", line1: "1 Loopback Way", city: "Springfield",
                                   region: "IL", postalCode: "62701", country: "US")
        do {
            let placed = try await client.checkout.placeOrder(PlaceOrderRequest(email: email, address: address, card: card))
            say("Ordered \(placed.order.id): \(placed.order.total.formatted), \(placed.order.status.displayName)")
            return placed.order
        } catch {
            // (`catch where` on a typed error crashes Swift 6.3.1's SILGen; hence the guard.)
            guard error.isPaymentRefused else { throw error }
            say("Card refused (\(error.problemCode?.rawValue ?? "?")): \(error.localizedDescription)")
            return nil
        }
    }

    /// Prints every order of the account and the tracking of `order`.
    public func report(tracking order: Order) async throws(ShopError) {
        let orders = try await client.orders.listPage(limit: 5)
        say("\(orders.total ?? orders.items.count) order(s):")
        for try await summary in client.orders.list(pageSize: 5) {
            say("  \(summary.id)  \(summary.total.formatted)  \(summary.status.displayName)")
        }
        let tracking = try await client.orders.tracking(orderID: order.id)
        say("Tracking \(tracking.trackingID): \(tracking.status.displayName), \(tracking.events.count) event(s)")
    }
}
