import TerminalUI

extension AppState {
    /// Where `list` is on screen: as the last frame drew it; or, when that frame did not show
    /// it at this size (a key of the same batch opened its screen, or no frame was drawn, as in
    /// a reducer test), as the views lay the current state out. Nil when it is not drawn at all.
    func geometry(of list: LayoutList) -> ListGeometry? {
        if layout.size == size, let drawn = layout.lists[list] { return drawn }
        return AppView.layout(of: self).lists[list]
    }

    /// The rows `list` shows at once: what PgUp and PgDn move by. One when it is not drawn.
    func visibleRows(_ list: LayoutList) -> Int {
        max(1, geometry(of: list)?.visibleRows ?? 1)
    }

    /// What the person sees, for resolving a click: the last frame's layout; or the current
    /// state laid out, when no frame was drawn at this size or a key since changed the screen
    /// or opened or closed an overlay (a click must not act on a screen no longer there).
    var layoutOnScreen: ScreenLayout {
        let isCurrent = layout.size == size && layout.screen == screen && layout.hasOverlay == (overlay != nil)
        return isCurrent ? layout : AppView.layout(of: self)
    }
}
