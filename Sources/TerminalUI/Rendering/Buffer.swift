/// A frame: a grid of cells that views draw into and a backend shows.
///
/// Every way of putting text into a buffer sanitises it (see ``TextSanitizer``), so a view can
/// hand network text straight to it. Wide characters take two cells; one that would cross the
/// right edge of the area it is written into becomes a space instead.
public struct Buffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public internal(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (a focused text input), or nil to hide it.
    public var cursor: Position?

    /// A buffer of `width` by `height` cells like `cell` (whose symbol must be one narrow,
    /// visible character; anything else becomes a space, as with ``fill(_:symbol:style:)``).
    public init(width: Int, height: Int, filling cell: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        var fillCell = cell
        if cell != .blank {
            let clean = TextSanitizer.sanitizeLine(cell.symbol)
            fillCell = Cell(clean.count == 1 && TextWidth.columns(of: clean) == 1 ? clean : " ", style: cell.style)
        }
        self.cells = Array(repeating: fillCell, count: self.width * self.height)
    }

    public init(size: Size) { self.init(width: size.width, height: size.height) }

    /// Makes this a blank buffer of `size`, keeping its storage when the size is the same, so
    /// a renderer can draw every frame into the cells of an old one instead of allocating.
    public mutating func reset(to size: Size) {
        guard size == self.size else {
            self = Buffer(size: size)
            return
        }
        cells.withUnsafeMutableBufferPointer { $0.update(repeating: .blank) }
        cursor = nil
    }

    /// The whole buffer as a rect, the area a root view draws into.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }
    public var size: Size { Size(width: width, height: height) }

    /// The cell at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// The symbols of row `y` joined, wide characters once (their covered cell adds nothing).
    public func text(ofRow y: Int) -> String {
        var line = ""
        for x in 0..<width { line += cells[y * width + x].symbol }
        return line
    }

    // MARK: Writing

    /// Writes `text` on row `y` from column `x`, clipped to `maxWidth` columns and the buffer.
    /// Text that does not fit ends with "…" in the last column, so a cut is never taken for the
    /// whole (trailing spaces that do not fit are not a cut). Returns the number of columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        let used = writeClipped(text, x: x, y: y, style: style, maxWidth: maxWidth)
        BufferWriteRecorder.current?.record(self, x: x, y: y, columns: used)  // tests only (layout lint)
        return used
    }

    private mutating func writeClipped(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int?) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        let clean = TextSanitizer.sanitizeLine(text)
        var column = x
        if TextWidth.asciiPrintableCount(clean) != nil {
            // Fast path: one cell per byte, no grapheme segmentation.
            let bytes = clean.utf8
            var index = bytes.startIndex
            while index != bytes.endIndex {
                if column >= limit {
                    if bytes[index...].contains(where: { $0 != 0x20 }) { markCut(x: limit - 1, y: y, style: style, from: x) }
                    break
                }
                if column >= 0 { put(CellSymbol(ascii: bytes[index]), width: 1, x: column, y: y, style: style) }
                column += 1
                index = bytes.index(after: index)
            }
            return max(0, column - max(x, 0))
        }
        if TextWidth.singleColumnScalarCount(clean) != nil {
            // Accented names and symbols such as `★` or `—`: one cell per scalar, as none joins
            // its neighbour into a cluster, so no grapheme segmentation either.
            let scalars = clean.unicodeScalars
            var index = scalars.startIndex
            while index != scalars.endIndex {
                if column >= limit {
                    if scalars[index...].contains(where: { $0 != " " }) { markCut(x: limit - 1, y: y, style: style, from: x) }
                    break
                }
                if column >= 0 { put(CellSymbol(scalar: scalars[index]), width: 1, x: column, y: y, style: style) }
                column += 1
                index = scalars.index(after: index)
            }
            return max(0, column - max(x, 0))
        }
        // One iterator, so each cluster boundary is found once (`first` then `dropFirst()` on a
        // substring found every one twice).
        var rest = clean.makeIterator()
        while let character = rest.next() {
            let characterWidth = TextWidth.columns(of: character)
            if characterWidth == 0 { continue }  // nothing to attach to: a stray mark or joiner
            if column + characterWidth > limit {
                if column < limit && column >= 0 { put(.space, width: 1, x: column, y: y, style: style) }
                if !(character.isWhitespace && IteratorSequence(rest).allSatisfy(\.isWhitespace)) {
                    markCut(x: limit - 1, y: y, style: style, from: x)
                }
                column = limit
                break
            }
            if column >= 0 { put(CellSymbol(String(character)), width: characterWidth, x: column, y: y, style: style) }
            column += characterWidth
        }
        return max(0, min(column, limit) - max(x, 0))
    }

    /// Puts "…" in column `x`, the last one a cut text may use, unless the text had no room at all.
    private mutating func markCut(x: Int, y: Int, style: Style, from start: Int) {
        guard x >= 0, x >= start, x < width else { return }
        put(CellSymbol("…"), width: 1, x: x, y: y, style: style)
    }

    /// Writes the spans of `line` one after another; returns the columns used.
    @discardableResult
    public mutating func write(_ line: Line, x: Int, y: Int, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth ?? (width - x)
        var used = 0
        for (index, span) in line.spans.enumerated() {
            guard used < limit else {
                // Text is left over: end with an ellipsis, so a cut is never taken for the whole.
                if line.spans[index...].contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) {
                    markCut(x: x + limit - 1, y: y, style: line.spans[index - 1].style, from: x)
                }
                break
            }
            // A span cut by the limit ends in "…" itself (see write(_:x:y:style:maxWidth:)).
            used += write(span.text, x: x + used, y: y, style: span.style, maxWidth: limit - used)
        }
        return used
    }

    /// Writes `text` into the first row of `area`, aligned, clipped with an ellipsis if too wide.
    public mutating func write(_ text: String, in area: Rect, style: Style = .plain, alignment: TextAlignment = .left) {
        guard !area.isEmpty else { return }
        let clean = TextSanitizer.sanitizeLine(text)
        var shown = clean
        var shownWidth = TextWidth.columns(of: clean)
        if shownWidth > area.width {
            shown = TextWidth.truncate(clean, toColumns: area.width)
            shownWidth = TextWidth.columns(of: shown)
        }
        let padding = area.width - shownWidth
        let left = alignment == .left ? 0 : alignment == .right ? padding : padding / 2
        let row = area.row(0)
        // The padding takes the style too, so a selected row is highlighted edge to edge.
        fill(Rect(x: row.x, y: row.y, width: left, height: 1), style: style)
        write(shown, x: row.x + left, y: row.y, style: style, maxWidth: shownWidth)
        fill(Rect(x: row.x + left + shownWidth, y: row.y, width: padding - left, height: 1), style: style)
    }

    /// Fills `area` with `symbol` (one narrow, visible character; anything else becomes a space).
    public mutating func fill(_ area: Rect, symbol: Character = " ", style: Style = .plain) {
        let clipped = area.intersection(self.area)
        guard !clipped.isEmpty else { return }
        var text = TextSanitizer.sanitizeLine(String(symbol))
        if text.count != 1 || TextWidth.columns(of: text) != 1 { text = " " }
        let cell = Cell(text, style: style)
        for y in clipped.y..<clipped.maxY {
            // Only the two edges can cut a wide character; the inside is plain assignment.
            put(cell, x: clipped.x, y: y)
            if clipped.width > 1 {
                let rowStart = y * width
                for x in clipped.x + 1..<clipped.maxX - 1 { cells[rowStart + x] = cell }
                put(cell, x: clipped.maxX - 1, y: y)
            }
        }
    }

    /// Changes the style of every cell in `area`, keeping the symbols (e.g. a selected row).
    public mutating func setStyle(_ style: Style, in area: Rect) {
        let clipped = area.intersection(self.area)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { cells[y * width + x].style = style }
        }
    }

    /// Copies `other` into this buffer with its top left corner at `origin` (clipped).
    public mutating func blit(_ other: Buffer, at origin: Position) {
        for y in 0..<other.height where origin.y + y >= 0 && origin.y + y < height {
            for x in 0..<other.width where origin.x + x >= 0 && origin.x + x < width {
                cells[(origin.y + y) * width + origin.x + x] = other.cells[y * other.width + x]
            }
        }
        repairWideCharacters()
    }

    // MARK: Cell placement that keeps wide characters whole

    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        put(cell.storage, width: 1, x: x, y: y, style: cell.style)
    }

    /// Places a grapheme of `characterWidth` (1 or 2) columns at (x, y), first blanking any wide
    /// character it would cut in half.
    @inline(__always)
    private mutating func put(_ symbol: CellSymbol, width characterWidth: Int, x: Int, y: Int, style: Style) {
        let index = y * width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1].storage = .space  // we overwrite the right half of a wide character
        }
        let end = x + characterWidth  // first column after this grapheme
        if end < width, cells[y * width + end].isContinuation {
            cells[y * width + end].storage = .space  // we overwrite the left half of a wide character
        }
        cells[index] = Cell(storage: symbol, style: style)
        if characterWidth == 2 {
            cells[index + 1] = Cell(storage: .continuation, style: style)
        }
    }

    /// After a raw copy, a covered cell must follow a wide character and nothing else.
    private mutating func repairWideCharacters() {
        for y in 0..<height {
            var previousWasWide = false
            for x in 0..<width {
                let index = y * width + x
                if cells[index].isContinuation {
                    if !previousWasWide { cells[index].storage = .space }
                    previousWasWide = false
                } else {
                    let wide = cells[index].storage.asciiByte == nil && TextWidth.columns(of: cells[index].symbol) == 2
                    if wide && (x + 1 >= width || !cells[index + 1].isContinuation) {
                        cells[index].storage = .space
                        previousWasWide = false
                    } else {
                        previousWasWide = wide
                    }
                }
            }
        }
    }
}
