import ShopKit
import TerminalUI

/// What the gateway is asked to search for.
public struct SearchQuery: Equatable, Sendable {
    public var text: String
    public var categoryID: String?
    public var inStockOnly: Bool
    public var sort: SearchSort
    public var currency: CurrencyCode

    public init(text: String, categoryID: String? = nil, inStockOnly: Bool = false, sort: SearchSort = .relevance, currency: CurrencyCode = .usd) {
        self.text = text
        self.categoryID = categoryID
        self.inStockOnly = inStockOnly
        self.sort = sort
        self.currency = currency
    }
}

/// The search results loaded so far: one page, or several as the list is scrolled.
public struct SearchResults: Equatable, Sendable {
    public var hits: [SearchHit]
    /// How many products match in all.
    public var total: Int
    /// The cursor of the next page; nil once every match is loaded.
    public var nextCursor: String?
    /// When nothing matches: the gateway's corrected query ("did you mean …?").
    public var suggestion: String?
    /// Hits the gateway sent broken, which ShopKit left out of `hits` (``Page/skipped``).
    public var skipped: [ContractViolation]

    public init(hits: [SearchHit], total: Int, nextCursor: String? = nil, suggestion: String? = nil, skipped: [ContractViolation] = []) {
        self.hits = hits
        self.total = total
        self.nextCursor = nextCursor
        self.suggestion = suggestion
        self.skipped = skipped
    }
}

/// The search pane. Each edit bumps `generation`; a search is sent when the debounce timer of
/// the current generation fires, and only the answer for the current generation is shown.
public struct SearchState: Equatable, Sendable {
    public enum Focus: Equatable, Sendable { case query, results }

    public var query = TextInputState(maxLength: 100)
    public var generation = 0
    /// The generation whose answer is on screen.
    public var shownGeneration = 0
    public var results: Loadable<SearchResults> = .idle
    /// The text the shown results answer (for highlighting).
    public var shownQuery = ""
    public var categoryID: String?
    public var inStockOnly = false
    public var sort: SearchSort = .relevance
    public var list = ListState()
    public var focus: Focus = .query
    /// A further page of the shown results is on its way.
    public var isLoadingMore = false
    /// Why the last further page failed; moving in the list asks again.
    public var moreError: String?
    /// A move past the hits loaded so far (PgDn, ↓, G/End): each page that comes moves the
    /// selection along, and asks for the next until the move is done.
    public var pendingMove: PendingListMove?

    public init() {}

    public var hits: [SearchHit] { results.value?.hits ?? [] }

    public var selectedHit: SearchHit? {
        guard let row = list.selected, row >= 0, row < hits.count else { return nil }
        return hits[row]
    }
}

extension SearchSort {
    /// The label in the filter line.
    public var label: String {
        switch self {
        case .relevance: "relevance"
        case .priceAscending: "price ↑"
        case .priceDescending: "price ↓"
        case .rating: "rating"
        }
    }

    /// The next sort in the cycle relevance → price up → price down → rating.
    public var next: SearchSort {
        let all = SearchSort.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
