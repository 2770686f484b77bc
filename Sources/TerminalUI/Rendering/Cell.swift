/// One column of one row of the screen.
///
/// `symbol` holds one grapheme cluster. A wide character (CJK, emoji) lives in the cell where it
/// starts, and the cell to its right holds the empty symbol: it is covered, and a backend must
/// not draw it. Small graphemes (up to 15 UTF-8 bytes) are stored inline by `String`, so cells
/// do not allocate.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown, or "" when this cell is covered by the wide character to its left.
    public var symbol: String
    public var style: Style

    public init(_ symbol: String = " ", style: Style = .plain) {
        self.symbol = symbol
        self.style = style
    }

    /// A space in the plain style.
    public static let blank = Cell()

    /// Whether this cell is the right half of a wide character.
    public var isContinuation: Bool { symbol.isEmpty }
}
