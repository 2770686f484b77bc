/// The selection and scroll position of a list or table, owned by the app's state.
///
/// Methods take the item count and the number of visible rows, so the reducer can keep the
/// selection on screen without knowing how the list is drawn.
public struct ListState: Hashable, Sendable {
    /// The selected index, or nil for no selection.
    public var selected: Int?
    /// The first visible index.
    public var offset: Int

    public init(selected: Int? = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// The first visible index when drawing `count` items in `visibleRows` rows: the stored
    /// offset, moved just enough to show the selection and not to scroll past the end.
    public func effectiveOffset(count: Int, visibleRows: Int) -> Int {
        guard visibleRows > 0, count > 0 else { return 0 }
        var offset = min(max(0, self.offset), max(0, count - visibleRows))
        if let selected = selected.map({ min(max(0, $0), count - 1) }) {
            if selected < offset { offset = selected }
            if selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
        }
        return offset
    }

    /// The indices visible in `visibleRows` rows.
    public func visibleRange(count: Int, visibleRows: Int) -> Range<Int> {
        let offset = effectiveOffset(count: count, visibleRows: visibleRows)
        return offset..<min(count, offset + max(0, visibleRows))
    }

    /// Selects `index` (clamped) and scrolls to show it.
    public mutating func select(_ index: Int, count: Int, visibleRows: Int) {
        guard count > 0 else {
            selected = nil
            offset = 0
            return
        }
        selected = min(max(0, index), count - 1)
        offset = effectiveOffset(count: count, visibleRows: visibleRows)
    }

    /// Keeps the selection (or selects the first row) after the list's rows changed.
    public mutating func keepSelection(count: Int, visibleRows: Int) {
        select(selected ?? 0, count: count, visibleRows: visibleRows)
    }

    /// Moves the selection by `delta` rows (negative is up), clamped to the list.
    public mutating func move(by delta: Int, count: Int, visibleRows: Int) {
        select((selected ?? (delta > 0 ? -1 : count)) + delta, count: count, visibleRows: visibleRows)
    }

    /// Scrolls the view by `delta` rows without moving the selection off screen (mouse wheel).
    public mutating func scroll(by delta: Int, count: Int, visibleRows: Int) {
        offset = min(max(0, effectiveOffset(count: count, visibleRows: visibleRows) + delta), max(0, count - visibleRows))
        if let current = selected, visibleRows > 0 {
            selected = min(max(current, offset), offset + visibleRows - 1)
        }
    }

    /// Moves the view and the selection by `pages` screenfuls of `visibleRows` (negative is
    /// up): the row at the same place on screen is selected, and the view stops at either end.
    public mutating func page(by pages: Int, count: Int, visibleRows: Int) {
        guard count > 0 else {
            selected = nil
            offset = 0
            return
        }
        let rows = max(1, visibleRows)
        let top = effectiveOffset(count: count, visibleRows: rows)
        let current = selected.map { min(max(0, $0), count - 1) } ?? top
        let step = max(-count, min(count, pages)) * rows
        offset = min(max(0, top + step), max(0, count - rows))
        selected = min(max(0, current + step), count - 1)
        offset = effectiveOffset(count: count, visibleRows: rows)
    }

    /// Handles the navigation keys ↑ ↓ PgUp PgDn Home End; returns false for any other key.
    /// PgUp and PgDn move exactly one page of `visibleRows`.
    public mutating func handle(_ key: Key, count: Int, visibleRows: Int) -> Bool {
        switch key {
        case .up: move(by: -1, count: count, visibleRows: visibleRows)
        case .down: move(by: 1, count: count, visibleRows: visibleRows)
        case .pageUp: page(by: -1, count: count, visibleRows: visibleRows)
        case .pageDown: page(by: 1, count: count, visibleRows: visibleRows)
        case .home: select(0, count: count, visibleRows: visibleRows)
        case .end: select(count - 1, count: count, visibleRows: visibleRows)
        default: return false
        }
        return true
    }
}
