import Foundation
import ShopKit
import TerminalUI

/// The cart: changes are sent to the gateway and its answer is the new cart.
enum CartReducer {
    /// The address the cart's shipping estimate is quoted for until the person gives theirs.
    static let estimateAddress = AddressInput(name: "Estimate", line1: "Estimate", city: "Estimate", postalCode: "10001", country: "US")

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        let rows = state.visibleRows(.cart)
        let count = state.cart.lines.count
        switch command {
        case .moveUp, .moveDown, .first, .last, .pageUp, .pageDown:
            state.cart.list.navigate(command, count: count, visibleRows: rows)
        case .addOne:
            guard let line = state.cart.selectedLine else { return [] }
            return setQuantity(line.productID, line.quantity.addingSaturating(1), &state)
        case .removeOne:
            guard let line = state.cart.selectedLine else { return [] }
            return line.quantity > 1 ? setQuantity(line.productID, line.quantity - 1, &state) : remove(line.productID, &state)
        case .removeLine:
            guard let line = state.cart.selectedLine else { return [] }
            return remove(line.productID, &state)
        case .checkout, .open:
            return CheckoutReducer.start(&state)
        case .back:
            return NavigationReducer.back(&state)
        default:
            break
        }
        return []
    }

    /// `u`: puts the line of the last change back to its quantity before it. A second `u`
    /// redoes the change (the undo is itself the last change).
    static func undo(_ state: inout AppState) -> [Effect] {
        guard let undo = state.cart.undo else {
            state.flash("Nothing to undo")
            return []
        }
        // The cart moved on since (another device, a refusal): only undo what is still true.
        let current = state.cart.cart.value?.line(for: undo.productID)?.quantity ?? 0
        guard current == undo.changedTo else {
            state.cart.undo = nil
            state.flash("Nothing to undo: \(undo.name) changed since")
            return []
        }
        state.cart.undo = nil
        state.cart.undoInFlight = undo.productID
        state.flash("Undoing: \(undo.name)…")
        return undo.quantity == 0 ? remove(undo.productID, &state) : setQuantity(undo.productID, undo.quantity, &state)
    }

    /// Adds units of a product from a listing; out of stock is refused here, before the gateway.
    static func add(productID: String, name: String, availability: Availability, quantity: Int, _ state: inout AppState) -> [Effect] {
        guard availability.canBuy else {
            state.banner = BannerMessage("\(name) is out of stock.", kind: .warning)
            return []
        }
        // The whole stock is in the cart already: say so instead of asking the gateway.
        if let line = state.cart.cart.value?.line(for: productID), line.stock > 0, line.quantity >= line.stock {
            state.banner = BannerMessage(alreadyAll(line.quantity, name), kind: .warning)
            return []
        }
        state.cart.pendingChanges += 1
        state.cart.pendingKinds[productID] = .add(units: quantity)
        state.flash("Adding \(quantity) × \(name)…")
        return [.addToCart(productID: productID, quantity: max(1, min(10, quantity)), currency: state.currency)]
    }

    /// `-` on a product in a listing: one unit fewer in the cart.
    static func removeOne(productID: String, name: String, _ state: inout AppState) -> [Effect] {
        guard let line = state.cart.cart.value?.line(for: productID) else {
            state.flash("\(name) is not in your cart")
            return []
        }
        return line.quantity > 1 ? setQuantity(productID, line.quantity - 1, &state) : remove(productID, &state)
    }

    static func setQuantity(_ productID: String, _ quantity: Int, _ state: inout AppState) -> [Effect] {
        state.cart.pendingChanges += 1
        state.cart.pendingKinds[productID] = .set(quantity: quantity)
        return [.setCartQuantity(productID: productID, quantity: quantity, currency: state.currency)]
    }

    static func remove(_ productID: String, _ state: inout AppState) -> [Effect] {
        state.cart.pendingChanges += 1
        state.cart.pendingKinds[productID] = nil
        return [.removeFromCart(productID: productID, currency: state.currency)]
    }

    /// Loads the cart, tagged with the change generation so an answer older than a change is dropped.
    static func load(_ state: AppState) -> Effect {
        .loadCart(currency: state.currency, generation: state.cart.changeGeneration)
    }

    static func cartLoaded(_ result: Result<Cart, ServiceFailure>, generation: Int?, _ state: inout AppState) -> [Effect] {
        state.record(result)
        // A change answered since this load was sent: its cart is newer than the load's.
        if let generation, generation < state.cart.changeGeneration { return [] }
        switch result {
        case .success(let cart):
            return apply(cart, &state)
        case .failure(let failure):
            state.cart.cart = state.cart.cart.failing(failure.message)
            return []
        }
    }

    static func cartChanged(_ productID: String, _ result: Result<Cart, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        state.cart.pendingChanges = max(0, state.cart.pendingChanges - 1)
        state.cart.changeGeneration += 1
        let kind = state.cart.pendingKinds.removeValue(forKey: productID)
        switch result {
        case .success(let cart):
            let before = state.cart.cart.value?.line(for: productID)?.quantity ?? 0
            let after = cart.line(for: productID)?.quantity ?? 0
            let wasUndo = state.cart.undoInFlight == productID
            if wasUndo { state.cart.undoInFlight = nil }
            if let name = cart.line(for: productID)?.name ?? state.cart.cart.value?.line(for: productID)?.name {
                let message: String
                if wasUndo { message = after == 0 ? "Undone: \(name) is out of the cart" : "Undone: \(name) back to \(after) in cart" }
                else if after > before { message = "Added \(name) — \(after) in cart" }
                else if after == 0 { message = "Removed \(name)" }
                else { message = "\(name): \(after) in cart" }
                if before != after {
                    // The change back is kept, and the message says which key makes it.
                    state.cart.undo = CartUndo(productID: productID, name: name, quantity: before, changedTo: after)
                    state.flash(message + (Keymap.advice(.undo, "undo", in: state.keyContext).map { " · \($0)" } ?? ""))
                } else {
                    state.flash(message)
                }
            }
            let effects = apply(cart, &state)
            // A line the undo put back may come back at the end: the selection goes with it, so
            // the next key acts on what was just restored.
            if wasUndo, let index = cart.lines.firstIndex(where: { $0.productID == productID }) {
                state.cart.list.select(index, count: cart.lines.count, shownRows: state.shownRows(.cart))
            }
            return effects
        case .failure(let failure):
            if failure.kind == .conflict, let available = failure.available {
                // A refused change leaves the cart as it was: the line is not marked, and the
                // banner says what is true about the stock.
                state.banner = BannerMessage(refusal(productID, available: available, kind: kind, failure: failure, state),
                                             kind: .warning)
            } else {
                state.showError(failure)
            }
            if state.cart.undoInFlight == productID { state.cart.undoInFlight = nil }
            // Show the cart as the gateway has it now.
            return [CartReducer.load(state)]
        }
    }

    /// Why the gateway refused more units, from what is in the cart and what it says is left.
    /// An add's `available` is the units beyond the cart's; a set's is the whole stock.
    static func refusal(_ productID: String, available: Int, kind: CartChangeKind?, failure: ServiceFailure,
                        _ state: AppState) -> String {
        let line = state.cart.cart.value?.line(for: productID)
        let inCart = max(0, line?.quantity ?? 0)
        guard let name = line?.name ?? productName(productID, state) else { return failure.message }
        let stock: Int
        switch kind {
        case .add: stock = inCart.addingReportingOverflow(max(0, available)).overflow ? Int.max : inCart + max(0, available)
        case .set, nil: stock = max(0, available)
        }
        if inCart > 0 && inCart == stock { return alreadyAll(inCart, name) }
        if stock == 0 { return "\(name) is out of stock." }
        if inCart == 0 { return "Only \(stock) of \(name) in stock." }
        return "Only \(stock) of \(name) in stock; you have \(inCart) in your cart."
    }

    static func alreadyAll(_ quantity: Int, _ name: String) -> String {
        quantity == 1 ? "\(name): you already have the last one in your cart." : "\(name): you already have all \(quantity) in your cart."
    }

    private static func productName(_ productID: String, _ state: AppState) -> String? {
        if let product = state.browse.detail.value, product.id == productID { return product.name }
        if let hit = state.search.hits.first(where: { $0.product.id == productID }) { return hit.product.name }
        return state.browse.products.firstIndex(ofID: productID, near: state.browse.productList.selected)
            .map { state.browse.products[$0].name }
    }

    /// Shows a cart the gateway sent and asks for its shipping estimate.
    private static func apply(_ cart: Cart, _ state: inout AppState) -> [Effect] {
        state.cart.cart = .loaded(cart)
        let count = cart.lines.count
        if let selected = state.cart.list.selected, selected < count {
            state.cart.list.select(selected, count: count, shownRows: state.shownRows(.cart))
        } else {
            state.cart.list.select(max(0, count - 1), count: count, shownRows: state.shownRows(.cart))
        }
        if cart.isEmpty {
            state.cart.shippingEstimate = .loaded(.zero(cart.subtotal.currency))
            return []
        }
        state.cart.shippingEstimate = state.cart.shippingEstimate.reloading
        let address = state.checkout?.selectedSavedAddress?.input ?? state.account.addresses.value?.first?.input ?? estimateAddress
        return [.quoteShipping(address, currency: cart.subtotal.currency, purpose: .cartEstimate)]
    }

    static func estimateQuoted(_ result: Result<[ShippingOption], ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        switch result {
        case .success(let options):
            let cheapest = options.min { $0.cost.amount < $1.cost.amount }
            if let cost = cheapest?.cost { state.cart.shippingEstimate = .loaded(cost) }
            else { state.cart.shippingEstimate = .failed("No shipping options", previous: nil) }
        case .failure(let failure):
            state.cart.shippingEstimate = .failed(failure.message, previous: nil)
        }
        return []
    }
}
