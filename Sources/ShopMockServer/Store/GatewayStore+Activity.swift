extension GatewayStore {
    /// The trail of one account (or, for the admin, of the whole gateway), newest first.
    func activity(userId: String?) -> [ActivityRecord] {
        activity.reversed().filter { userId == nil || $0.userId == userId }
    }
}
