import Foundation
import ShopKit
import TerminalUI

/// The order history and the tracker of one order, refreshing itself while open.
enum OrdersReducer {
    static func performList(_ command: Command, _ state: inout AppState) -> [Effect] {
        let rows = state.visibleRows(.orders)
        let count = state.orders.orders.count
        switch command {
        case .moveUp, .moveDown, .first, .last, .pageUp, .pageDown:
            // G means the oldest order, not the last one loaded, and PgDn a whole page: past the
            // loaded end the selection waits for older pages to land (moreOrdersLoaded).
            state.orders.pendingMove = state.orders.listState.navigate(command, count: count, visibleRows: rows,
                                                                       hasMore: state.orders.nextCursor != nil, pending: state.orders.pendingMove)
            return loadMoreIfNeeded(&state)
        case .refresh: return NavigationReducer.onEnter(.orders, &state)
        case .open:
            guard let order = state.orders.selectedOrder else { return [] }
            return openDetail(orderID: order.id, replacingCheckout: false, &state)
        case .back: return NavigationReducer.back(&state)
        default: break
        }
        return []
    }

    static func openDetail(orderID: String, replacingCheckout: Bool, _ state: inout AppState) -> [Effect] {
        var detail = OrderDetailState(orderID: orderID)
        detail.order = .loading(previous: nil)
        detail.isRefreshing = true
        state.orders.detail = detail
        let load: [Effect] = [.loadOrder(id: orderID), .loadTracking(orderID: orderID)]
        if replacingCheckout {
            state.screen = .orderDetail
            return load
        }
        return load + NavigationReducer.show(.orderDetail, &state)
    }

    static func performDetail(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard var detail = state.orders.detail else { return NavigationReducer.back(&state) }
        defer { state.orders.detail = detail }
        // Scrolling stays between the top and the last screenful, so `k` after `G` moves at once.
        let shown = state.geometry(of: .orderDetail)
        let limit = shown?.maxOffset ?? 0
        let page = max(1, shown?.visibleRows ?? 1)
        detail.scroll = min(detail.scroll, limit)
        switch command {
        case .moveUp: detail.scroll = max(0, detail.scroll - 1)
        case .moveDown: detail.scroll = min(limit, detail.scroll + 1)
        case .pageUp: detail.scroll = max(0, detail.scroll - page)
        case .pageDown: detail.scroll = min(limit, detail.scroll + page)
        case .first: detail.scroll = 0
        case .last: detail.scroll = limit
        case .refresh:
            detail.isRefreshing = true
            return [.loadOrder(id: detail.orderID), .loadTracking(orderID: detail.orderID)]
        case .toggleInvoice, .open:
            detail.showsInvoice.toggle()
            detail.scroll = 0
            if detail.showsInvoice, detail.invoice.value == nil, !detail.invoice.isLoading {
                detail.invoice = .loading(previous: nil)
                return [.loadInvoice(orderID: detail.orderID)]
            }
        case .cancelOrder:
            guard let order = detail.order.value else { return [] }
            guard order.isCancellable else {
                state.banner = BannerMessage("This order has shipped and can no longer be cancelled.", kind: .info)
                return []
            }
            state.overlay = .confirmCancelOrder(orderID: order.id)
            state.dialogButton = 1  // "Keep it" is the safe default
        case .back:
            if detail.showsInvoice {
                detail.showsInvoice = false
                detail.scroll = 0
                return []
            }
            state.orders.detail = detail
            let effects = NavigationReducer.back(&state)
            detail = state.orders.detail ?? detail
            if state.screen == .orders { return effects + NavigationReducer.onEnter(.orders, &state) }
            return effects
        default: break
        }
        return []
    }

    static func cancelConfirmed(_ orderID: String, _ state: inout AppState) -> [Effect] {
        state.orders.detail?.isCancelling = true
        return [.cancelOrder(id: orderID)]
    }

    /// Called every tick: the open order is asked for again every few seconds until it is final.
    static func refreshIfDue(_ state: inout AppState) -> [Effect] {
        guard state.screen == .orderDetail, var detail = state.orders.detail, !detail.isRefreshing else { return [] }
        if let order = detail.order.value, order.status.isFinal { return [] }
        if let updated = detail.lastUpdated, state.now.timeIntervalSince(updated) < OrderDetailState.refreshInterval { return [] }
        detail.isRefreshing = true
        state.orders.detail = detail
        return [.loadOrder(id: detail.orderID), .loadTracking(orderID: detail.orderID)]
    }

    static func ordersLoaded(_ result: Result<Page<OrderSummary>, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        state.orders.isLoadingMore = false
        state.orders.pendingMove = nil  // a page still out no longer follows (see moreOrdersLoaded)
        switch result {
        case .success(let page):
            state.orders.list = .loaded(page.items)
            state.orders.nextCursor = page.nextCursor
            state.noteSkipped(page.skipped, "order")
            state.orders.listState.select(state.orders.listState.selected ?? 0, count: page.items.count, shownRows: state.shownRows(.orders))
            return page.items.flatMap { NewsReducer.orderSeen($0.id, $0.status, &state) }
        case .failure(let failure):
            state.orders.list = state.orders.list.failing(failure.message)
        }
        return []
    }

    /// Asks for older orders when the selection comes within a screen of the last one loaded.
    static func loadMoreIfNeeded(_ state: inout AppState) -> [Effect] {
        guard let cursor = state.orders.nextCursor, !state.orders.isLoadingMore, case .loaded(let orders) = state.orders.list,
            state.isNearEnd(of: .orders, selection: state.orders.listState, count: orders.count)
        else { return [] }
        state.orders.isLoadingMore = true
        return [.loadMoreOrders(cursor: cursor)]
    }

    static func moreOrdersLoaded(_ cursor: String, _ result: Result<Page<OrderSummary>, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        // The list was loaded again from its first page meanwhile: this page may not follow it.
        guard cursor == state.orders.nextCursor, case .loaded(var orders) = state.orders.list else { return [] }
        state.orders.isLoadingMore = false
        switch result {
        case .success(let page):
            let known = Set(orders.map(\.id))
            orders += page.items.filter { !known.contains($0.id) }
            state.noteSkipped(page.skipped, "order")
            state.orders.list = .loaded(orders)
            state.orders.nextCursor = page.nextCursor
            if let pending = state.orders.pendingMove {
                state.orders.pendingMove = state.orders.listState.land(pending, count: orders.count, shownRows: state.shownRows(.orders),
                                                                       hasMore: page.nextCursor != nil)
                return loadMoreIfNeeded(&state)
            }
        case .failure(let failure):
            state.orders.pendingMove = nil
            state.showError(failure)
        }
        return []
    }

    static func orderLoaded(_ id: String, _ result: Result<Order, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        guard var detail = state.orders.detail, detail.orderID == id else { return [] }
        detail.isRefreshing = false
        switch result {
        case .success(let order):
            detail.order = .loaded(order)
            detail.lastUpdated = state.now
            updateSummary(order, &state)
            state.orders.detail = detail
            return NewsReducer.orderSeen(order.id, order.status, &state)
        case .failure(let failure):
            detail.order = detail.order.failing(failure.message)
            detail.lastUpdated = state.now  // try again after the interval, not at once
        }
        state.orders.detail = detail
        return []
    }

    static func trackingLoaded(_ orderID: String, _ result: Result<Tracking, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        guard state.orders.detail?.orderID == orderID, case .success(let tracking) = result else { return [] }
        state.orders.detail?.tracking = tracking
        return []
    }

    static func invoiceLoaded(_ orderID: String, _ result: Result<Invoice, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        guard state.orders.detail?.orderID == orderID else { return [] }
        switch result {
        case .success(let invoice): state.orders.detail?.invoice = .loaded(invoice)
        case .failure(let failure): state.orders.detail?.invoice = .failed(failure.message, previous: nil)
        }
        return []
    }

    static func orderCancelled(_ id: String, _ result: Result<Order, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        if state.orders.detail?.orderID == id { state.orders.detail?.isCancelling = false }
        switch result {
        case .success(let order):
            if state.orders.detail?.orderID == id {
                state.orders.detail?.order = .loaded(order)
                state.orders.detail?.lastUpdated = state.now
                state.orders.detail?.invoice = .idle
            }
            updateSummary(order, &state)
            NewsReducer.ownAction(order: order.id, status: order.status, &state)
            state.showSuccess("Order \(order.id) is cancelled; the charge is refunded.")
            return [.loadTracking(orderID: id), .loadInbox]
        case .failure(let failure):
            state.showError(failure)
            return [.loadOrder(id: id)]
        }
    }

    private static func updateSummary(_ order: Order, _ state: inout AppState) {
        guard var list = state.orders.list.value, let index = list.firstIndex(where: { $0.id == order.id }) else { return }
        list[index].status = order.status
        state.orders.list = .loaded(list)
    }
}
