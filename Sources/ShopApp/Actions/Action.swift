import Foundation
import ShopKit
import TerminalUI

/// Timers the reducer asks for; when one fires it comes back as `Action.timerFired`.
public enum TimerID: Hashable, Sendable {
    /// The search typed at this generation has been still for the debounce time.
    case searchDebounce(generation: Int)
    /// The palette's query has been still for its debounce time.
    case paletteDebounce(generation: Int)
}

/// What a shipping quote was asked for.
public enum QuotePurpose: Equatable, Sendable {
    /// The estimate shown in the cart.
    case cartEstimate
    /// The options of the checkout's Shipping step.
    case checkout
}

/// Everything that can happen to the app: input from the person, time, and the answers of
/// effects. Answers carry what they answer (a generation, an id) so stale ones can be dropped.
public enum Action: Equatable, Sendable {
    // Input and time
    case start
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    case tick(Date)
    case timerFired(TimerID)

    // Session
    case sessionLoaded(Result<User, ServiceFailure>)
    case signedIn(Result<User, ServiceFailure>)
    case signedOut(Result<User, ServiceFailure>)

    // Catalog
    case categoriesLoaded(Result<[ShopKit.Category], ServiceFailure>)
    case productsLoaded(generation: Int, Result<Page<ProductSummary>, ServiceFailure>)
    case productLoaded(id: String, Result<Product, ServiceFailure>)
    case recommendationsLoaded(productID: String, Result<[ProductSummary], ServiceFailure>)
    case adsLoaded(Result<[Ad], ServiceFailure>)
    case searchLoaded(generation: Int, Result<SearchResults, ServiceFailure>)
    case searchMoreLoaded(generation: Int, Result<SearchResults, ServiceFailure>)
    /// The palette's product search for `query` answered.
    case paletteSearched(query: String, Result<SearchResults, ServiceFailure>)

    // Cart
    /// `generation` is the cart's change generation when the load was sent; nil when untagged.
    case cartLoaded(Result<Cart, ServiceFailure>, generation: Int? = nil)
    case cartChanged(productID: String, Result<Cart, ServiceFailure>)
    case shippingQuoted(QuotePurpose, Result<[ShippingOption], ServiceFailure>)

    // Checkout
    case idempotencyKeyCreated(String)
    case orderPlaced(idempotencyKey: String, Result<Order, ServiceFailure>)

    // Orders
    case ordersLoaded(Result<Page<OrderSummary>, ServiceFailure>)
    case moreOrdersLoaded(cursor: String, Result<Page<OrderSummary>, ServiceFailure>)
    case orderLoaded(id: String, Result<Order, ServiceFailure>)
    case trackingLoaded(orderID: String, Result<Tracking, ServiceFailure>)
    case invoiceLoaded(orderID: String, Result<Invoice, ServiceFailure>)
    case orderCancelled(id: String, Result<Order, ServiceFailure>)

    // Account and inbox
    case addressesLoaded(Result<[Address], ServiceFailure>)
    case addressSaved(Result<Address, ServiceFailure>)
    case addressDeleted(id: String, Result<Bool, ServiceFailure>)
    case activityLoaded(Result<[ActivityEvent], ServiceFailure>)
    case inboxLoaded(Result<Page<InboxMessage>, ServiceFailure>)
    case notificationRead(id: String, Result<Bool, ServiceFailure>)
}
