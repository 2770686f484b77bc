/// One page of the inbox and how many messages are unread in all.
public struct InboxPage: Sendable, Codable, Hashable {
    /// The messages of this page, newest first, and the cursor of the next.
    public var page: Page<InboxMessage>
    /// Unread messages in the whole inbox (not just this page).
    public var unreadCount: Int

    /// Creates an inbox page.
    public init(page: Page<InboxMessage>, unreadCount: Int) {
        self.page = page
        self.unreadCount = unreadCount
    }

    /// The messages of this page.
    public var messages: [InboxMessage] { page.items }
}
