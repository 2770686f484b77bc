/// The items of a cursor-paged list, fetched a page at a time as iteration needs them.
///
/// ```swift
/// for try await product in client.catalog.products(category: "kitchen") {
///     print(product.name)   // the next page is fetched when this one is used up
/// }
/// ```
///
/// Nothing is fetched until iteration starts; each iteration starts again from the first
/// page. Stop early with `break` and no more pages are fetched. For a screen that pages
/// itself, ``firstPage()`` answers one ``Page`` whose ``Page/next()`` fetches the following one.
public struct PagedSequence<Element: Sendable>: AsyncSequence, Sendable {
    /// Fails with ``ShopError``.
    public typealias Failure = ShopError

    /// Fetches the page at a cursor (`nil` for the first page).
    public typealias PageFetcher = Page<Element>.Fetcher

    private let fetchPage: PageFetcher

    /// Creates a sequence over the pages `fetchPage` returns; each page it answers can fetch
    /// the next with ``Page/next()``.
    public init(fetchPage: @escaping PageFetcher) {
        self.fetchPage = PagedSequence.chaining(fetchPage)
    }

    /// The first page (its ``Page/next()`` fetches the second).
    public func firstPage() async throws(ShopError) -> Page<Element> {
        try await fetchPage(nil)
    }

    /// The page at `cursor`, a ``Page/nextCursor`` kept from earlier (`nil`: the first page).
    public func page(at cursor: String?) async throws(ShopError) -> Page<Element> {
        try await fetchPage(cursor)
    }

    /// Wraps a fetcher so every page it answers carries it, for ``Page/next()``.
    static func chaining(_ fetch: @escaping PageFetcher) -> PageFetcher {
        { cursor throws(ShopError) in try await fetch(cursor).fetching(with: chaining(fetch)) }
    }

    /// Starts iterating from the first page.
    public func makeAsyncIterator() -> Iterator {
        Iterator(fetchPage: fetchPage)
    }

    /// Collects every item of every page (mind the size of what you ask for).
    public func collect() async throws(ShopError) -> [Element] {
        var items: [Element] = []
        var iterator = makeAsyncIterator()
        while let item = try await iterator.next() { items.append(item) }
        return items
    }

    /// Walks the pages, buffering one page.
    public struct Iterator: AsyncIteratorProtocol {
        private let fetchPage: PageFetcher
        private var buffer: [Element] = []
        private var position = 0
        private var cursor: String?
        private var finished = false

        init(fetchPage: @escaping PageFetcher) {
            self.fetchPage = fetchPage
        }

        /// The next item, fetching the next page when needed; `nil` after the last page.
        public mutating func next() async throws(ShopError) -> Element? {
            try await next(isolation: nil)
        }

        /// The next item (isolation-aware form used by `for try await`).
        public mutating func next(isolation actor: isolated (any Actor)?) async throws(ShopError) -> Element? {
            while position == buffer.count {
                if finished { return nil }
                let page = try await fetchPage(cursor)
                buffer = page.items
                position = 0
                cursor = page.nextCursor
                // A page without a cursor is the last; so is a cursor that does not move.
                finished = page.nextCursor == nil || page.items.isEmpty
            }
            defer { position += 1 }
            return buffer[position]
        }
    }
}
