import Foundation
import ShopKit

/// What the app knows to tell news from old news, and when it last rang for news.
///
/// News is an order whose status changed since the app last saw it, or an inbox message that
/// was not there at the last look, unless the person's own action in this session caused it
/// (placing or cancelling an order, registering). It rings at most once a minute.
public struct NewsBell: Equatable, Sendable {
    public static let minimumInterval: TimeInterval = 60

    public var lastRung: Date?
    /// The status each order had when last seen.
    public var orderStatuses: [String: OrderStatus] = [:]
    /// The inbox messages seen; nil before the first answer (all of it is old news then).
    public var seenMessages: Set<String>?
    /// Orders placed or cancelled here: their confirmation and cancellation are not news.
    public var ownOrders: Set<String> = []

    public init() {}

    /// Whether a ring may go at `now`; if so it counts as the last one.
    public mutating func mayRing(at now: Date) -> Bool {
        if let lastRung, now.timeIntervalSince(lastRung) < Self.minimumInterval { return false }
        lastRung = now
        return true
    }
}
