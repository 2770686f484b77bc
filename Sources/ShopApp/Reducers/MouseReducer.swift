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
        var left = AppView.tabsLeft(state)
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
        let layout = ScreenLayout(state: state, size: state.size)
        if state.screen == .account { return clickAccount(position, content: layout.content, &state) }
        guard state.screen == .browse else { return clickList(position, content: layout.content, &state) }
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

    /// Signed in: a click on a section tab opens it; in Addresses or Activity, a click on a row
    /// selects it. (The guest's sign-in form is typed into, not clicked.)
    private static func clickAccount(_ position: Position, content: Rect, _ state: inout AppState) -> [Effect] {
        guard state.isSignedIn, state.account.newAddress == nil else { return [] }
        let layout = AccountView.signedInLayout(state, area: content)
        if layout.tabsArea.contains(position) {
            if let index = layout.tabs.index(atColumn: position.x, in: layout.tabsArea) {
                state.account.section = AccountState.Section.allCases[index]
            }
            return []
        }
        let area: Rect, count: Int, list: WritableKeyPath<AppState, ListState>
        switch state.account.section {
        case .profile: return []
        case .addresses: (area, count, list) = (layout.addressList, state.account.addresses.value?.count ?? 0, \.account.addressList)
        case .activity: (area, count, list) = (layout.inside, state.account.activity.value?.count ?? 0, \.account.activityList)
        }
        if let row = row(at: position, in: area, count: count, list: state[keyPath: list]) {
            state[keyPath: list].select(row, count: count, visibleRows: area.height)
        }
        return []
    }

    /// The list row drawn at `position`, when the list shows `count` rows in `area`.
    private static func row(at position: Position, in area: Rect, count: Int, list: ListState) -> Int? {
        guard area.contains(position), count > 0 else { return nil }
        let row = list.effectiveOffset(count: count, visibleRows: area.height) + position.y - area.y
        return row >= 0 && row < count ? row : nil
    }

    /// A click on a row of the screen's list selects it; a click on the selected row opens it.
    private static func clickList(_ position: Position, content: Rect, _ state: inout AppState) -> [Effect] {
        let inside = content.inset(by: 1).inset(horizontal: 1)
        let area: Rect
        let count: Int
        let list: WritableKeyPath<AppState, ListState>
        switch state.screen {
        case .search:
            area = Rect(x: inside.x, y: inside.y + 3, width: inside.width, height: inside.height - 3)
            count = state.search.hits.count
            list = \.search.list
        case .cart:
            area = Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: inside.height - 6)
            count = state.cart.lines.count
            list = \.cart.list
        case .orders:
            area = Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: inside.height - 1)
            count = state.orders.orders.count
            list = \.orders.listState
        case .inbox:
            area = Rect(x: inside.x, y: inside.y, width: inside.width, height: state.inbox.openedID == nil ? inside.height : max(3, inside.height / 2) - 1)
            count = state.inbox.items.count
            list = \.inbox.list
        default:
            return []
        }
        guard let row = row(at: position, in: area, count: count, list: state[keyPath: list]) else { return [] }
        if state[keyPath: list].selected == row { return KeyReducer.perform(.open, &state) }
        state[keyPath: list].select(row, count: count, visibleRows: area.height)
        if state.screen == .search { state.search.focus = .results }
        return []
    }
}
