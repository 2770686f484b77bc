import Foundation

/// A notification in the caller's inbox (the gateway's stand-in for e-mail).
///
/// Named `InboxMessage` rather than `Notification` so it does not clash with Foundation's.
public struct InboxMessage: Sendable, Codable, Hashable, Identifiable {
    /// The notification id.
    public var id: String
    /// What it is about.
    public var kind: NotificationKind
    /// The subject line.
    public var title: String
    /// The text.
    public var body: String
    /// The order concerned, if any.
    public var orderID: String?
    /// When it arrived.
    public var createdAt: Date
    /// True once marked read.
    public var isRead: Bool

    /// Creates an inbox message.
    public init(id: String, kind: NotificationKind, title: String, body: String, orderID: String? = nil,
                createdAt: Date, isRead: Bool) {
        self.id = id
        self.kind = kind
        self.title = title
        self.body = body
        self.orderID = orderID
        self.createdAt = createdAt
        self.isRead = isRead
    }
}
