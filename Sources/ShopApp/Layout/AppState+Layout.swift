import TerminalUI

extension AppState {
    /// What the person sees, which a click is resolved against: the last frame's layout, as its
    /// views published it. When that frame was drawn at another size, for another screen, or
    /// with or without an overlay that is no longer so (keys of one batch are reduced before the
    /// next frame; a reducer test draws no frames), the views lay the current state out now.
    var layoutOnScreen: ScreenLayout {
        let isCurrent = layout.size == size && layout.screen == screen && layout.hasOverlay == (overlay != nil)
        return isCurrent ? layout : AppView.layout(of: self)
    }

    /// Where `list` is on screen: as the last frame drew it; or, when that frame did not show
    /// it at this size, as the views lay the current state out now (nothing is kept: a layout
    /// that was not drawn would go stale as the state changes). Nil when it is not drawn at all.
    func geometry(of list: LayoutList) -> ListGeometry? {
        if layout.size == size, let drawn = layout.lists[list] { return drawn }
        return AppView.layout(of: self).lists[list]
    }

    /// The rows `list` shows at once: what PgUp and PgDn move by. One when it is not drawn.
    func visibleRows(_ list: LayoutList) -> Int {
        max(1, geometry(of: list)?.visibleRows ?? 1)
    }

    /// The rows of `list` the last frame showed, without laying anything out; nil when it did
    /// not show it. For an answer that moves a selection: a list not on screen keeps its scroll
    /// position, and the view scrolls to the selection when it draws it.
    func shownRows(_ list: LayoutList) -> Int? {
        guard layout.size == size, let rows = layout.lists[list]?.visibleRows, rows > 0 else { return nil }
        return rows
    }

    /// The selection of `list` is within a screen (at least a few rows) of the last of `count`
    /// loaded rows: time to ask for the next page of a paged list. The screen is the one the
    /// list has now, laid out when no frame showed it yet: the first page's answer came while
    /// the last frame said "Loading…", and at 200x60 twenty products stood over 35 blank rows
    /// until a key was pressed.
    func isNearEnd(of list: LayoutList, selection: ListState, count: Int) -> Bool {
        (selection.selected ?? 0) >= count - max(BrowseReducer.prefetchDistance, geometry(of: list)?.visibleRows ?? 0)
    }
}

extension ListState {
    /// Selects `index` (clamped) for `count` rows, scrolling to it when the rows on screen are
    /// known; otherwise the scroll position stays and the view scrolls to the selection when it
    /// draws the list.
    mutating func select(_ index: Int, count: Int, shownRows: Int?) {
        guard let shownRows else {
            selected = count > 0 ? min(max(0, index), count - 1) : nil
            if count == 0 { offset = 0 }
            return
        }
        select(index, count: count, visibleRows: shownRows)
    }
}
