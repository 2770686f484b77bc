/// One column of one row of the screen.
///
/// A cell holds one grapheme cluster and its style. A wide character (CJK, emoji) lives in the
/// cell where it starts, and the cell to its right is a *continuation*: covered, holding the
/// empty symbol, never drawn by a backend. Cells are plain data (24 bytes, no references), so
/// building, copying and diffing 12 000 of them per frame stays cheap.
public struct Cell: Hashable, Sendable {
    public var style: Style
    var storage: CellSymbol

    public init(_ symbol: String = " ", style: Style = .plain) {
        self.storage = CellSymbol(symbol)
        self.style = style
    }

    init(storage: CellSymbol, style: Style) {
        self.storage = storage
        self.style = style
    }

    /// A space in the plain style.
    public static let blank = Cell(storage: .space, style: .plain)

    /// The grapheme shown, or "" when this cell is covered by the wide character to its left.
    public var symbol: String { storage.string }

    /// Whether this cell is the right half of a wide character.
    public var isContinuation: Bool { storage.isContinuation }
}
