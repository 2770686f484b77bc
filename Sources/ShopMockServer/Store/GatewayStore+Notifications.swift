extension GatewayStore {
    func notifications(userId: String, unreadOnly: Bool) throws(GatewayProblem) -> (items: [NotificationRecord], unread: Int) {
        try refreshOrders(userId: userId)
        let all = (notificationIdsByUser[userId] ?? []).compactMap { notifications[$0] }
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.sequence > $1.sequence }
        let unread = all.filter { !$0.read }
        return (unreadOnly ? unread : all, unread.count)
    }

    func markRead(userId: String, id: String) throws(GatewayProblem) -> NotificationRecord {
        guard var note = notifications[id], note.userId == userId else {
            throw .notFound("There is no notification \(id).")
        }
        if !note.read {
            note.read = true
            notifications[id] = note
            markDirty(.notifications, id)
            try commit()
        }
        return note
    }

    func markAllRead(userId: String) throws(GatewayProblem) {
        try refreshOrders(userId: userId)
        for id in notificationIdsByUser[userId] ?? [] where notifications[id]?.read == false {
            notifications[id]?.read = true
            markDirty(.notifications, id)
        }
        try commit()
    }
}
