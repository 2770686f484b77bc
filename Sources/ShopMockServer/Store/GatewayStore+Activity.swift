extension GatewayStore {
    /// The trail of one account (or, for the admin, of the whole gateway), newest first.
    func activity(userId: String?) -> [ActivityRecord] {
        (try? read { db in try ServiceRows.activity(db, userId: userId) }) ?? []
    }
}
