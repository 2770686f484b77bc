import TerminalUI

/// The demo's reducer: applies one event to the state.
enum DemoApp {
    static func handle(_ event: Event, state: inout DemoState, size: Size, themeCount: Int) {
        let rows = DemoScreen.listRows(for: size)
        switch event {
        case .resize, .paste:
            break
        case .mouse(let mouse):
            switch mouse.action {
            case .wheelUp: state.list.scroll(by: -3, count: DemoCatalog.count, visibleRows: rows)
            case .wheelDown: state.list.scroll(by: 3, count: DemoCatalog.count, visibleRows: rows)
            case .click where mouse.position.y >= 3 && mouse.position.y < 3 + rows:
                let offset = state.list.effectiveOffset(count: DemoCatalog.count, visibleRows: rows)
                state.list.select(offset + mouse.position.y - 3, count: DemoCatalog.count, visibleRows: rows)
            default: break
            }
        case .key(let key):
            handle(key, state: &state, rows: rows, themeCount: themeCount)
        }
    }

    private static func handle(_ key: Key, state: inout DemoState, rows: Int, themeCount: Int) {
        state.message = nil
        if state.showsDialog {
            switch key {
            case .left, .right, .tab: state.dialogButton = 1 - state.dialogButton
            case .escape: state.showsDialog = false
            case .enter:
                state.showsDialog = false
                if state.dialogButton == 0 { state.message = "Added \(DemoCatalog.name(state.list.selected ?? 0)) to your cart" }
            default: break
            }
            return
        }
        if state.focus == .search {
            switch key {
            case .escape, .enter: state.focus = .list
            default: _ = state.search.handle(key)
            }
            return
        }
        if state.list.handle(key, count: DemoCatalog.count, visibleRows: rows) { return }
        switch key {
        case .character("q"), .ctrl("c"): state.isRunning = false
        case .character("/"): state.focus = .search
        case .character("t"): state.themeIndex = (state.themeIndex + 1) % max(1, themeCount)
        case .tab: state.tab = (state.tab + 1) % DemoScreen.tabs.count
        case .backTab: state.tab = (state.tab + DemoScreen.tabs.count - 1) % DemoScreen.tabs.count
        case .enter, .function(1):
            state.showsDialog = true
            state.dialogButton = 0
        default: break
        }
    }
}
