import Foundation
import ShopKit
import TerminalUI

/// The notifications inbox (the gateway's stand-in for e-mail).
public struct InboxState: Equatable, Sendable {
    public var messages: Loadable<[InboxMessage]> = .idle
    public var unreadCount = 0
    public var list = ListState()
    /// The message opened with Enter.
    public var openedID: String?
    /// When the inbox was last asked for (it is polled for the unread count).
    public var lastPolled: Date?

    public init() {}

    public var items: [InboxMessage] { messages.value ?? [] }

    public var selected: InboxMessage? {
        guard let row = list.selected, row >= 0, row < items.count else { return nil }
        return items[row]
    }
}
