import TerminalUI

/// What `y` copies here, and copying it through OSC 52.
enum CopyReducer {
    /// The id on screen a person would want elsewhere (a support mail, a carrier's site):
    /// the order's in the orders and the tracker, the tracking id when the tracker shows one,
    /// the product code in listings, details and the cart.
    struct Target: Equatable {
        /// "order id", "tracking id", "product code".
        var what: String
        var value: String
    }

    static func target(_ state: AppState) -> Target? {
        switch state.screen {
        case .orders:
            return state.orders.selectedOrder.map { Target(what: "order id", value: $0.id) }
        case .orderDetail:
            guard let detail = state.orders.detail, !detail.showsInvoice else { return nil }
            if let tracking = detail.tracking?.trackingID ?? detail.order.value?.trackingID, !tracking.isEmpty {
                return Target(what: "tracking id", value: tracking)
            }
            return Target(what: "order id", value: detail.orderID)
        case .browse:
            switch state.browse.focus {
            case .categories: return nil
            case .products: return state.browse.selectedProduct.map { Target(what: "product code", value: $0.code) }
            case .detail:
                return (state.browse.detail.value?.code ?? state.browse.detailSummary?.code).map { Target(what: "product code", value: $0) }
            }
        case .search:
            guard state.search.focus == .results else { return nil }
            return state.search.selectedHit.map { Target(what: "product code", value: $0.product.code) }
        case .cart:
            guard let line = state.cart.selectedLine else { return nil }
            return productCode(line.productID, state).map { Target(what: "product code", value: $0) }
        case .inbox:
            return state.inbox.selected?.orderID.map { Target(what: "order id", value: $0) }
        case .checkout, .account:
            return nil
        }
    }

    /// A product's code, from whatever the app has loaded that names it (a cart line does not).
    private static func productCode(_ productID: String, _ state: AppState) -> String? {
        if let product = state.browse.detail.value, product.id == productID { return product.code }
        if let hit = state.search.hits.first(where: { $0.product.id == productID }) { return hit.product.code }
        if let index = state.browse.products.firstIndex(ofID: productID) { return state.browse.products[index].code }
        return state.browse.recommendations.first { $0.id == productID }?.code
    }

    static func copy(_ state: inout AppState) -> [Effect] {
        guard state.copyEnabled, let target = target(state) else { return [] }
        // Ids come from the gateway: only what a person could type goes on the clipboard.
        let value = TextSanitizer.sanitizeLine(target.value)
        guard !value.isEmpty else { return [] }
        state.flash("Copied \(target.what) \(value)")
        return [.signal(.copy(value))]
    }
}
