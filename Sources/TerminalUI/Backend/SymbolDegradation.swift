import Foundation

/// Stand-ins for symbols a terminal cannot show, so that a frame drawn for a Unicode terminal
/// still reads on an ASCII one (`LANG=C`, common over SSH) or on a console font without
/// rounded corners. Applied per cell by ``Terminal``, so views never change.
///
/// This is the safety net for every cell. Where a symbol carries meaning that stand-ins would
/// garble, the view that draws it asks the capabilities and says it in words instead (the shop
/// writes a rating as `4.1/5`, not `****-`).
public enum SymbolDegradation {
    /// The symbol to draw in a cell for `symbol` on a terminal with `capabilities`: the symbol
    /// itself when it can be shown, otherwise one printable ASCII character.
    public static func symbol(for symbol: String, capabilities: TerminalCapabilities) -> String {
        if capabilities.unicode {
            if !capabilities.roundedCorners {
                // A console font (the Linux console's) has square corners and no braille.
                if let square = squareCorners[symbol] { return square }
                if let index = Spinner.frames.firstIndex(of: symbol) { return spinnerFrames[index % spinnerFrames.count] }
            }
            return symbol
        }
        if symbol.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return symbol.isEmpty ? symbol : String(symbol.prefix(1)) }
        if let ascii = asciiStandIns[symbol] { return ascii }
        if let index = Spinner.frames.firstIndex(of: symbol) { return spinnerFrames[index % spinnerFrames.count] }
        // Accented letters lose their accents (Crème -> Creme); anything else is unknown.
        let folded = symbol.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        if folded.count == 1, let scalar = folded.unicodeScalars.first, scalar.isASCII, scalar.value >= 0x20, scalar.value < 0x7F {
            return folded
        }
        if let letter = folded.unicodeScalars.first, let ascii = letterStandIns[letter] { return ascii }
        return "?"
    }

    /// Whether `symbol` can be shown as it is on a terminal with `capabilities`.
    public static func canShow(_ symbol: String, capabilities: TerminalCapabilities) -> Bool {
        if !capabilities.unicode && !symbol.utf8.allSatisfy({ $0 < 0x80 }) { return false }
        if !capabilities.roundedCorners && (squareCorners[symbol] != nil || Spinner.frames.contains(symbol)) { return false }
        return true
    }

    static let squareCorners: [String: String] = ["╭": "┌", "╮": "┐", "╰": "└", "╯": "┘"]

    /// A spinner still turns in ASCII; not with `|` or `-`, which read as part of a border when
    /// the spinner sits in a panel's title or beside its edge.
    static let spinnerFrames = [".", "o", "O", "o"]

    static let letterStandIns: [Unicode.Scalar: String] = [
        "ß": "s", "æ": "a", "Æ": "A", "ø": "o", "Ø": "O", "œ": "o", "Œ": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
        "ı": "i", "þ": "t", "ð": "d",
    ]

    /// Every symbol the app and its widgets draw, and the box-drawing characters of every border set.
    /// `·` separates facts (`cart 3 · $114.98`, `Esc close · 1/2`): as `-` it read as a
    /// subtraction, as `|` it reads as the separator it is. `…` is one `.` only where a cut left
    /// no room for three (see ``Buffer/widenEllipsis(at:)``). `✖` before an error is `!`: as `x`
    /// it read as a key hint ("x Enter your e-mail address"), and `x` is a key (remove). `▌`, the
    /// banner's coloured edge, is a blank: as `#` it read as part of the message ("#+ Welcome").
    static let asciiStandIns: [String: String] = {
        var table: [String: String] = [
            "›": ">", "‹": "<", "»": ">", "«": "<", "→": ">", "←": "<", "↑": "^", "↓": "v",
            "★": "*", "☆": "-", "●": "*", "◉": "*", "○": "o", "•": "*", "·": "|",
            "…": ".", "—": "-", "–": "-", "×": "x", "✔": "+", "✓": "+", "✖": "!", "✗": "!", "⚠": "!",
            "“": "\"", "”": "\"", "‘": "'", "’": "'", "§": "S", "€": "E", "£": "L", "¥": "Y", "₺": "L",
            "▌": " ", "▐": "#", "█": "#", "▓": "#", "▒": ":", "░": ".", "▲": "^", "▼": "v", "▶": ">", "◀": "<",
        ]
        for corner in ["┌", "┐", "└", "┘", "╭", "╮", "╰", "╯", "┏", "┓", "┗", "┛", "╔", "╗", "╚", "╝",
                       "├", "┤", "┬", "┴", "┼", "┣", "┫", "┳", "┻", "╋", "╠", "╣", "╦", "╩", "╬"] {
            table[corner] = "+"
        }
        for horizontal in ["─", "━", "═", "╌", "┄"] { table[horizontal] = "-" }
        for vertical in ["│", "║", "╎", "┆"] { table[vertical] = "|" }
        // The scrollbar's thumb: as `|` it vanished into the track and the panel's edge beside
        // it (`|||`). A heavy border, which no built-in theme uses, gets `#` sides.
        table["┃"] = "#"
        return table
    }()
}

extension Buffer {
    /// This buffer as a terminal with `capabilities` can show it: every symbol it cannot show
    /// replaced by a stand-in (see ``SymbolDegradation``), a wide character by `?` and a space.
    public func degraded(for capabilities: TerminalCapabilities) -> Buffer {
        if capabilities.unicode && capabilities.roundedCorners { return self }
        var copy = self
        var replacements: [CellSymbol: CellSymbol] = [:]
        let ellipsis = CellSymbol("…")
        var ellipses: [Int] = []
        for index in copy.cells.indices {
            let storage = copy.cells[index].storage
            if storage.asciiByte != nil { continue }
            if storage.isContinuation {
                // The right half of a wide character, which became one narrow `?`.
                if !capabilities.unicode { copy.cells[index].storage = .space }
                continue
            }
            if !capabilities.unicode && storage == ellipsis { ellipses.append(index) }
            if let known = replacements[storage] {
                copy.cells[index].storage = known
                continue
            }
            let symbol = storage.string
            let isWide = index % width < width - 1 && copy.cells[index + 1].isContinuation
            let replacement = !capabilities.unicode && isWide
                ? "?" : SymbolDegradation.symbol(for: symbol, capabilities: capabilities)
            let stored = CellSymbol(replacement)
            replacements[storage] = stored
            copy.cells[index].storage = stored
        }
        for index in ellipses { copy.widenEllipsis(at: index) }
        return copy
    }
}
