/// One page of search results and, when nothing matched, the gateway's "did you mean …?".
public struct SearchPage: Sendable, Codable, Hashable {
    /// The hits of this page, best first, and the cursor of the next.
    public var page: Page<SearchHit>
    /// Only when nothing matched: a corrected query that finds products with the same filters
    /// (`"lamp"` for `"lamq"`). See the search rules in the contract.
    public var suggestion: String?

    /// Creates a search page.
    public init(page: Page<SearchHit>, suggestion: String? = nil) {
        self.page = page
        self.suggestion = suggestion
    }

    /// The hits of this page.
    public var items: [SearchHit] { page.items }
    /// The cursor of the next page; `nil` on the last page.
    public var nextCursor: String? { page.nextCursor }
    /// How many products match in all.
    public var total: Int? { page.total }
    /// Hits the gateway sent that broke the contract and were left out of ``items``.
    public var skipped: [ContractViolation] { page.skipped }
    /// True when there is no page after this one.
    public var isLast: Bool { page.isLast }
}
