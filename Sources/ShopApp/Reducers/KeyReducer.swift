import TerminalUI

/// Turns a key press into a command through the keymap, or into typing when a field has focus.
enum KeyReducer {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        if key == .ctrl("c") { return quitNow(&state) }
        if key == .ctrl("z") { return [.suspend] }
        if state.isTooSmall {
            if key == .character("q") { return quitNow(&state) }
            return []
        }
        if let overlay = state.overlay { return handleOverlay(overlay, key, &state) }
        // Esc first closes the message; what was typed stays.
        if state.banner != nil && (key == .escape || key == .ctrl("l")) {
            state.banner = nil
            return []
        }
        let typing = state.isTyping
        if typing && isEditingKey(key) { return typeIntoField(key, &state) }
        guard let command = Keymap.command(for: key, scope: KeyScope(state.screen), typing: typing) else { return [] }
        return perform(command, &state)
    }

    /// Keys a text field uses for editing, taking precedence over commands while typing.
    static func isEditingKey(_ key: Key) -> Bool {
        switch key {
        case .character, .left, .right, .home, .end, .backspace, .delete: true
        case .ctrl(let letter): "aeukwd".contains(letter)
        default: false
        }
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .quit:
            if state.isCheckoutInProgress {
                state.overlay = .confirmQuit
                state.dialogButton = 1
                return []
            }
            return quitNow(&state)
        case .forceQuit: return quitNow(&state)
        case .suspend: return [.suspend]
        case .help:
            state.overlay = .help
            state.helpScroll = 0
            return []
        case .dismissBanner:
            state.banner = nil
            return []
        case .search: return SearchReducer.open(&state)
        case .showBrowse: return NavigationReducer.show(.browse, &state)
        case .showCart: return NavigationReducer.show(.cart, &state)
        case .showOrders: return NavigationReducer.show(.orders, &state)
        case .showAccount: return NavigationReducer.show(.account, &state)
        case .showInbox: return NavigationReducer.show(.inbox, &state)
        case .cycleCurrency: return NavigationReducer.cycleCurrency(&state)
        default: break
        }
        switch state.screen {
        case .browse: return BrowseReducer.perform(command, &state)
        case .search: return SearchReducer.perform(command, &state)
        case .cart: return CartReducer.perform(command, &state)
        case .checkout: return CheckoutReducer.perform(command, &state)
        case .orders: return OrdersReducer.performList(command, &state)
        case .orderDetail: return OrdersReducer.performDetail(command, &state)
        case .account: return AccountReducer.perform(command, &state)
        case .inbox: return InboxReducer.perform(command, &state)
        }
    }

    private static func typeIntoField(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch state.screen {
        case .search: return SearchReducer.type(key, &state)
        case .checkout: return CheckoutReducer.type(key, &state)
        case .account: return AccountReducer.type(key, &state)
        default: return []
        }
    }

    static func quitNow(_ state: inout AppState) -> [Effect] {
        state.isRunning = false
        state.checkout?.card.wipe()
        return [.quit]
    }

    private static func handleOverlay(_ overlay: Overlay, _ key: Key, _ state: inout AppState) -> [Effect] {
        switch overlay {
        case .help:
            if [.escape, .enter, .character("?"), .character("q"), .function(1)].contains(key) { state.overlay = nil }
            if let command = Keymap.command(for: key, scope: .global, typing: false) { scrollHelp(command, &state) }
            return []
        case .confirmQuit, .confirmCancelOrder, .confirmSignOut:
            switch key {
            case .left, .right, .tab, .backTab, .character("h"), .character("l"):
                state.dialogButton = 1 - state.dialogButton
                return []
            case .escape, .character("n"):
                state.overlay = nil
                return []
            case .character("y"):
                state.dialogButton = 0
                return confirm(overlay, &state)
            case .enter:
                return confirm(overlay, &state)
            default:
                return []
            }
        }
    }

    /// j/k, PgUp/PgDn, g/G scroll the help when it is taller than the screen.
    private static func scrollHelp(_ command: Command, _ state: inout AppState) {
        let shown = state.geometry(of: .help)
        let limit = shown?.maxOffset ?? 0
        let page = max(1, shown?.visibleRows ?? 1)
        let scroll = min(state.helpScroll, limit)
        switch command {
        case .moveUp: state.helpScroll = max(0, scroll - 1)
        case .moveDown: state.helpScroll = min(limit, scroll + 1)
        case .pageUp: state.helpScroll = max(0, scroll - page)
        case .pageDown: state.helpScroll = min(limit, scroll + page)
        case .first: state.helpScroll = 0
        case .last: state.helpScroll = limit
        default: break
        }
    }

    static func confirm(_ overlay: Overlay, _ state: inout AppState) -> [Effect] {
        state.overlay = nil
        guard state.dialogButton == 0 else { return [] }
        switch overlay {
        case .confirmQuit: return quitNow(&state)
        case .confirmCancelOrder(let orderID): return OrdersReducer.cancelConfirmed(orderID, &state)
        case .confirmSignOut: return AccountReducer.signOutConfirmed(&state)
        case .help: return []
        }
    }
}
