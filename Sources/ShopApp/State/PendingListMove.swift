import TerminalUI

/// Where a key sent the selection of a paged list beyond the rows loaded so far (PgDn or ↓ at
/// the end of what has come, End/G before the last page). The selection never points past
/// what is loaded: it waits on the last loaded row, the list says it is loading more, and it
/// goes on to where the key sent it as the pages land.
public enum PendingListMove: Equatable, Sendable {
    /// To item `selected`, with item `offset` on the top row: where PgDn would have put them.
    case row(selected: Int, offset: Int)
    /// To the last item there is.
    case end
}

extension ListState {
    /// Runs a movement `command` on a list of `count` loaded items, of which more come when
    /// `hasMore`, continuing any `pending` move. Returns the part of the move that waits for
    /// items not loaded yet; the selection meanwhile stops at the last loaded item.
    mutating func navigate(_ command: Command, count: Int, visibleRows: Int, hasMore: Bool, pending: PendingListMove?) -> PendingListMove? {
        let rows = max(1, visibleRows)
        guard hasMore, count > 0 else {
            navigate(command, count: count, visibleRows: rows)
            return nil
        }
        // A move made while one waits goes on from where that one is going; any other key acts
        // on the selection as it is and ends the wait.
        var target: (selected: Int, offset: Int)?
        switch (command, pending) {
        case (.last, _), (.pageDown, .end), (.moveDown, .end):
            navigate(.last, count: count, visibleRows: rows)
            return .end
        case (.pageDown, .row(let selected, let offset)):
            target = (selected + rows, offset + rows)
        case (.moveDown, .row(let selected, let offset)):
            target = (selected + 1, offset)
        case (.pageDown, nil):
            let top = effectiveOffset(count: count, visibleRows: rows)
            let current = selected.map { min(max(0, $0), count - 1) } ?? top
            if current + rows >= count { target = (current + rows, top + rows) }
        case (.moveDown, nil):
            let current = selected.map { min(max(0, $0), count - 1) } ?? -1
            if current + 1 >= count { target = (current + 1, effectiveOffset(count: count, visibleRows: rows)) }
        default:
            break
        }
        guard let target else {
            navigate(command, count: count, visibleRows: rows)
            return nil
        }
        select(count - 1, count: count, visibleRows: rows)
        return .row(selected: target.selected, offset: target.offset)
    }

    /// Carries `pending` on now that `count` items are loaded: the selection goes as far as
    /// they reach. Returns what still waits (more items to come and the target not reached).
    mutating func land(_ pending: PendingListMove, count: Int, shownRows: Int?, hasMore: Bool) -> PendingListMove? {
        guard count > 0 else { return nil }
        switch pending {
        case .end:
            select(count - 1, count: count, shownRows: shownRows)
            return hasMore ? .end : nil
        case .row(let target, let targetOffset):
            if let rows = shownRows { offset = min(max(0, targetOffset), max(0, count - rows)) }
            select(min(target, count - 1), count: count, shownRows: shownRows)
            return target >= count && hasMore ? pending : nil
        }
    }
}
