import Foundation
import ShopKit
import TerminalUI

/// A request the reducer makes of the outside world. The `EffectRunner` performs it and
/// reports the outcome as an `Action`. Effects are values so tests can check exactly what a
/// key press asks for (for instance, that a second Enter on Place sends nothing).
public enum Effect: Equatable, Sendable {
    case loadSession
    case signIn(email: String, password: String)
    case register(email: String, password: String, name: String)
    case signOut

    case loadCategories
    case loadProducts(categoryID: String?, cursor: String?, currency: CurrencyCode, generation: Int)
    case loadProduct(id: String, currency: CurrencyCode)
    case loadRecommendations(productID: String, currency: CurrencyCode)
    case loadAds(categories: [String])
    case search(SearchQuery, generation: Int)
    /// The next page of the shown search results.
    case searchMore(SearchQuery, cursor: String, generation: Int)
    /// The command palette's product search for what is typed.
    case paletteSearch(SearchQuery)

    case loadCart(currency: CurrencyCode)
    case addToCart(productID: String, quantity: Int, currency: CurrencyCode)
    case setCartQuantity(productID: String, quantity: Int, currency: CurrencyCode)
    case removeFromCart(productID: String, currency: CurrencyCode)
    case quoteShipping(AddressInput, currency: CurrencyCode, purpose: QuotePurpose)

    /// Make a fresh idempotency key for an order attempt (randomness stays out of the reducer).
    case makeIdempotencyKey
    case placeOrder(PlaceOrderRequest, idempotencyKey: String)

    case loadOrders
    /// The next page of the order history.
    case loadMoreOrders(cursor: String)
    case loadOrder(id: String)
    case loadTracking(orderID: String)
    case loadInvoice(orderID: String)
    case cancelOrder(id: String)

    case loadAddresses
    case saveAddress(AddressInput)
    case updateAddress(id: String, AddressInput)
    case deleteAddress(id: String)
    case loadActivity
    case loadInbox
    case markNotificationRead(id: String)
    case markAllNotificationsRead

    case startTimer(TimerID, after: Duration)
    /// Remember the chosen currency in the configuration file.
    case saveCurrency(CurrencyCode)
    case quit
    case suspend
    /// Bytes for the terminal rather than the screen: an OSC 52 copy, a bell, a notification.
    /// The run loop hands it to its backend.
    case signal(TerminalSignal)
}
