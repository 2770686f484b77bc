import TerminalUI

/// Where a tall box over the screen goes (help, the command palette): as tall as its content,
/// centred over the screen's panels with at least a row to spare above and below it, on rows
/// where its border does not continue a line of the screen beneath; otherwise over the whole
/// area between the tab row and the footer. A box whose border lands on the row of a panel's
/// border reads as one broken frame (`╰─╰───╯─╯` under help at 80x24), and one stretched to
/// the area while its content is shorter leaves a blank tail (two empty rows under help at
/// 80x24).
enum OverlayPlacement {
    /// Columns kept clear beside a centred box.
    static let horizontalMargin = 2

    /// The frame of a box that would like to be `width` by `height` over `state`'s screen,
    /// `screen` being the frame already drawn beneath it.
    static func frame(width: Int, height: Int, _ state: AppState, over screen: Buffer, border: BorderSet) -> Rect {
        let content = ScreenAreas(state: state, size: state.size).content
        guard width <= content.width - 2 * horizontalMargin, height <= content.height - 2 else { return content }
        let x = content.x + (content.width - width) / 2
        let centred = content.y + (content.height - height) / 2
        // The rows a box can start on, a row clear above and below it; nearest the centre first.
        let tops = Array(content.y + 1...content.maxY - 1 - height).sorted { (abs($0 - centred), $0) < (abs($1 - centred), $1) }
        for top in tops {
            let frame = Rect(x: x, y: top, width: width, height: height)
            if !continuesALine(frame, over: screen, border: border) { return frame }
        }
        return content
    }

    /// Whether the top or bottom border of a box at `frame` would meet a line drawn beside it on
    /// the same row: a panel's border, or a rule inside it.
    static func continuesALine(_ frame: Rect, over screen: Buffer, border: BorderSet) -> Bool {
        let lines = Set([border.horizontal, border.topLeft, border.topRight, border.bottomLeft, border.bottomRight].map(String.init))
            .union(["─", "━", "═", "┬", "┴", "┼", "├", "┤"])
        for y in [frame.y, frame.maxY - 1] {
            for x in [frame.x - 1, frame.maxX] where x >= 0 && x < screen.width && y >= 0 && y < screen.height {
                if lines.contains(screen[x, y].symbol) { return true }
            }
        }
        return false
    }

    /// Blanks the column beside each side of a box at `frame` over the screen (a panel's side
    /// stays): what peeked out there ("│›╭─ Keys", a spinner beside the corner) read as part
    /// of the box's frame.
    static func clearSides(of frame: Rect, in screen: inout Buffer, border: BorderSet) {
        let sides = Set([border.vertical, "│", "┃", "║"].map(String.init))
        for y in frame.y..<frame.maxY where y >= 0 && y < screen.height {
            for x in [frame.x - 1, frame.maxX] where x >= 0 && x < screen.width && !sides.contains(screen[x, y].symbol) {
                screen.fill(Rect(x: x, y: y, width: 1, height: 1), symbol: " ", style: .plain)
            }
        }
    }
}
