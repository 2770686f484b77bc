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
    /// How long after `lastPolled` it is asked for again: every 15 s while the person uses the
    /// app; each poll with no key or click since doubles it, up to 5 minutes, so a still screen
    /// left alone costs next to no wake-ups (each poll wakes a dozen threads); the next key
    /// brings it back to 15 s and, if the inbox is older than that, polls at once.
    public var pollInterval: TimeInterval = InboxState.activePollInterval
    /// A poll is out and not answered yet: the next round is skipped rather than queued behind it.
    public var isPolling = false

    public static let activePollInterval: TimeInterval = 15
    public static let idlePollInterval: TimeInterval = 300

    public init() {}

    public var items: [InboxMessage] { messages.value ?? [] }

    public var selected: InboxMessage? {
        guard let row = list.selected, row >= 0, row < items.count else { return nil }
        return items[row]
    }
}
