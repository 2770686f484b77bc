import Foundation
import ShopKit
import TerminalUI

/// The order history and the tracker of one order.
public struct OrdersState: Equatable, Sendable {
    public var list: Loadable<[OrderSummary]> = .idle
    /// The cursor of the next page of older orders; nil once the history is all loaded.
    public var nextCursor: String?
    /// A further page is on its way.
    public var isLoadingMore = false
    /// A move past the orders loaded so far (PgDn, ↓, G), carried on as older pages land.
    public var pendingMove: PendingListMove?
    public var listState = ListState()
    public var detail: OrderDetailState?

    public init() {}

    public var orders: [OrderSummary] { list.value ?? [] }

    public var selectedOrder: OrderSummary? {
        guard let row = listState.selected, row >= 0, row < orders.count else { return nil }
        return orders[row]
    }
}

/// One order opened: lines, totals, the status timeline and tracking, refreshed while open.
public struct OrderDetailState: Equatable, Sendable {
    public var orderID: String
    public var order: Loadable<Order> = .idle
    public var tracking: Tracking?
    public var invoice: Loadable<Invoice> = .idle
    public var showsInvoice = false
    /// When the last refresh was answered ("updated 3 s ago").
    public var lastUpdated: Date?
    public var isRefreshing = false
    public var isCancelling = false
    public var scroll = 0

    public init(orderID: String) {
        self.orderID = orderID
    }

    /// Seconds between refreshes while the order is open and still moving.
    public static let refreshInterval: TimeInterval = 3
}
