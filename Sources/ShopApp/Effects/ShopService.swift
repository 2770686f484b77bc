import ShopKit

/// What the app needs from the gateway. `ShopClientService` implements it with ShopKit's
/// `ShopClient`; tests can use a fake. Failures are thrown as `ServiceFailure`.
public protocol ShopService: Sendable {
    /// The current session's user; a guest session is created when there is none.
    func currentUser() async throws -> User
    func signIn(email: String, password: String) async throws -> User
    func register(email: String, password: String, name: String) async throws -> User
    /// Signs out and continues as a fresh guest.
    func signOut() async throws -> User

    func categories() async throws -> [ShopKit.Category]
    func products(categoryID: String?, cursor: String?, currency: CurrencyCode) async throws -> Page<ProductSummary>
    func product(id: String, currency: CurrencyCode) async throws -> Product
    func recommendations(for productID: String, currency: CurrencyCode) async throws -> [ProductSummary]
    func ads(categories: [String]) async throws -> [Ad]
    /// The first page of matches (`cursor` nil), or the page at `cursor`.
    func search(_ query: SearchQuery, cursor: String?) async throws -> SearchResults

    func cart(currency: CurrencyCode) async throws -> Cart
    func addToCart(productID: String, quantity: Int, currency: CurrencyCode) async throws -> Cart
    func setCartQuantity(productID: String, quantity: Int, currency: CurrencyCode) async throws -> Cart
    func removeFromCart(productID: String, currency: CurrencyCode) async throws -> Cart
    func quoteShipping(to address: AddressInput, currency: CurrencyCode) async throws -> [ShippingOption]

    func placeOrder(_ request: PlaceOrderRequest, idempotencyKey: String) async throws -> Order
    /// The newest orders (`cursor` nil), or the page at `cursor`.
    func orders(cursor: String?) async throws -> Page<OrderSummary>
    func order(id: String) async throws -> Order
    func tracking(orderID: String) async throws -> Tracking
    func invoice(orderID: String) async throws -> Invoice
    func cancelOrder(id: String) async throws -> Order

    func addresses() async throws -> [Address]
    func saveAddress(_ address: AddressInput) async throws -> Address
    func updateAddress(id: String, _ address: AddressInput) async throws -> Address
    func deleteAddress(id: String) async throws
    func activity() async throws -> [ActivityEvent]
    func inbox() async throws -> Page<InboxMessage>
    func markNotificationRead(id: String) async throws
    func markAllNotificationsRead() async throws
}
