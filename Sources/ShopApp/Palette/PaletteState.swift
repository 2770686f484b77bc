import ShopKit
import TerminalUI

/// The command palette (`:` or Ctrl-P): a query, the entries that match it, and the gateway's
/// product search as it is typed (debounced, one request in flight).
public struct PaletteState: Equatable, Sendable {
    public var query = TextInputState(maxLength: 100)
    public var list = ListState()
    /// Bumped by every edit of the query; the debounce timer of an older one does nothing.
    public var generation = 0
    /// Products the gateway found for `productsQuery`.
    public var products: [ProductSummary] = []
    public var productsQuery = ""
    /// The query of the search on its way; nil when none is (never more than one).
    public var searchInFlight: String?
    /// The query changed while a search was on its way: search again when it answers.
    public var searchAgain = false
    public var productsError: String?

    public init() {}
}

/// What the palette remembers between openings: the entries chosen, most recent first.
public struct PaletteHistory: Equatable, Sendable {
    public var recent: [String] = []
    public static let limit = 20

    public init() {}

    public mutating func record(_ id: String) {
        recent.removeAll { $0 == id }
        recent.insert(id, at: 0)
        if recent.count > Self.limit { recent.removeLast(recent.count - Self.limit) }
    }

    /// 0 for the latest choice, then 1, …; nil when never chosen.
    public func rank(of id: String) -> Int? { recent.firstIndex(of: id) }
}
