/// Where a list, a table's rows or a scrolling text was drawn: the rows' area, how many items
/// there are and the first one shown.
///
/// A view publishes it while drawing (the way ratatui's stateful widgets hand back what they
/// drew), so that paging moves by the rows really shown and a click selects the row really
/// under the pointer, with no second copy of the geometry to keep in step.
public struct ListGeometry: Hashable, Sendable {
    /// The rows the items are drawn in (a table's header is not part of it).
    public var area: Rect
    /// How many items the list has, or lines the text has.
    public var count: Int
    /// The index of the item on the first row.
    public var first: Int

    public init(area: Rect, count: Int, first: Int) {
        self.area = area
        self.count = count
        self.first = first
    }

    /// The rows shown at once: one page.
    public var visibleRows: Int { area.height }

    /// The largest useful scroll offset: the last screenful starts there.
    public var maxOffset: Int { ScrollingLines.maxOffset(lineCount: count, visibleRows: visibleRows) }

    /// The item drawn on the row at `position`, if there is one.
    public func item(at position: Position) -> Int? {
        guard area.contains(position) else { return nil }
        let index = first + position.y - area.y
        return index < count ? index : nil
    }

    /// The row `item` is drawn on, or nil when it is not on screen.
    public func row(of item: Int) -> Rect? {
        guard item >= first, item < count, item - first < visibleRows else { return nil }
        return area.row(item - first)
    }
}

extension ListView {
    /// Where this list's rows go when it is drawn in `area`.
    public func geometry(in area: Rect) -> ListGeometry {
        ListGeometry(area: area, count: count, first: state.effectiveOffset(count: count, visibleRows: area.height))
    }
}

extension Table {
    /// Where this table's rows go when it is drawn in `area` (below its header).
    public func geometry(in area: Rect) -> ListGeometry {
        let body = showsHeader ? area.splitTop(1).rest : area
        return ListGeometry(area: body, count: rowCount, first: state.effectiveOffset(count: rowCount, visibleRows: body.height))
    }
}

extension ScrollingLines {
    /// Where these lines go when drawn in `area`, from the clamped offset.
    public func geometry(in area: Rect) -> ListGeometry {
        ListGeometry(area: area, count: lines.count, first: clampedOffset(offset, visibleRows: area.height))
    }
}

extension TextView {
    /// Where this text's wrapped lines go when drawn in `area` (narrower by the scrollbar's
    /// column when it needs one, as ``render(into:area:theme:)`` draws them).
    public func geometry(in area: Rect) -> ListGeometry {
        let all = lines(width: area.width)
        let count = showsScrollbar && all.count > area.height ? lines(width: area.width - 1).count : all.count
        return ListGeometry(area: area, count: count, first: min(max(0, scrollOffset), max(0, count - area.height)))
    }
}
