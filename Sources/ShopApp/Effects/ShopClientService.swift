import Foundation
import ShopFlows
import ShopKit

/// `ShopService` on top of ShopKit's `ShopClient`: the one place the app talks to the SDK.
/// ShopKit's errors become `ServiceFailure`s the reducer understands.
public struct ShopClientService: ShopService {
    public let client: ShopClient

    public init(client: ShopClient) {
        self.client = client
    }

    private func call<Value>(_ body: () async throws(ShopError) -> Value) async throws(ServiceFailure) -> Value {
        do {
            return try await body()
        } catch {
            throw Self.failure(from: error)
        }
    }

    /// How a ShopKit error reads to the app.
    public static func failure(from error: ShopError) -> ServiceFailure {
        // What each error means is ShopFlows' rule, shared with the command line.
        let kind: ServiceFailure.Kind = switch FailureKind(error) {
        case .unreachable: .network
        case .unavailable: .unavailable
        case .signInNeeded: .unauthorized
        case .paymentRefused: .paymentDeclined
        case .notFound: .notFound
        case .conflict: .conflict
        case .invalidInput: .validation
        case .other: .other
        }
        guard case .server(let problem) = error else { return ServiceFailure(kind: kind, message: error.userMessage) }
        var fields: [String: String] = [:]
        for field in problem.fieldErrors where fields[field.field] == nil { fields[field.field] = field.message }
        // A rate limit reads as ShopKit words it, with the wait ("Try again in 30 s.").
        let message = error.isRateLimited ? error.userMessage : problem.detail.flatMap { $0.isEmpty ? nil : $0 } ?? error.userMessage
        return ServiceFailure(kind: kind, message: message, fieldErrors: fields, productID: problem.productID, available: problem.available)
    }

    public func currentUser() async throws -> User {
        // The profile call starts a guest session when there is none. ShopKit starts it once
        // even when the cart and inbox ask at the same moment, so all share one guest.
        try await call { () async throws(ShopError) in try await client.account.profile() }
    }

    public func signIn(email: String, password: String) async throws -> User {
        try await call { () async throws(ShopError) in try await AccountSignIn.signIn(client, email: email, password: password).user }
    }

    public func register(email: String, password: String, name: String) async throws -> User {
        try await call { () async throws(ShopError) in try await AccountSignIn.signIn(client, email: email, password: password, registeringAs: name).user }
    }

    public func signOut() async throws -> User {
        try await call { () async throws(ShopError) -> User in
            try await client.sessions.signOut()
            return try await client.account.profile()  // a fresh guest
        }
    }

    public func categories() async throws -> [ShopKit.Category] {
        try await call { () async throws(ShopError) in try await client.catalog.categories() }
    }

    public func products(categoryID: String?, cursor: String?, currency: CurrencyCode) async throws -> Page<ProductSummary> {
        try await call { () async throws(ShopError) in
            try await client.catalog.productsPage(category: categoryID, currency: currency, cursor: cursor, limit: 20)
        }
    }

    public func product(id: String, currency: CurrencyCode) async throws -> Product {
        try await call { () async throws(ShopError) in try await client.catalog.product(id: id, currency: currency) }
    }

    public func recommendations(for productID: String, currency: CurrencyCode) async throws -> [ProductSummary] {
        try await call { () async throws(ShopError) in try await client.recommendations.for(productIDs: [productID], currency: currency) }
    }

    public func ads(categories: [String]) async throws -> [Ad] {
        try await call { () async throws(ShopError) in try await client.ads.for(categories: categories) }
    }

    public func search(_ query: SearchQuery, cursor: String?) async throws -> SearchResults {
        try await call { () async throws(ShopError) -> SearchResults in
            let page = try await client.catalog.searchPage(query.text, category: query.categoryID, inStock: query.inStockOnly ? true : nil,
                                                           sort: query.sort, currency: query.currency, cursor: cursor, limit: 50)
            return SearchResults(hits: page.items, total: page.total ?? page.items.count, nextCursor: page.nextCursor,
                                 suggestion: page.suggestion, skipped: page.skipped)
        }
    }

    public func cart(currency: CurrencyCode) async throws -> Cart {
        try await call { () async throws(ShopError) in try await client.cart.get(currency: currency) }
    }

    public func addToCart(productID: String, quantity: Int, currency: CurrencyCode) async throws -> Cart {
        try await call { () async throws(ShopError) in try await client.cart.add(productID: productID, quantity: quantity, currency: currency) }
    }

    public func setCartQuantity(productID: String, quantity: Int, currency: CurrencyCode) async throws -> Cart {
        try await call { () async throws(ShopError) in try await client.cart.setQuantity(productID: productID, to: quantity, currency: currency) }
    }

    public func removeFromCart(productID: String, currency: CurrencyCode) async throws -> Cart {
        try await call { () async throws(ShopError) in try await client.cart.remove(productID: productID, currency: currency) }
    }

    public func quoteShipping(to address: AddressInput, currency: CurrencyCode) async throws -> [ShippingOption] {
        try await call { () async throws(ShopError) in try await client.shipping.quote(address: address, currency: currency) }
    }

    public func placeOrder(_ request: PlaceOrderRequest, idempotencyKey: String) async throws -> Order {
        try await call { () async throws(ShopError) in
            try await CheckoutAttempt(request: request, idempotencyKey: idempotencyKey).place(with: client)
        }
    }

    public func orders(cursor: String?) async throws -> Page<OrderSummary> {
        try await call { () async throws(ShopError) in try await client.orders.listPage(cursor: cursor, limit: 100) }
    }

    public func order(id: String) async throws -> Order {
        try await call { () async throws(ShopError) in try await client.orders.get(id: id) }
    }

    public func tracking(orderID: String) async throws -> Tracking {
        try await call { () async throws(ShopError) in try await client.orders.tracking(orderID: orderID) }
    }

    public func invoice(orderID: String) async throws -> Invoice {
        try await call { () async throws(ShopError) in try await client.orders.invoice(orderID: orderID) }
    }

    public func cancelOrder(id: String) async throws -> Order {
        try await call { () async throws(ShopError) in try await client.orders.cancel(id: id) }
    }

    public func addresses() async throws -> [Address] {
        try await call { () async throws(ShopError) in try await client.account.addresses() }
    }

    public func saveAddress(_ address: AddressInput) async throws -> Address {
        try await call { () async throws(ShopError) in try await client.account.createAddress(address) }
    }

    public func updateAddress(id: String, _ address: AddressInput) async throws -> Address {
        try await call { () async throws(ShopError) in try await client.account.updateAddress(id: id, with: address) }
    }

    public func deleteAddress(id: String) async throws {
        try await call { () async throws(ShopError) in try await client.account.deleteAddress(id: id) }
    }

    public func activity() async throws -> [ActivityEvent] {
        try await call { () async throws(ShopError) in try await client.account.activityPage(limit: 100).items }
    }

    public func inbox() async throws -> Page<InboxMessage> {
        try await call { () async throws(ShopError) in try await client.notifications.listPage(limit: 50) }
    }

    public func markNotificationRead(id: String) async throws {
        try await call { () async throws(ShopError) in _ = try await client.notifications.markRead(id: id) }
    }

    public func markAllNotificationsRead() async throws {
        try await call { () async throws(ShopError) in _ = try await client.notifications.markAllRead() }
    }
}
