import ShopKit
import TerminalUI

/// The notifications inbox; its unread count is in the status bar.
enum InboxReducer {
    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        let rows = state.visibleRows(.inbox)
        let count = state.inbox.items.count
        switch command {
        case .moveUp, .moveDown, .first, .last, .pageUp, .pageDown:
            state.inbox.list.navigate(command, count: count, visibleRows: rows)
        case .open:
            guard let message = state.inbox.selected else { return [] }
            state.inbox.openedID = message.id
            guard !message.isRead, var items = state.inbox.messages.value,
                  let index = items.firstIndex(where: { $0.id == message.id }) else { return [] }
            items[index].isRead = true
            state.inbox.messages = .loaded(items)
            state.inbox.unreadCount = max(0, state.inbox.unreadCount - 1)
            return [.markNotificationRead(id: message.id)]
        case .markAllRead:
            guard var items = state.inbox.messages.value else { return [] }
            for index in items.indices { items[index].isRead = true }
            state.inbox.messages = .loaded(items)
            state.inbox.unreadCount = 0
            return [.markAllNotificationsRead]
        case .back:
            if state.inbox.openedID != nil {
                state.inbox.openedID = nil
                return []
            }
            return NavigationReducer.back(&state)
        default:
            break
        }
        return []
    }

    static func inboxLoaded(_ result: Result<Page<InboxMessage>, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        state.inbox.isPolling = false
        switch result {
        case .success(let page):
            state.inbox.messages = .loaded(page.items)
            state.inbox.unreadCount = page.unreadCount ?? 0
            state.inbox.list.select(state.inbox.list.selected ?? 0, count: page.items.count, shownRows: state.shownRows(.inbox))
            return NewsReducer.inboxSeen(page.items, &state)
        case .failure(let failure):
            state.inbox.messages = state.inbox.messages.failing(failure.message)
        }
        return []
    }
}
