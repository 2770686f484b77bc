extension Buffer {
    /// Where the C locale cannot show `…`, the cell at `index` (already its `.` stand-in) grows
    /// into `...` in the row around it, so that a cut still reads as cut and "Loading…" as
    /// "Loading...", not as a sentence that ended ("arrives.", "Loading products."). In order:
    /// - into two blank cells after it, when no word follows straight after them (`Loading...`);
    /// - moving the word it ends two columns left into blank cells before it, where it was put
    ///   against the right edge of its room (`connecting...` at the end of the status bar);
    /// - over the last two columns of the cut text before it (`Bamboo Cutti...`), or the first
    ///   two of the text after it when it marks a cut start (`...2e4f60`);
    /// - otherwise it stays one `.`: there is no room.
    /// Only cells of the ellipsis's own background are used, so a selected row or a field keeps
    /// its edges.
    mutating func widenEllipsis(at index: Int) {
        let y = index / width, x = index % width
        let style = cells[index].style
        func cell(_ column: Int) -> Cell? { column >= 0 && column < width ? cells[y * width + column] : nil }
        func isBlank(_ column: Int) -> Bool {
            guard let cell = cell(column) else { return false }
            return cell.storage == .space && cell.style.background == style.background
        }
        // A character of the cut text itself: in its style, neither blank nor a panel's side.
        func isText(_ column: Int) -> Bool {
            guard let cell = cell(column), cell.style == style else { return false }
            return cell.storage != .space && !["|", "+", "#"].contains(cell.symbol)
        }
        // Where a run of text ends: the row's edge, a blank or a panel's side.
        func isBoundary(_ column: Int) -> Bool {
            guard let cell = cell(column) else { return true }
            return cell.storage == .space || ["|", "+", "#"].contains(cell.symbol)
        }
        func dots(from column: Int) {
            for dot in column..<column + 3 { cells[y * width + dot] = Cell(storage: CellSymbol(ascii: 0x2E), style: style) }
        }
        if isBlank(x + 1) && isBlank(x + 2) && isBoundary(x + 3) {
            dots(from: x)
            return
        }
        // The word this ellipsis ends, and whether two blank cells before it can take it.
        var start = x
        while start > 0, let previous = cell(start - 1), previous.storage != .space, previous.style == style { start -= 1 }
        if isBlank(start - 1) && isBlank(start - 2) && isBoundary(start - 3) {
            for column in start..<x { cells[y * width + column - 2] = cells[y * width + column] }
            dots(from: x - 2)
            return
        }
        // Straight after the text, or after a space the cut kept ("Cutting …"), not after a symbol.
        let isLetter = cell(x - 2).flatMap(\.storage.asciiByte).map { Character(UnicodeScalar($0)).isLetter || Character(UnicodeScalar($0)).isNumber } ?? false
        if cell(x - 1)?.style == style && cell(x - 2)?.style == style && (isText(x - 1) || (isText(x - 2) && isLetter)) {
            dots(from: x - 2)
            return
        }
        if isText(x + 1) && isText(x + 2) && (isBoundary(x - 1) || cell(x - 1)?.style != style) {
            dots(from: x)
        }
    }
}
