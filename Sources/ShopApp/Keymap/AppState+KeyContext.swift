/// What the keys do in the current state: the one place the footer, the help overlay and the
/// advice on screen learn it from.
extension AppState {
    public var keyContext: KeyContext {
        var context = KeyContext(KeyScope(screen), typing: isTyping, keymap: keymap)
        context.unicode = capabilities.unicode
        if copyEnabled, let target = CopyReducer.target(self) {
            context.labels[.copy] = "copy \(target.what)"
        } else {
            context.unavailable.insert(.copy)
        }
        switch screen {
        case .browse:
            switch browse.focus {
            case .categories:
                context.labels[.open] = "show products"
            case .products:
                context.labels[.open] = "details"
                context.labels[.focusRight] = "details"
            case .detail:
                let canBuy = browse.detail.value?.availability.canBuy ?? false
                context.labels[.open] = "add to cart"
                context.labels[.moveLeft] = "fewer"
                context.labels[.moveRight] = "more"
                context.labels[.focusLeft] = "back to list"
                context.promoted = [.focusLeft]
                if canBuy { context.promoted.formUnion([.moveLeft, .moveRight]) } else { context.unavailable.formUnion([.open, .addOne]) }
            }
        case .search:
            if search.focus == .query { context.labels[.nextPane] = "results" } else { context.labels[.nextPane] = "edit query" }
            // With nothing to open, "Enter open" did nothing, or (under "Did you mean …?") searched
            // the suggestion; "Tab results" went to an empty list.
            if search.selectedHit == nil {
                if search.shownGeneration == search.generation, let suggestion = search.results.value?.suggestion {
                    context.labels[.open] = "search “\(suggestion)”"
                } else {
                    context.unavailable.insert(.open)
                }
                if search.focus == .query { context.unavailable.insert(.nextPane) }
            }
        case .checkout:
            checkoutContext(&context)
        case .orderDetail:
            let detail = orders.detail
            if detail?.order.value?.isCancellable != true || detail?.showsInvoice == true { context.unavailable.insert(.cancelOrder) }
            if detail?.showsInvoice == true {
                context.labels[.toggleInvoice] = "back to the order"
                context.labels[.back] = "back to the order"
                context.unavailable.insert(.refresh)
            }
        case .account:
            // A guest has the sign-in form; an account has no form to switch, and Enter only
            // submits the address form.
            if !isSignedIn {
                context.unavailable.formUnion([.signOut, .newAddress, .editAddress, .deleteAddress])
                context.labels[.nextPane] = "next field"
                context.labels[.open] = account.formMode == .signIn ? "sign in" : "register"
                context.labels[.switchForm] = account.formMode == .signIn ? "register instead" : "sign in instead"
                // Letters type here, so the way out is said.
                context.promoted = [.back]
            } else if account.newAddress != nil {
                context.unavailable.formUnion([.switchForm, .signOut])
                context.labels[.open] = "save address"
                context.labels[.back] = "cancel"
                context.labels[.nextPane] = "next field"
            } else {
                context.unavailable.formUnion([.switchForm, .open])
                context.labels[.nextPane] = "next section"
                if account.section == .addresses {
                    context.promoted = [.newAddress, .editAddress, .deleteAddress]
                    if account.addresses.value?.isEmpty ?? true { context.unavailable.formUnion([.editAddress, .deleteAddress]) }
                } else {
                    context.unavailable.formUnion([.editAddress, .deleteAddress])
                }
            }
        case .cart:
            if cart.cart.value?.isEmpty ?? true { context.unavailable.formUnion([.addOne, .removeOne, .removeLine, .checkout]) }
        case .orders:
            // Nothing to track yet: "Enter track" over "No orders yet" did nothing.
            if orders.orders.isEmpty { context.unavailable.insert(.open) }
        case .inbox:
            if inbox.items.isEmpty { context.unavailable.insert(.open) }
            if inbox.unreadCount == 0 { context.unavailable.insert(.markAllRead) }
        }
        return context
    }

    /// The checkout names Enter and Esc for what they do at each step.
    private func checkoutContext(_ context: inout KeyContext) {
        guard let checkout else { return }
        switch checkout.step {
        case .contact:
            context.labels[.open] = "next: address"
            context.labels[.nextPane] = "next: address"
            context.demoted = [.nextPane]
            context.labels[.back] = "back to the cart"
        case .address:
            let saved = checkout.savedAddresses.value ?? []
            if checkout.isEditingNewAddress {
                context.labels[.open] = "ship here"
                context.labels[.back] = saved.isEmpty ? "previous step" : "saved addresses"
                context.unavailable.insert(.newAddress)
            } else {
                context.labels[.open] = "ship here"
                context.labels[.nextPane] = "next address"
                context.promoted = [.newAddress]
            }
        case .shipping:
            context.labels[.open] = "next: payment"
            context.labels[.nextPane] = "next option"
            context.unavailable.insert(.newAddress)
        case .payment:
            context.labels[.open] = "next: review"
            context.unavailable.insert(.newAddress)
        case .review:
            context.labels[.open] = checkout.placement == .idle ? "place the order" : "try again"
            context.unavailable.formUnion([.newAddress, .nextPane])
            if checkout.isPlacing { context.unavailable.formUnion([.open, .back]) }
        case .done:
            context.labels[.open] = "track the order"
            context.labels[.back] = "keep shopping"
            context.unavailable.formUnion([.nextPane, .newAddress])
        }
    }

    /// The keys of the confirmation or palette on screen, if one is open: only they act then,
    /// so the footer offers them ("y delete  n keep it", "Enter run  Esc close") instead of
    /// the screen's, which do nothing.
    var overlayKeyContext: KeyContext? {
        if overlay == .palette {
            var context = KeyContext(.palette, typing: true, keymap: keymap)
            context.unicode = capabilities.unicode
            context.promoted = [.moveUp, .moveDown, .open, .back]
            return context
        }
        guard let buttons = overlay?.dialogButtons else { return nil }
        var context = KeyContext(.dialog, keymap: keymap)
        context.unicode = capabilities.unicode
        context.labels = [.confirm: buttons.confirm.lowercased(), .decline: buttons.decline.lowercased(),
                          .open: "choose", .otherButton: "other button"]
        context.promoted = [.confirm, .decline, .open, .otherButton]
        return context
    }
}
