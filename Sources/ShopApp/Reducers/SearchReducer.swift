import ShopKit
import TerminalUI

/// The search pane: typing is debounced, searched on the gateway, and only the answer to the
/// latest query is shown.
enum SearchReducer {
    static let debounce: Duration = .milliseconds(150)

    /// `/` from anywhere: opens the pane with the query focused; Esc returns to where it was.
    static func open(_ state: inout AppState) -> [Effect] {
        state.search.focus = .query
        if state.screen == .search { return [] }
        return NavigationReducer.show(.search, &state)
    }

    static func type(_ key: Key, _ state: inout AppState) -> [Effect] {
        let before = state.search.query.text
        _ = state.search.query.handle(key)
        guard state.search.query.text != before else { return [] }
        state.search.generation += 1
        if trimmedQuery(state).isEmpty {
            state.search.results = .idle
            state.search.shownQuery = ""
            return []
        }
        state.search.results = state.search.results.reloading
        return [.startTimer(.searchDebounce(generation: state.search.generation), after: debounce)]
    }

    static func debounceElapsed(_ generation: Int, _ state: inout AppState) -> [Effect] {
        guard generation == state.search.generation, !trimmedQuery(state).isEmpty else { return [] }
        return [.search(query(state), generation: generation)]
    }

    /// A filter or sort changed, or the currency: search again at once.
    static func searchNow(_ state: inout AppState) -> [Effect] {
        state.search.generation += 1
        guard !trimmedQuery(state).isEmpty else { return [] }
        state.search.results = state.search.results.reloading
        return [.search(query(state), generation: state.search.generation)]
    }

    static func searchLoaded(_ generation: Int, _ result: Result<SearchResults, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        // An answer to an older query: a newer one is on its way or already shown.
        guard generation == state.search.generation else { return [] }
        state.search.isLoadingMore = false
        state.search.pendingMove = nil  // a new first page: the move was in other results
        state.search.moreError = nil
        switch result {
        case .success(let results):
            state.search.results = .loaded(results)
            state.noteSkipped(results.skipped, "product")
            state.search.shownGeneration = generation
            state.search.shownQuery = trimmedQuery(state)
            state.search.list.select(0, count: results.hits.count, shownRows: state.shownRows(.searchResults))
        case .failure(let failure):
            state.search.results = state.search.results.failing(failure.message)
        }
        return []
    }

    /// Asks for the next page when the selection comes within a screen of the last loaded hit.
    static func loadMoreIfNeeded(_ state: inout AppState) -> [Effect] {
        let search = state.search
        guard search.shownGeneration == search.generation, !search.isLoadingMore,
            case .loaded(let results) = search.results, let cursor = results.nextCursor
        else { return [] }
        guard state.isNearEnd(of: .searchResults, selection: search.list, count: results.hits.count) else { return [] }
        state.search.isLoadingMore = true
        state.search.moreError = nil
        return [.searchMore(query(state), cursor: cursor, generation: search.generation)]
    }

    static func searchMoreLoaded(_ generation: Int, _ result: Result<SearchResults, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        // The query changed since: its first page replaces these results anyway.
        guard generation == state.search.generation, generation == state.search.shownGeneration,
            case .loaded(var results) = state.search.results
        else { return [] }
        state.search.isLoadingMore = false
        switch result {
        case .success(let page):
            // A cursor shifted by catalog changes can repeat a hit from the page before.
            let known = Set(results.hits.suffix(page.hits.count).map(\.product.id))
            results.hits += page.hits.filter { !known.contains($0.product.id) }
            results.skipped += page.skipped
            state.noteSkipped(page.skipped, "product")
            results.total = page.total
            results.nextCursor = page.nextCursor
            state.search.results = .loaded(results)
            if let pending = state.search.pendingMove {
                state.search.pendingMove = state.search.list.land(pending, count: results.hits.count, shownRows: state.shownRows(.searchResults),
                                                                  hasMore: page.nextCursor != nil)
                return loadMoreIfNeeded(&state)
            }
        case .failure(let failure):
            state.search.pendingMove = nil
            state.search.moreError = failure.message
        }
        return []
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        let rows = state.visibleRows(.searchResults)
        let count = state.search.hits.count
        switch command {
        case .moveUp, .moveDown, .first, .last, .pageUp, .pageDown:
            // G means the last match, not the last one loaded, and PgDn a whole page: past the
            // loaded end the selection waits for the pages to land (searchMoreLoaded).
            state.search.pendingMove = state.search.list.navigate(command, count: count, visibleRows: rows,
                                                                  hasMore: state.search.results.value?.nextCursor != nil, pending: state.search.pendingMove)
            return loadMoreIfNeeded(&state)
        case .nextPane, .previousPane:
            state.search.focus = state.search.focus == .query ? .results : .query
        case .cycleCategoryFilter:
            let ids = (state.browse.categories.value ?? []).map(\.id)
            if let current = state.search.categoryID, let index = ids.firstIndex(of: current) {
                state.search.categoryID = index + 1 < ids.count ? ids[index + 1] : nil
            } else {
                state.search.categoryID = ids.first
            }
            return searchNow(&state)
        case .toggleInStock:
            state.search.inStockOnly.toggle()
            return searchNow(&state)
        case .cycleSort:
            state.search.sort = state.search.sort.next
            return searchNow(&state)
        case .open:
            guard let hit = state.search.selectedHit else { return searchSuggestion(&state) }
            // Esc on the product comes back here, whatever the search was opened from.
            state.backStack.append(.search)
            return BrowseReducer.open(hit.product, &state)
        case .addOne:
            guard let hit = state.search.selectedHit else { return [] }
            return CartReducer.add(productID: hit.product.id, name: hit.product.name, availability: hit.product.availability, quantity: 1, &state)
        case .back:
            return NavigationReducer.back(&state)
        default:
            break
        }
        return []
    }

    /// Enter on "Did you mean …?": the suggestion becomes the query and is searched at once.
    private static func searchSuggestion(_ state: inout AppState) -> [Effect] {
        guard state.search.shownGeneration == state.search.generation,
            let suggestion = state.search.results.value?.suggestion
        else { return [] }
        state.search.query = TextInputState(text: suggestion, maxLength: state.search.query.maxLength)
        return searchNow(&state)
    }

    private static func trimmedQuery(_ state: AppState) -> String {
        state.search.query.text.trimmingCharacters(in: .whitespaces)
    }

    static func query(_ state: AppState) -> SearchQuery {
        SearchQuery(text: trimmedQuery(state), categoryID: state.search.categoryID, inStockOnly: state.search.inStockOnly,
                    sort: state.search.sort, currency: state.currency)
    }
}
