import ShopKit
import TerminalUI

/// Rings the terminal for news while the app runs (see `NewsBell`): BEL, or a desktop
/// notification through OSC 9 or OSC 777, as configured; nothing when it is off.
enum NewsReducer {
    /// An order as the gateway shows it now.
    static func orderSeen(_ id: String, _ status: OrderStatus, _ state: inout AppState) -> [Effect] {
        let before = state.newsBell.orderStatuses.updateValue(status, forKey: id)
        guard let before, before != status else { return [] }
        return ring("Order \(id) is now \(status.displayName.lowercased())", &state)
    }

    /// The person placed or cancelled this order: what follows from it is not news.
    static func ownAction(order id: String, status: OrderStatus, _ state: inout AppState) {
        state.newsBell.ownOrders.insert(id)
        state.newsBell.orderStatuses[id] = status
    }

    static func inboxSeen(_ messages: [InboxMessage], _ state: inout AppState) -> [Effect] {
        let ids = Set(messages.map(\.id))
        guard let seen = state.newsBell.seenMessages else {
            state.newsBell.seenMessages = ids
            return []
        }
        state.newsBell.seenMessages = seen.union(ids)
        let news = messages.filter { !seen.contains($0.id) && !$0.isRead && isNews($0, state) }
        guard let first = news.first else { return [] }
        return ring(first.title, &state)
    }

    private static func isNews(_ message: InboxMessage, _ state: AppState) -> Bool {
        switch message.kind {
        case .welcome: return false
        case .orderConfirmation, .orderCancelled:
            return message.orderID.map { !state.newsBell.ownOrders.contains($0) } ?? true
        default: return true
        }
    }

    /// The signal for `message`, if notifications are on and the last ring is a minute old.
    static func ring(_ message: String, _ state: inout AppState) -> [Effect] {
        let style = state.notificationStyle
        guard style != .off, state.newsBell.mayRing(at: state.now) else { return [] }
        switch style {
        case .off: return []
        case .bell: return [.signal(.bell)]
        case .osc9: return [.signal(.notify(message: "shop: \(message)"))]
        case .osc777: return [.signal(.notifyTitled(title: "shop", body: message))]
        }
    }
}
