import TerminalUI

/// Mouse clicks and the wheel, when enabled: the wheel moves the current list; a click lands
/// on what the last frame drew under the pointer, as its views published it (`ScreenLayout`):
/// a tab opens, a row is selected (a click on the selected row opens it), a dialog button is
/// pressed. Nothing here knows where anything is drawn.
enum MouseReducer {
    static func handle(_ event: MouseEvent, _ state: inout AppState) -> [Effect] {
        guard state.mouseEnabled, !state.isTooSmall else { return [] }
        switch event.action {
        case .wheelUp, .wheelDown:
            guard state.overlay == nil else { return [] }
            let command: Command = event.action == .wheelUp ? .moveUp : .moveDown
            return (0..<3).flatMap { _ in KeyReducer.perform(command, &state) }
        case .click:
            let layout = state.layoutOnScreen
            guard let target = layout.target(at: event.position) else { return [] }
            return click(target, at: event.position, in: layout, &state)
        case .rightClick:
            return []
        }
    }

    private static func click(_ target: HitTarget, at position: Position, in layout: ScreenLayout, _ state: inout AppState) -> [Effect] {
        if state.overlay != nil {
            // Only the overlay's own buttons answer while it is up.
            guard case .dialogButton(let index) = target, let overlay = state.overlay else { return [] }
            state.dialogButton = index
            return KeyReducer.confirm(overlay, &state)
        }
        switch target {
        case .tab(let screen):
            if screen == .search { return SearchReducer.open(&state) }
            return NavigationReducer.show(screen, &state)
        case .browsePane(let pane):
            state.browse.focus = pane
            return []
        case .accountSection(let section):
            state.account.section = section
            return []
        case .searchQuery:
            state.search.focus = .query
            return []
        case .recommendation(let index):
            guard index < state.browse.recommendations.count else { return [] }
            return BrowseReducer.open(state.browse.recommendations[index], &state)
        case .rows(let list):
            guard let geometry = layout.lists[list], let row = geometry.item(at: position) else { return [] }
            return clickRow(row, of: list, shown: geometry, &state)
        case .dialogButton, .modal:
            return []
        }
    }

    /// A click on row `row` of `list`, drawn as `shown`.
    private static func clickRow(_ row: Int, of list: LayoutList, shown: ListGeometry, _ state: inout AppState) -> [Effect] {
        let rows = shown.visibleRows
        switch list {
        case .categories:
            state.browse.focus = .categories
            guard row != state.browse.categoryList.selected else { return [] }
            state.browse.categoryList.select(row, count: shown.count, visibleRows: rows)
            return BrowseReducer.restartListing(&state)
        case .products:
            state.browse.focus = .products
            state.browse.productList.select(row, count: state.browse.products.count, visibleRows: rows)
            return BrowseReducer.selectionChanged(&state)
        case .searchResults:
            state.search.focus = .results
            return selectOrOpen(row, \.search.list, count: state.search.hits.count, rows: rows, &state)
        case .cart:
            return selectOrOpen(row, \.cart.list, count: state.cart.lines.count, rows: rows, &state)
        case .orders:
            return selectOrOpen(row, \.orders.listState, count: state.orders.orders.count, rows: rows, &state)
        case .inbox:
            return selectOrOpen(row, \.inbox.list, count: state.inbox.items.count, rows: rows, &state)
        case .addresses:
            state.account.addressList.select(row, count: shown.count, visibleRows: rows)
            return []
        case .activity:
            state.account.activityList.select(row, count: shown.count, visibleRows: rows)
            return []
        case .checkoutAddresses:
            guard state.checkout != nil else { return [] }
            return selectOrOpen(row, \.checkout!.addressChoice, count: shown.count, rows: rows, &state)
        case .checkoutShipping:
            guard state.checkout != nil else { return [] }
            return selectOrOpen(row, \.checkout!.shippingChoice, count: shown.count, rows: rows, &state)
        case .productDescription, .orderDetail, .help, .palette:
            return []
        }
    }

    /// Selects the row; a click on the row already selected opens it, as Enter does.
    private static func selectOrOpen(_ row: Int, _ list: WritableKeyPath<AppState, ListState>, count: Int, rows: Int,
                                     _ state: inout AppState) -> [Effect] {
        if state[keyPath: list].selected == row { return KeyReducer.perform(.open, &state) }
        state[keyPath: list].select(row, count: count, visibleRows: rows)
        return []
    }
}
