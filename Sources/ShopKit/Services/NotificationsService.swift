/// The caller's inbox: order confirmations and shipping updates.
public struct NotificationsService: Sendable {
    let gateway: Gateway

    /// Every message of the inbox, newest first, page by page as you iterate.
    public func list(unreadOnly: Bool? = nil, pageSize: Int? = nil) -> PagedSequence<InboxMessage> {
        PagedSequence { [gateway] cursor throws(ShopError) in
            try await gateway.call {
                let page = try await $0.listNotifications(query: .init(unreadOnly: unreadOnly, limit: pageSize, cursor: cursor))
                    .ok.body.json
                return Page(items: page.items.map(InboxMessage.init(wire:)), nextCursor: page.nextCursor,
                            total: page.total, unreadCount: page.unreadCount)
            }
        }
    }

    /// One page of the inbox, newest first; ``Page/unreadCount`` is the unread count of the
    /// whole inbox and ``Page/next()`` fetches the next page.
    public func listPage(unreadOnly: Bool? = nil, cursor: String? = nil,
                         limit: Int? = nil) async throws(ShopError) -> Page<InboxMessage> {
        try await list(unreadOnly: unreadOnly, pageSize: limit).page(at: cursor)
    }

    /// Marks one message read and answers it.
    @discardableResult
    public func markRead(id: String) async throws(ShopError) -> InboxMessage {
        try await gateway.call {
            InboxMessage(wire: try await $0.markNotificationRead(path: .init(notificationId: id)).ok.body.json)
        }
    }

    /// Marks the whole inbox read; answers the unread count (0).
    @discardableResult
    public func markAllRead() async throws(ShopError) -> Int {
        try await gateway.call { try await $0.markAllNotificationsRead().ok.body.json.unreadCount }
    }
}
