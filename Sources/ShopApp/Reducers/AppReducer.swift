import Foundation
import ShopKit
import TerminalUI

/// Applies one action to the state and returns the effects to run. Pure: no I/O, no clock,
/// no randomness; time arrives as `.tick`, fresh keys as `.idempotencyKeyCreated`.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .start:
        state.browse.categories = .loading(previous: nil)
        state.browse.isLoadingPage = true
        state.inbox.lastPolled = state.now
        state.inbox.isPolling = true  // the first poll
        return [.loadSession, .loadCategories,
                .loadProducts(categoryID: nil, cursor: nil, currency: state.currency, generation: state.browse.listingGeneration),
                CartReducer.load(state), .loadAds(categories: []), .loadInbox]
    case .key(let key):
        state.inbox.pollInterval = InboxState.activePollInterval
        return KeyReducer.handle(key, &state)
    case .mouse(let event):
        state.inbox.pollInterval = InboxState.activePollInterval
        return MouseReducer.handle(event, &state)
    case .resize(let size):
        state.size = size
        // A taller list may show past what is loaded: the next page, as a move there would ask.
        switch state.screen {
        case .browse: return BrowseReducer.loadNextPageIfNeeded(&state)
        case .search: return SearchReducer.loadMoreIfNeeded(&state)
        case .orders: return OrdersReducer.loadMoreIfNeeded(&state)
        default: return []
        }
    case .tick(let date):
        return tick(date, &state)
    case .timerFired(let timer):
        switch timer {
        case .searchDebounce(let generation): return SearchReducer.debounceElapsed(generation, &state)
        case .paletteDebounce(let generation): return PaletteReducer.debounceElapsed(generation, &state)
        }

    case .sessionLoaded(let result):
        state.record(result)
        if case .success(let user) = result { state.user = user }
        if case .failure(let failure) = result { state.showError(failure) }
        return []
    case .signedIn(let result):
        return AccountReducer.signedIn(result, &state)
    case .signedOut(let result):
        return AccountReducer.signedOut(result, &state)

    case .categoriesLoaded(let result):
        return BrowseReducer.categoriesLoaded(result, &state)
    case .productsLoaded(let generation, let result):
        return BrowseReducer.productsLoaded(generation, result, &state)
    case .productLoaded(let id, let result):
        return BrowseReducer.productLoaded(id, result, &state)
    case .recommendationsLoaded(let productID, let result):
        state.record(result)
        if case .success(let products) = result, state.browse.detailProductID == productID {
            state.browse.recommendations = products
        }
        return []
    case .adsLoaded(let result):
        state.record(result)
        if case .success(let ads) = result { state.browse.ad = ads.first }
        return []
    case .searchLoaded(let generation, let result):
        return SearchReducer.searchLoaded(generation, result, &state)
    case .searchMoreLoaded(let generation, let result):
        return SearchReducer.searchMoreLoaded(generation, result, &state)
    case .paletteSearched(let query, let result):
        return PaletteReducer.searched(query, result, &state)

    case .cartLoaded(let result, let generation):
        return CartReducer.cartLoaded(result, generation: generation, &state)
    case .cartChanged(let productID, let result):
        return CartReducer.cartChanged(productID, result, &state)
    case .shippingQuoted(let purpose, let result):
        switch purpose {
        case .cartEstimate: return CartReducer.estimateQuoted(result, &state)
        case .checkout: return CheckoutReducer.shippingQuoted(result, &state)
        }

    case .idempotencyKeyCreated(let key):
        return CheckoutReducer.keyCreated(key, &state)
    case .orderPlaced(let key, let result):
        return CheckoutReducer.orderPlaced(key, result, &state)

    case .ordersLoaded(let result):
        return OrdersReducer.ordersLoaded(result, &state)
    case .moreOrdersLoaded(let cursor, let result):
        return OrdersReducer.moreOrdersLoaded(cursor, result, &state)
    case .orderLoaded(let id, let result):
        return OrdersReducer.orderLoaded(id, result, &state)
    case .trackingLoaded(let orderID, let result):
        return OrdersReducer.trackingLoaded(orderID, result, &state)
    case .invoiceLoaded(let orderID, let result):
        return OrdersReducer.invoiceLoaded(orderID, result, &state)
    case .orderCancelled(let id, let result):
        return OrdersReducer.orderCancelled(id, result, &state)

    case .addressesLoaded(let result):
        return AccountReducer.addressesLoaded(result, &state)
    case .addressSaved(let result):
        return AccountReducer.addressSaved(result, &state)
    case .addressDeleted(let id, let result):
        return AccountReducer.addressDeleted(id, result, &state)
    case .activityLoaded(let result):
        state.record(result)
        switch result {
        case .success(let events): state.account.activity = .loaded(events)
        case .failure(let failure): state.account.activity = state.account.activity.failing(failure.message)
        }
        return []
    case .inboxLoaded(let result):
        return InboxReducer.inboxLoaded(result, &state)
    case .notificationRead(_, let result):
        state.record(result)
        return []
    }
}

/// Time passing: the clock shown, spinners, the tracker's refresh and the inbox poll.
private func tick(_ date: Date, _ state: inout AppState) -> [Effect] {
    let second = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    if state.now != second { state.now = second }
    if state.isBusy { state.spinnerTick &+= 1 }
    SlowGatewayNotice.update(&state)
    if let flash = state.flash, flash.until <= state.now { state.flash = nil }
    if let expires = state.banner?.expires, expires <= state.now { state.banner = nil }
    var effects = OrdersReducer.refreshIfDue(&state)
    effects += retryReadsIfOffline(&state)
    if let polled = state.inbox.lastPolled, state.now.timeIntervalSince(polled) >= state.inbox.pollInterval {
        state.inbox.lastPolled = state.now
        // One poll out at a time: while a slow gateway has not answered the last, this round is
        // skipped (polls that piled up behind each other were most of a congested gateway's queue).
        if !state.inbox.isPolling {
            state.inbox.isPolling = true
            // Until a key or a click, the next poll waits twice as long (see InboxState.pollInterval).
            state.inbox.pollInterval = min(InboxState.idlePollInterval, state.inbox.pollInterval * 2)
            effects.append(.loadInbox)
        }
    }
    return effects
}

/// While the gateway cannot be reached, what failed to load (session, categories, the first
/// page of products, the cart) is asked for again every `reconnectInterval` seconds, and the
/// cart is read when nothing else failed, as a probe: reads only, which are safe to repeat. So
/// the app comes back by itself when the gateway does; nothing that changes data is resent.
let reconnectInterval: TimeInterval = 5

private func retryReadsIfOffline(_ state: inout AppState) -> [Effect] {
    guard state.connection == .offline else {
        state.lastReconnectAttempt = nil
        return []
    }
    guard let last = state.lastReconnectAttempt else {
        state.lastReconnectAttempt = state.now  // the first retry comes one interval after going offline
        return []
    }
    guard state.now.timeIntervalSince(last) >= reconnectInterval else { return [] }
    state.lastReconnectAttempt = state.now
    var effects: [Effect] = []
    if state.user == nil { effects.append(.loadSession) }
    if state.browse.categories.failure != nil {
        state.browse.categories = state.browse.categories.reloading
        effects.append(.loadCategories)
    }
    if state.browse.pageError != nil && state.browse.products.isEmpty && !state.browse.isLoadingPage {
        state.browse.pageError = nil
        state.browse.isLoadingPage = true
        effects.append(.loadProducts(categoryID: state.browse.selectedCategoryID, cursor: nil, currency: state.currency,
                                     generation: state.browse.listingGeneration))
    }
    if state.cart.cart.failure != nil || effects.isEmpty {
        effects.append(CartReducer.load(state))
    }
    return effects
}

extension AppState {
    /// Notes whether the gateway answered, for the connection indicator.
    mutating func record<Value>(_ result: Result<Value, ServiceFailure>) {
        switch result {
        case .success:
            connection = .online
            if banner?.isConnectionProblem == true { banner = nil }  // it is no longer true
        case .failure(let failure): connection = failure.kind == .network ? .offline : .online
        }
    }

    /// Shows a failure in the banner (what was typed stays where it is).
    mutating func showError(_ failure: ServiceFailure) {
        // ShopKit's network messages already say the shop cannot be reached: say it once.
        let saysUnreachable = failure.message.lowercased().contains("reach")
        let text = failure.kind == .network && !saysUnreachable ? "Cannot reach the shop: \(failure.message)" : failure.message
        banner = BannerMessage(text, kind: .error, isConnectionProblem: failure.kind == .network)
    }

    /// Good news in the banner, for a few seconds.
    mutating func showSuccess(_ text: String) {
        banner = BannerMessage(text, kind: .success, expires: now.addingTimeInterval(6))
    }

    /// A passing note in the status bar for three seconds.
    mutating func flash(_ text: String) {
        flash = Flash(text, until: now.addingTimeInterval(3))
    }

}
