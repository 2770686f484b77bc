extension GatewayAPI {
    func listNotifications(_ input: Operations.ListNotifications.Input) async throws -> Operations.ListNotifications.Output {
        let shopper = try requireShopper()
        try checkParameter(input.query.cursor, "cursor", max: 200)
        let limit = try pageLimit(input.query.limit)
        let unreadOnly = input.query.unreadOnly ?? false
        let (items, unread) = try await store.notifications(userId: shopper.userId, unreadOnly: unreadOnly)
        let page = try Page(
            all: items, limit: limit, cursor: input.query.cursor,
            fingerprint: PageCursor.fingerprint("notifications", shopper.userId, String(unreadOnly)))
        return .ok(
            .init(body: .json(.init(items: page.items.map(\.wire), nextCursor: page.nextCursor, total: page.total, unreadCount: unread))))
    }

    func markNotificationRead(_ input: Operations.MarkNotificationRead.Input) async throws -> Operations.MarkNotificationRead.Output {
        let shopper = try requireShopper()
        try checkParameter(input.path.notificationId, "notificationId", max: 64)
        let note = try await store.markRead(userId: shopper.userId, id: input.path.notificationId)
        return .ok(.init(body: .json(note.wire)))
    }

    func markAllNotificationsRead(_ input: Operations.MarkAllNotificationsRead.Input) async throws -> Operations.MarkAllNotificationsRead.Output {
        let shopper = try requireShopper()
        try await store.markAllRead(userId: shopper.userId)
        return .ok(.init(body: .json(.init(unreadCount: 0))))
    }
}
