import Foundation
import ShopKit
import TerminalUI

/// The checkout wizard: Contact → Address → Shipping → Payment → Review → Done.
///
/// Placing is exactly-once: Enter on Review sends only when nothing is on its way, and every
/// retry of the same request reuses the attempt's idempotency key, so the gateway charges at
/// most once even when an answer is lost.
enum CheckoutReducer {
    static func start(_ state: inout AppState) -> [Effect] {
        guard let cart = state.cart.cart.value, !cart.isEmpty else {
            state.banner = BannerMessage("Your cart is empty. Add something first.", kind: .info)
            return []
        }
        if state.cart.hasProblems {
            state.banner = BannerMessage("Some lines cannot be bought as they are. Change or remove them first.", kind: .warning)
            return []
        }
        if state.checkout == nil || state.checkout?.step == .done {
            var checkout = CheckoutState()
            if let email = state.user?.email, state.isSignedIn { checkout.email.setText(email) }
            state.checkout = checkout
        }
        state.checkout?.step = .contact
        state.checkout?.stepMessage = nil
        var effects: [Effect] = []
        if state.isSignedIn {
            let saved = state.checkout?.savedAddresses.reloading ?? .loading(previous: nil)
            state.checkout?.savedAddresses = saved
            effects.append(.loadAddresses)
        }
        return effects + NavigationReducer.show(.checkout, &state)
    }

    static func type(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var checkout = state.checkout else { return [] }
        switch checkout.step {
        case .contact:
            _ = checkout.email.handle(key)
            checkout.emailError = nil
        case .address:
            _ = checkout.addressForm.type(key)
        case .payment:
            _ = checkout.card.type(key)
        default:
            break
        }
        state.checkout = checkout
        return []
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard let checkout = state.checkout else { return NavigationReducer.back(&state) }
        let effects: [Effect] = switch checkout.step {
        case .contact: contact(command, &state)
        case .address: address(command, &state)
        case .shipping: shipping(command, &state)
        case .payment: payment(command, &state)
        case .review: review(command, &state)
        case .done: done(command, &state)
        }
        // A step's message is about that step: "Your card was declined" does not follow the
        // person back to the e-mail.
        if let now = state.checkout, now.step != checkout.step { state.checkout?.stepMessage = nil }
        return effects
    }

    // MARK: Steps

    private static func contact(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .open, .nextPane, .moveDown:
            let email = state.checkout!.email.text.trimmingCharacters(in: .whitespaces)
            guard isPlausibleEmail(email) else {
                state.checkout!.emailError = email.isEmpty ? "Enter an e-mail address for the receipt" : "That does not look like an e-mail address"
                return []
            }
            state.checkout!.step = .address
            state.checkout!.stepMessage = nil
            if let saved = state.checkout!.savedAddresses.value, !saved.isEmpty, state.checkout!.confirmedAddressID != nil || state.checkout!.confirmedAddress == nil {
                state.checkout!.isEditingNewAddress = false
            }
            return []
        case .back:
            return NavigationReducer.back(&state)
        default:
            return []
        }
    }

    private static func address(_ command: Command, _ state: inout AppState) -> [Effect] {
        var checkout = state.checkout!
        defer { state.checkout = checkout }
        let saved = checkout.savedAddresses.value ?? []
        if checkout.isEditingNewAddress {
            switch command {
            case .nextPane, .moveDown: _ = checkout.addressForm.moveFocus(by: 1)
            case .previousPane, .moveUp: _ = checkout.addressForm.moveFocus(by: -1)
            case .open:
                guard let address = checkout.addressForm.validated() else { return [] }
                checkout.confirmedAddress = address
                checkout.confirmedAddressID = nil
                return toShipping(&checkout, currency: state.currency)
            case .back:
                if saved.isEmpty { checkout.step = .contact } else { checkout.isEditingNewAddress = false }
            default: break
            }
            return []
        }
        let count = saved.count + 1
        let rows = state.visibleRows(.checkoutAddresses)
        switch command {
        case .moveUp, .previousPane: checkout.addressChoice.move(by: -1, count: count, visibleRows: rows)
        case .moveDown, .nextPane: checkout.addressChoice.move(by: 1, count: count, visibleRows: rows)
        case .first, .last, .pageUp, .pageDown: checkout.addressChoice.navigate(command, count: count, visibleRows: rows)
        case .newAddress: checkout.isEditingNewAddress = true
        case .open:
            let row = checkout.addressChoice.selected ?? 0
            if row >= saved.count {
                checkout.isEditingNewAddress = true
                return []
            }
            checkout.confirmedAddress = saved[row].input
            checkout.confirmedAddressID = saved[row].id
            return toShipping(&checkout, currency: state.currency)
        case .back: checkout.step = .contact
        default: break
        }
        return []
    }

    private static func toShipping(_ checkout: inout CheckoutState, currency: CurrencyCode) -> [Effect] {
        checkout.step = .shipping
        checkout.stepMessage = nil
        guard let address = checkout.confirmedAddress else { return [] }
        checkout.shippingOptions = checkout.shippingOptions.reloading
        return [.quoteShipping(address, currency: currency, purpose: .checkout)]
    }

    /// The currency changed: quote the options again in it.
    static func requote(_ state: inout AppState) -> [Effect] {
        guard var checkout = state.checkout, let address = checkout.confirmedAddress else { return [] }
        checkout.shippingOptions = checkout.shippingOptions.reloading
        state.checkout = checkout
        return [.quoteShipping(address, currency: state.currency, purpose: .checkout)]
    }

    static func shippingQuoted(_ result: Result<[ShippingOption], ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        guard state.checkout != nil else { return [] }
        switch result {
        case .success(let options):
            state.checkout!.shippingOptions = .loaded(options)
            let row = min(state.checkout!.shippingChoice.selected ?? 0, max(0, options.count - 1))
            state.checkout!.shippingChoice.select(row, count: options.count, shownRows: state.shownRows(.checkoutShipping))
        case .failure(let failure):
            state.checkout!.shippingOptions = state.checkout!.shippingOptions.failing(failure.message)
            if failure.kind == .validation, state.checkout!.step == .shipping {
                // The gateway rejected the address: back to it, with its words.
                state.checkout!.step = .address
                state.checkout!.isEditingNewAddress = state.checkout!.confirmedAddressID == nil
                applyAddressErrors(failure, &state.checkout!)
            }
        }
        return []
    }

    private static func shipping(_ command: Command, _ state: inout AppState) -> [Effect] {
        var checkout = state.checkout!
        defer { state.checkout = checkout }
        let count = checkout.shippingOptions.value?.count ?? 0
        let rows = state.visibleRows(.checkoutShipping)
        switch command {
        case .moveUp, .previousPane: checkout.shippingChoice.move(by: -1, count: count, visibleRows: rows)
        case .moveDown, .nextPane: checkout.shippingChoice.move(by: 1, count: count, visibleRows: rows)
        case .first, .last, .pageUp, .pageDown: checkout.shippingChoice.navigate(command, count: count, visibleRows: rows)
        case .open:
            if checkout.shippingOptions.failure != nil && count == 0 {
                return toShipping(&checkout, currency: state.currency)  // try the quote again
            }
            guard checkout.selectedShipping != nil else { return [] }
            checkout.step = .payment
            checkout.stepMessage = nil
        case .back:
            checkout.step = .address
        default: break
        }
        return []
    }

    private static func payment(_ command: Command, _ state: inout AppState) -> [Effect] {
        var checkout = state.checkout!
        defer { state.checkout = checkout }
        let fields = CardForm.Field.allCases
        let index = fields.firstIndex(of: checkout.card.focus)!
        switch command {
        case .nextPane, .moveDown: checkout.card.focus = fields[min(fields.count - 1, index + 1)]
        case .previousPane, .moveUp: checkout.card.focus = fields[max(0, index - 1)]
        case .open:
            guard checkout.card.validated(at: state.now) != nil else { return [] }
            checkout.step = .review
            checkout.stepMessage = nil
        case .back:
            checkout.step = .shipping
        default: break
        }
        return []
    }

    private static func review(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .open:
            return place(&state)
        case .back:
            guard !state.checkout!.isPlacing else { return [] }
            state.checkout!.step = .payment
            return []
        default:
            return []
        }
    }

    private static func done(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .open:
            guard let order = state.checkout?.placedOrder else { return [] }
            state.checkout = nil
            state.backStack = [.browse]
            return OrdersReducer.openDetail(orderID: order.id, replacingCheckout: true, &state)
        case .back:
            state.checkout = nil
            state.backStack = []
            state.screen = .browse
            return []
        default:
            return []
        }
    }

    // MARK: Placing

    /// The order as it will be sent, when every step is complete.
    static func request(_ state: AppState) -> PlaceOrderRequest? {
        guard let checkout = state.checkout, let option = checkout.selectedShipping, let card = checkout.card.input else { return nil }
        let email = checkout.email.text.trimmingCharacters(in: .whitespaces)
        if let id = checkout.confirmedAddressID {
            return PlaceOrderRequest(email: email, savedAddressID: id, shippingOption: option.id, card: card, currency: state.currency)
        }
        guard let address = checkout.confirmedAddress else { return nil }
        return PlaceOrderRequest(email: email, address: address, shippingOption: option.id, card: card, currency: state.currency)
    }

    static func place(_ state: inout AppState) -> [Effect] {
        guard var checkout = state.checkout, !checkout.isPlacing else { return [] }  // never twice
        guard let request = request(state) else {
            state.banner = BannerMessage("Something is missing: go back and complete the steps.", kind: .warning)
            return []
        }
        state.banner = nil
        checkout.stepMessage = nil
        defer { state.checkout = checkout }
        if let key = checkout.idempotencyKey, checkout.keyedRequest == request {
            checkout.placement = .placing  // a retry of the same order: same key
            return [.placeOrder(request, idempotencyKey: key)]
        }
        checkout.keyedRequest = request
        checkout.idempotencyKey = nil
        checkout.placement = .preparingKey
        return [.makeIdempotencyKey]
    }

    static func keyCreated(_ key: String, _ state: inout AppState) -> [Effect] {
        guard var checkout = state.checkout, checkout.placement == .preparingKey, let request = checkout.keyedRequest else { return [] }
        checkout.idempotencyKey = key
        checkout.placement = .placing
        state.checkout = checkout
        return [.placeOrder(request, idempotencyKey: key)]
    }

    static func orderPlaced(_ key: String, _ result: Result<Order, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        guard var checkout = state.checkout, checkout.idempotencyKey == key else { return [] }
        defer { state.checkout = checkout }
        switch result {
        case .success(let order):
            NewsReducer.ownAction(order: order.id, status: order.status, &state)
            checkout.placedOrder = order
            checkout.step = .done
            checkout.placement = .idle
            checkout.card.wipe()
            checkout.keyedRequest = nil
            checkout.idempotencyKey = nil
            state.banner = nil
            state.cart.cart = .loaded(.empty(order.total.currency))
            var effects: [Effect] = [CartReducer.load(state), .loadInbox]
            // The order took stock: the product in the detail pane shows what is left now.
            if let shown = state.browse.detailProductID { effects.append(.loadProduct(id: shown, currency: state.currency)) }
            return effects
        case .failure(let failure):
            checkout.placement = .idle
            switch failure.kind {
            case .network, .unavailable:
                checkout.placement = .failed(failure.message)
                state.banner = BannerMessage(
                    "The order could not be confirmed (\(failure.message)). Press Enter to try again: it is sent with the same key, so you are charged at most once.",
                    kind: .warning)
            case .paymentDeclined:
                checkout.step = .payment
                checkout.card.focus = .number
                // Said once, under the card number: the cursor is there, and so is what to do
                // next (type another card). It was also the line under the breadcrumb, twice on screen.
                checkout.card.errors[.number] = failure.message + " " + declinedAdvice
                checkout.stepMessage = nil
            case .validation:
                backToFaultyStep(failure, &checkout)
            case .conflict:
                // Stock is gone: the cart is where that is fixed.
                checkout.stepMessage = failure.message
                state.banner = BannerMessage(failure.message, kind: .error)
                state.checkout = checkout
                let effects = NavigationReducer.show(.cart, &state)  // reloads the cart
                checkout = state.checkout!
                return effects
            default:
                checkout.stepMessage = failure.message
                state.showError(failure)
            }
            return []
        }
    }

    /// Said under a declined card's message: nothing was taken, and the way on.
    static let declinedAdvice = "Nothing was charged: enter another card."

    /// A validation rejection: the step whose field the gateway named, with its message.
    private static func backToFaultyStep(_ failure: ServiceFailure, _ checkout: inout CheckoutState) {
        let fields = failure.fieldErrors.keys
        if fields.contains(where: { $0.hasPrefix("card") }) {
            checkout.step = .payment
            for (field, message) in failure.fieldErrors where field.hasPrefix("card") {
                let cardField: CardForm.Field = field.contains("cvv") ? .cvv : field.contains("exp") ? .expiry : .number
                checkout.card.errors[cardField] = message
                checkout.card.focus = cardField
            }
        } else if fields.contains(where: { $0.hasPrefix("address") }) {
            checkout.step = .address
            checkout.isEditingNewAddress = checkout.confirmedAddressID == nil
            applyAddressErrors(failure, &checkout)
        } else if fields.contains("email") {
            checkout.step = .contact
            checkout.emailError = failure.fieldErrors["email"]
        } else if failure.message.lowercased().contains("card") {
            checkout.step = .payment
            checkout.card.errors[.number] = failure.message
        }
        checkout.stepMessage = failure.message
    }

    private static func applyAddressErrors(_ failure: ServiceFailure, _ checkout: inout CheckoutState) {
        for field in AddressField.allCases {
            if let message = failure.fieldErrors[field.gatewayPath] { checkout.addressForm.errors[field] = message }
        }
        checkout.stepMessage = failure.message
    }

    static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return email.count >= 3 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !email.contains(" ")
    }
}
