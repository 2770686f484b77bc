import TerminalUI

/// Turns a key press into a command through the keymap, or into typing when a field has focus.
enum KeyReducer {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        let keymap = state.keymap
        // Quitting now and suspending work everywhere: in dialogs, fields and on a tiny screen.
        switch keymap.binding(of: key, in: .global)?.command {
        case .forceQuit: return quitNow(&state)
        case .suspend: return [.suspend]
        default: break
        }
        if state.isTooSmall {
            if keymap.binding(of: key, in: .global)?.command == .quit { return quitNow(&state) }
            return []
        }
        if let overlay = state.overlay { return handleOverlay(overlay, key, &state) }
        let typing = state.isTyping
        // Esc first closes the message; what was typed stays.
        if state.banner != nil, let command = keymap.command(for: key, scope: KeyScope(state.screen), typing: typing),
           command == .back || command == .dismissBanner {
            state.banner = nil
            return []
        }
        if typing, let fieldKey = fieldKey(key, keymap) { return typeIntoField(fieldKey, &state) }
        guard let command = keymap.command(for: key, scope: KeyScope(state.screen), typing: typing) else { return [] }
        return perform(command, &state)
    }

    /// What `key` does to a focused text field, in the vocabulary the fields understand
    /// (a printable key types itself; an editing command becomes its standard key), or nil
    /// when the field does not take it.
    static func fieldKey(_ key: Key, _ keymap: Keymap) -> Key? {
        if key.isPrintable { return key }
        switch keymap.fieldCommand(for: key) {
        case .cursorLeft: return .left
        case .cursorRight: return .right
        case .lineStart: return .home
        case .lineEnd: return .end
        case .deleteBackward: return .backspace
        case .deleteForward: return .delete
        case .deleteToStart: return .ctrl("u")
        case .deleteToEnd: return .ctrl("k")
        case .deleteWord: return .ctrl("w")
        default: return nil
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
        case .undo: return CartReducer.undo(&state)
        case .copy: return CopyReducer.copy(&state)
        case .palette: return PaletteReducer.open(&state)
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
        let keymap = state.keymap
        switch overlay {
        case .help:
            guard let command = keymap.command(for: key, scope: .global, typing: false) else { return [] }
            switch command {
            case .back, .open, .help, .quit: state.overlay = nil
            default: scrollHelp(command, &state)
            }
            return []
        case .palette:
            return PaletteReducer.handle(key, &state)
        case .confirmQuit, .confirmCancelOrder, .confirmSignOut, .confirmDeleteAddress:
            switch keymap.command(for: key, scope: .dialog, typing: false) {
            case .otherButton:
                state.dialogButton = 1 - state.dialogButton
                return []
            case .decline:
                state.overlay = nil
                return []
            case .confirm:
                state.dialogButton = 0
                return confirm(overlay, &state)
            case .open:
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
        case .confirmDeleteAddress(let addressID, _): return AccountReducer.deleteAddressConfirmed(addressID, &state)
        case .help, .palette: return []
        }
    }
}
