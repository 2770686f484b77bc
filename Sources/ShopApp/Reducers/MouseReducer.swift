import TerminalUI

/// Mouse clicks and the wheel, when enabled: the wheel moves the current list, a click on the
/// header opens a tab, a click on a list row selects it.
enum MouseReducer {
    static func handle(_ event: MouseEvent, _ state: inout AppState) -> [Effect] {
        guard state.mouseEnabled, state.overlay == nil, !state.isTooSmall else { return [] }
        switch event.action {
        case .wheelUp:
            return (0..<3).flatMap { _ in KeyReducer.perform(.moveUp, &state) }
        case .wheelDown:
            return (0..<3).flatMap { _ in KeyReducer.perform(.moveDown, &state) }
        case .click:
            if event.position.y == 0 { return clickHeader(x: event.position.x, &state) }
            return clickContent(event.position, &state)
        case .rightClick:
            return []
        }
    }

    private static func clickHeader(x: Int, _ state: inout AppState) -> [Effect] {
        var left = 6 + 1  // " shop " then the tabs
        for tab in AppView.tabs(state) {
            let width = TextWidth.columns(of: tab.1) + 2
            if x >= left && x < left + width {
                if tab.0 == .search { return SearchReducer.open(&state) }
                return NavigationReducer.show(tab.0, &state)
            }
            left += width + 1  // the "│" between tabs
        }
        return []
    }

    private static func clickContent(_ position: Position, _ state: inout AppState) -> [Effect] {
        guard state.screen == .browse else { return [] }
        let layout = ScreenLayout(state: state, size: state.size)
        let panes = BrowseView.layout(state, area: layout.content)
        if let rect = panes.products, rect.contains(position) {
            state.browse.focus = .products
            let inside = rect.inset(by: 1)
            let offset = state.browse.productList.effectiveOffset(count: state.browse.products.count, visibleRows: inside.height)
            let row = offset + position.y - inside.y
            guard row >= 0, row < state.browse.products.count, position.y >= inside.y else { return [] }
            state.browse.productList.select(row, count: state.browse.products.count, visibleRows: inside.height)
            return BrowseReducer.selectionChanged(&state)
        }
        if let rect = panes.categories, rect.contains(position) {
            state.browse.focus = .categories
            let inside = rect.inset(by: 1)
            let count = (state.browse.categories.value?.count ?? 0) + 1
            let row = state.browse.categoryList.effectiveOffset(count: count, visibleRows: inside.height) + position.y - inside.y
            guard row >= 0, row < count, position.y >= inside.y, row != state.browse.categoryList.selected else { return [] }
            state.browse.categoryList.select(row, count: count, visibleRows: inside.height)
            return BrowseReducer.restartListing(&state)
        }
        if let rect = panes.detail, rect.contains(position) {
            state.browse.focus = .detail
        }
        return []
    }
}
