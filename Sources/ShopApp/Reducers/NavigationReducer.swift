import ShopKit
import TerminalUI

/// Moving between screens: the back stack, and what each screen loads when it opens.
enum NavigationReducer {
    /// Opens `screen`, remembering the current one for Esc.
    static func show(_ screen: Screen, _ state: inout AppState) -> [Effect] {
        guard screen != state.screen else { return onEnter(screen, &state) }
        if let index = state.backStack.firstIndex(of: screen) {
            state.backStack.removeSubrange(index...)
        } else {
            state.backStack.append(state.screen)
            if state.backStack.count > 20 { state.backStack.removeFirst() }
        }
        state.screen = screen
        return onEnter(screen, &state)
    }

    /// Esc with nothing else to close: the previous screen, or home.
    static func back(_ state: inout AppState) -> [Effect] {
        if let previous = state.backStack.popLast() {
            state.screen = previous
        } else if state.screen != .browse {
            state.screen = .browse
        }
        return []
    }

    /// What a screen fetches each time it is opened, so it never shows stale data.
    static func onEnter(_ screen: Screen, _ state: inout AppState) -> [Effect] {
        switch screen {
        case .cart:
            state.cart.cart = state.cart.cart.reloading
            return [CartReducer.load(state)]
        case .orders:
            state.orders.list = state.orders.list.reloading
            return [.loadOrders]
        case .account:
            guard state.isSignedIn else { return [] }
            state.account.addresses = state.account.addresses.reloading
            state.account.activity = state.account.activity.reloading
            return [.loadAddresses, .loadActivity]
        case .inbox:
            state.inbox.lastPolled = state.now
            state.inbox.isPolling = true
            return [.loadInbox]
        case .browse, .search, .checkout, .orderDetail:
            return []
        }
    }

    /// `$`: the next currency; everything priced is asked for again in it.
    static func cycleCurrency(_ state: inout AppState) -> [Effect] {
        let all = CurrencyCode.allCases
        state.currency = all[(all.firstIndex(of: state.currency)! + 1) % all.count]
        state.flash("Prices in \(state.currency.code)")
        var effects: [Effect] = [.saveCurrency(state.currency)]
        effects += BrowseReducer.restartListing(&state)
        if let id = state.browse.detailProductID {
            state.browse.detail = state.browse.detail.reloading
            effects.append(.loadProduct(id: id, currency: state.currency))
            effects.append(.loadRecommendations(productID: id, currency: state.currency))
        }
        state.cart.cart = state.cart.cart.reloading
        effects.append(CartReducer.load(state))
        if !state.search.query.text.trimmingCharacters(in: .whitespaces).isEmpty {
            effects += SearchReducer.searchNow(&state)
        }
        if let checkout = state.checkout, checkout.step >= .shipping, checkout.step < .done {
            effects += CheckoutReducer.requote(&state)
        }
        return effects
    }
}
