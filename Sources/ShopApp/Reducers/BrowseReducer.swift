import ShopKit
import TerminalUI

/// The home screen: categories, the paged product list and the detail pane.
enum BrowseReducer {
    /// Ask for the next page when the selection comes this close to the end of what is loaded.
    static let prefetchDistance = 5
    /// How far back a new page is checked for products already listed.
    static let dedupeWindow = 1000

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .moveUp, .moveDown, .first, .last, .pageUp, .pageDown:
            if state.browse.focus == .detail { return scrollDescription(command, &state) }
            return move(command, &state)
        case .focusLeft:
            state.browse.focus = state.browse.focus == .detail ? .products : .categories
            return []
        case .focusRight:
            state.browse.focus = state.browse.focus == .categories ? .products : .detail
            return []
        case .moveLeft:
            if state.browse.focus == .detail {
                state.browse.quantity = max(1, state.browse.quantity - 1)
            } else {
                state.browse.focus = .categories
            }
            return []
        case .moveRight:
            if state.browse.focus == .detail {
                let stock = state.browse.detail.value?.stock ?? 10
                state.browse.quantity = min(max(1, min(10, stock)), state.browse.quantity + 1)
            } else {
                state.browse.focus = state.browse.focus == .categories ? .products : .detail
            }
            return []
        case .nextPane, .previousPane:
            let panes = BrowseState.Pane.allCases
            let step = command == .nextPane ? 1 : panes.count - 1
            state.browse.focus = panes[(panes.firstIndex(of: state.browse.focus)! + step) % panes.count]
            return []
        case .open:
            switch state.browse.focus {
            case .categories:
                state.browse.focus = .products
                return []
            case .products:
                state.browse.focus = .detail
                return []
            case .detail:
                if let index = state.browse.recommendationSelected, index < state.browse.recommendations.count {
                    return open(state.browse.recommendations[index], &state)
                }
                guard let product = state.browse.detail.value, product.id == state.browse.detailProductID else { return [] }
                return CartReducer.add(productID: product.id, name: product.name, availability: product.availability,
                                       quantity: state.browse.quantity, &state)
            }
        case .addOne:
            guard let product = focusedProduct(state) else { return [] }
            return CartReducer.add(productID: product.id, name: product.name, availability: product.availability, quantity: 1, &state)
        case .removeOne:
            guard let product = focusedProduct(state) else { return [] }
            return CartReducer.removeOne(productID: product.id, name: product.name, &state)
        case .back:
            if state.browse.focus == .detail && state.backStack.last == .search {
                return NavigationReducer.back(&state)
            }
            if state.browse.focus != .products {
                state.browse.focus = .products
                return []
            }
            return NavigationReducer.back(&state)
        default:
            return []
        }
    }

    /// The product `+`/`-` act on: the current product (the one in the detail pane), whichever
    /// pane has focus, so the list, the details and the cart never disagree.
    static func focusedProduct(_ state: AppState) -> (id: String, name: String, availability: Availability)? {
        let browse = state.browse
        guard let id = browse.detailProductID else {
            return browse.selectedProduct.map { ($0.id, $0.name, $0.availability) }
        }
        if let product = browse.detail.value, product.id == id { return (product.id, product.name, product.availability) }
        if let summary = browse.detailSummary, summary.id == id { return (summary.id, summary.name, summary.availability) }
        return nil
    }

    /// Opens a product found elsewhere (Search, a recommendation) as the current product, in the
    /// detail pane with focus. The list selects it when it is loaded, and selects nothing
    /// otherwise, so no other row looks current.
    static func open(_ product: ProductSummary, _ state: inout AppState) -> [Effect] {
        state.screen = .browse
        state.browse.focus = .detail
        if let index = state.browse.products.firstIndex(ofID: product.id, near: state.browse.productList.selected) {
            state.browse.productList.select(index, count: state.browse.products.count, shownRows: state.shownRows(.products))
        } else {
            state.browse.productList.selected = nil
        }
        return showDetail(productID: product.id, summary: product, &state)
    }

    private static func move(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard let key = command.navigationKey else { return [] }
        switch state.browse.focus {
        case .categories:
            let rows = state.visibleRows(.categories)
            let count = (state.browse.categories.value?.count ?? 0) + 1
            let before = state.browse.categoryList.selected
            _ = state.browse.categoryList.handle(key, count: count, visibleRows: rows)
            guard state.browse.categoryList.selected != before else { return [] }
            var effects = restartListing(&state)
            effects.append(.loadAds(categories: state.browse.selectedCategoryID.map { [$0] } ?? []))
            return effects
        case .products, .detail:
            // Past the loaded end (G, or PgDn near it), the selection waits on the last loaded
            // product and goes on as the pages land (productsLoaded).
            let browse = state.browse
            state.browse.pendingMove = state.browse.productList.navigate(
                command, count: browse.products.count, visibleRows: state.visibleRows(.products),
                hasMore: browse.nextCursor != nil && browse.pageError == nil, pending: browse.pendingMove)
            guard state.browse.pendingMove != nil else { return selectionChanged(&state) }
            return selectionChanged(&state) + loadNextPage(&state)
        }
    }

    /// j/k, PgUp/PgDn, g/G in the detail pane scroll the description; below its end, ↓ walks
    /// the recommendations (Enter opens the highlighted one) and ↑ walks back up.
    private static func scrollDescription(_ command: Command, _ state: inout AppState) -> [Effect] {
        let shown = state.geometry(of: .productDescription)
        let limit = shown?.maxOffset ?? 0
        let page = max(1, shown?.visibleRows ?? 1)
        let scroll = min(state.browse.descriptionScroll, limit)
        let recommendations = state.browse.recommendations.count
        switch command {
        case .moveUp:
            if let current = state.browse.recommendationSelected {
                state.browse.recommendationSelected = current > 0 ? current - 1 : nil
            } else {
                state.browse.descriptionScroll = max(0, scroll - 1)
            }
        case .moveDown:
            if scroll < limit {
                state.browse.descriptionScroll = scroll + 1
            } else if recommendations > 0 {
                state.browse.recommendationSelected = min(recommendations - 1, (state.browse.recommendationSelected ?? -1) + 1)
            }
        case .pageUp: state.browse.descriptionScroll = max(0, scroll - page)
        case .pageDown: state.browse.descriptionScroll = min(limit, scroll + page)
        case .first: state.browse.descriptionScroll = 0
        case .last: state.browse.descriptionScroll = limit
        default: break
        }
        return []
    }

    /// The listing starts again from its first page (new category or currency).
    static func restartListing(_ state: inout AppState) -> [Effect] {
        state.browse.listingGeneration += 1
        state.browse.products = []
        state.browse.nextCursor = nil
        state.browse.totalProducts = nil
        state.browse.hasLoadedFirstPage = false
        state.browse.pageError = nil
        state.browse.isLoadingPage = true
        state.browse.pendingMove = nil
        state.browse.productList = ListState()
        return [.loadProducts(categoryID: state.browse.selectedCategoryID, cursor: nil, currency: state.currency,
                              generation: state.browse.listingGeneration)]
    }

    /// After the selection moved: the detail of the new product, and the next page when near the end.
    static func selectionChanged(_ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        if let product = state.browse.selectedProduct, product.id != state.browse.detailProductID {
            effects += showDetail(productID: product.id, summary: product, &state)
        }
        effects += loadNextPageIfNeeded(&state)
        return effects
    }

    static func showDetail(productID: String, summary: ProductSummary? = nil, _ state: inout AppState) -> [Effect] {
        state.browse.detailProductID = productID
        state.browse.detailSummary = summary
        state.browse.detail = .loading(previous: nil)
        state.browse.quantity = 1
        state.browse.descriptionScroll = 0
        state.browse.recommendations = []
        state.browse.recommendationSelected = nil
        return requestDetailIfIdle(&state)
    }

    /// Asks for the shown product unless a request is already out; its answer asks again for
    /// whatever is shown by then (productLoaded), so superseded requests never queue up.
    static func requestDetailIfIdle(_ state: inout AppState) -> [Effect] {
        guard state.browse.detailInFlight == nil, let productID = state.browse.detailProductID else { return [] }
        state.browse.detailInFlight = productID
        return [.loadProduct(id: productID, currency: state.currency),
                .loadRecommendations(productID: productID, currency: state.currency)]
    }

    static func loadNextPageIfNeeded(_ state: inout AppState) -> [Effect] {
        // Keep a screenful (at least) loaded below the selection.
        guard state.isNearEnd(of: .products, selection: state.browse.productList, count: state.browse.products.count) else { return [] }
        return loadNextPage(&state)
    }

    /// The next page of the listing, unless one is on its way or there is none.
    static func loadNextPage(_ state: inout AppState) -> [Effect] {
        let browse = state.browse
        guard let cursor = browse.nextCursor, !browse.isLoadingPage, browse.pageError == nil else { return [] }
        state.browse.isLoadingPage = true
        return [.loadProducts(categoryID: browse.selectedCategoryID, cursor: cursor, currency: state.currency,
                              generation: browse.listingGeneration)]
    }

    static func categoriesLoaded(_ result: Result<[ShopKit.Category], ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        switch result {
        case .success(let categories):
            state.browse.categories = .loaded(categories)
        case .failure(let failure):
            state.browse.categories = state.browse.categories.failing(failure.message)
        }
        return []
    }

    static func productsLoaded(_ generation: Int, _ result: Result<Page<ProductSummary>, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        guard generation == state.browse.listingGeneration else { return [] }  // an older listing
        state.browse.isLoadingPage = false
        switch result {
        case .success(let page):
            // A cursor shifted by catalog changes repeats products from just before it, so only
            // the tail is checked: hashing every loaded id made each page O(catalog), 4.6 ms
            // median (p99 14 ms) per page at 100k products, 28 s of CPU to list them all.
            let products = state.browse.products
            let known = Set(products.indices.suffix(dedupeWindow).map(products.id(at:)))
            state.browse.products += page.items.filter { !known.contains($0.id) }
            state.noteSkipped(page.skipped, "product")
            state.browse.nextCursor = page.nextCursor
            state.browse.totalProducts = page.total
            state.browse.hasLoadedFirstPage = true
            state.browse.pageError = nil
            let count = state.browse.products.count
            if let selected = state.browse.productList.selected {
                if selected >= count { state.browse.productList.select(0, count: count, shownRows: state.shownRows(.products)) }
            } else if let current = state.browse.detailProductID {
                // A product opened from elsewhere stays current; the list selects it once loaded.
                if let index = state.browse.products.firstIndex(ofID: current) {
                    state.browse.productList.select(index, count: count, shownRows: state.shownRows(.products))
                }
                return loadNextPageIfNeeded(&state)
            } else {
                state.browse.productList.select(0, count: count, shownRows: state.shownRows(.products))
            }
            if let pending = state.browse.pendingMove {
                state.browse.pendingMove = state.browse.productList.land(pending, count: count, shownRows: state.shownRows(.products),
                                                                         hasMore: state.browse.nextCursor != nil)
                // On the way to the end, the products passed are not opened one by one.
                if state.browse.pendingMove == .end { return loadNextPage(&state) }
            }
            return selectionChanged(&state)
        case .failure(let failure):
            state.browse.pageError = failure.message
            state.browse.pendingMove = nil
            return []
        }
    }

    static func productLoaded(_ id: String, _ result: Result<Product, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        if state.browse.detailInFlight == id { state.browse.detailInFlight = nil }
        // Superseded while on its way: ask for the product shown now instead.
        guard id == state.browse.detailProductID else { return requestDetailIfIdle(&state) }
        switch result {
        case .success(let product):
            state.browse.detail = .loaded(product)
            state.browse.quantity = max(1, min(state.browse.quantity, min(10, product.stock)))
            // Keep the list's copy in step (price in the new currency, current stock).
            if let index = state.browse.products.firstIndex(ofID: id, near: state.browse.productList.selected) {
                state.browse.products[index] = product.summary
            }
        case .failure(let failure):
            state.browse.detail = .failed(failure.message, previous: nil)
        }
        return []
    }
}
