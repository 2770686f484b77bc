import ShopKit
import TerminalUI

/// The command palette: typing filters, ↑/↓ choose, Enter runs, Esc closes. Products come
/// from the gateway's search as the query is typed: debounced, one request in flight, and the
/// latest query searched once that one answers.
enum PaletteReducer {
    static let debounce: Duration = .milliseconds(200)
    /// Products listed from one search.
    static let productLimit = 8

    static func open(_ state: inout AppState) -> [Effect] {
        state.overlay = .palette
        state.palette = PaletteState()
        // Orders and addresses are offered too: ask for them if this session has not yet.
        var effects: [Effect] = []
        if state.orders.list == .idle {
            state.orders.list = .loading(previous: nil)
            effects.append(.loadOrders)
        }
        if state.isSignedIn && state.account.addresses == .idle {
            state.account.addresses = .loading(previous: nil)
            effects.append(.loadAddresses)
        }
        return effects
    }

    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        let keymap = state.keymap
        if let command = keymap.command(for: key, scope: .palette, typing: true) {
            return perform(command, &state)
        }
        guard let fieldKey = KeyReducer.fieldKey(key, keymap) else { return [] }
        let before = state.palette.query.text
        _ = state.palette.query.handle(fieldKey)
        guard state.palette.query.text != before else { return [] }
        return queryChanged(&state)
    }

    private static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        let count = PaletteCatalog.shown(state).count
        let rows = state.visibleRows(.palette)
        switch command {
        case .moveUp, .moveDown, .first, .last, .pageUp, .pageDown:
            state.palette.list.navigate(command, count: count, visibleRows: rows)
            return []
        case .back:
            state.overlay = nil
            return []
        case .open:
            return runSelected(&state)
        default:
            return []
        }
    }

    private static func queryChanged(_ state: inout AppState) -> [Effect] {
        state.palette.generation += 1
        state.palette.list = ListState()
        let query = trimmed(state)
        guard query.count >= 2 else {
            state.palette.products = []
            state.palette.productsQuery = ""
            return []
        }
        return [.startTimer(.paletteDebounce(generation: state.palette.generation), after: debounce)]
    }

    static func debounceElapsed(_ generation: Int, _ state: inout AppState) -> [Effect] {
        guard state.overlay == .palette, generation == state.palette.generation else { return [] }
        return searchLatest(&state)
    }

    /// Sends the current query unless a search is on its way (then it follows that one).
    private static func searchLatest(_ state: inout AppState) -> [Effect] {
        let query = trimmed(state)
        guard query.count >= 2, query != state.palette.productsQuery else { return [] }
        if state.palette.searchInFlight != nil {
            state.palette.searchAgain = true
            return []
        }
        state.palette.searchInFlight = query
        state.palette.searchAgain = false
        return [.paletteSearch(SearchQuery(text: query, currency: state.currency))]
    }

    static func searched(_ query: String, _ result: Result<SearchResults, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        state.palette.searchInFlight = nil
        guard state.overlay == .palette else { return [] }
        switch result {
        case .success(let results):
            state.palette.products = Array(results.hits.prefix(productLimit).map(\.product))
            state.palette.productsQuery = query
            state.palette.productsError = nil
        case .failure(let failure):
            state.palette.productsError = failure.message
        }
        let count = PaletteCatalog.shown(state).count
        state.palette.list.select(state.palette.list.selected ?? 0, count: count, shownRows: state.shownRows(.palette))
        // The query moved on while this one was answered: the latest goes now.
        guard state.palette.searchAgain || trimmed(state) != query else { return [] }
        state.palette.searchAgain = false
        return searchLatest(&state)
    }

    private static func runSelected(_ state: inout AppState) -> [Effect] {
        let shown = PaletteCatalog.shown(state)
        guard let row = state.palette.list.selected, row >= 0, row < shown.count else { return [] }
        let entry = shown[row]
        let products = state.palette.products
        state.overlay = nil
        state.paletteHistory.record(entry.id)
        switch entry.target {
        case .command(let command):
            return KeyReducer.perform(command, &state)
        case .category(let id):
            return showCategory(id, &state)
        case .product(let id):
            guard let product = products.first(where: { $0.id == id }) else { return [] }
            var effects = NavigationReducer.show(.browse, &state)
            effects += BrowseReducer.open(product, &state)
            return effects
        case .order(let id):
            return OrdersReducer.openDetail(orderID: id, replacingCheckout: false, &state)
        case .address(let id):
            let effects = NavigationReducer.show(.account, &state)
            state.account.section = .addresses
            let addresses = state.account.addresses.value ?? []
            if let index = addresses.firstIndex(where: { $0.id == id }) {
                state.account.addressList.select(index, count: addresses.count, shownRows: state.shownRows(.addresses))
            }
            return effects
        }
    }

    /// Browse with the category chosen and its products listed.
    private static func showCategory(_ id: String, _ state: inout AppState) -> [Effect] {
        var effects = NavigationReducer.show(.browse, &state)
        let categories = state.browse.categories.value ?? []
        guard let index = categories.firstIndex(where: { $0.id == id }) else { return effects }
        // Row 0 of the category list is "All products".
        state.browse.categoryList.select(index + 1, count: categories.count + 1, shownRows: state.shownRows(.categories))
        state.browse.focus = .products
        effects += BrowseReducer.restartListing(&state)
        return effects
    }

    private static func trimmed(_ state: AppState) -> String {
        state.palette.query.text.trimmingCharacters(in: .whitespaces)
    }
}
