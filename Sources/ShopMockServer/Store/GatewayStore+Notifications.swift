import GRDB

extension GatewayStore {
    func notifications(userId: String, unreadOnly: Bool) throws(GatewayProblem) -> (items: [NotificationRecord], unread: Int) {
        let all = try write { db in
            try self.advanceOrders(db, userId: userId)
            return try ServiceRows.notifications(db, userId: userId)
        }
        let unread = all.filter { !$0.read }
        return (unreadOnly ? unread : all, unread.count)
    }

    func markRead(userId: String, id: String) throws(GatewayProblem) -> NotificationRecord {
        try write { db in
            guard var note = try ServiceRows.notification(db, publicId: id), note.userId == userId else {
                throw GatewayProblem.notFound("There is no notification \(id).")
            }
            if !note.read {
                try db.cachedStatement(sql: "UPDATE notifications SET read = 1 WHERE public_id = ?").execute(arguments: [id])
                note.read = true
            }
            return note
        }
    }

    func markAllRead(userId: String) throws(GatewayProblem) {
        try write { db in
            try self.advanceOrders(db, userId: userId)
            try db.cachedStatement(sql: "UPDATE notifications SET read = 1 WHERE user_id = ? AND read = 0").execute(arguments: [userId])
        }
    }
}
