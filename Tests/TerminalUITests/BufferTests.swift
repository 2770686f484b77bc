import Testing
import TerminalUI

@Suite struct BufferTests {
    @Test func writesTextAndReportsColumnsUsed() {
        var buffer = Buffer(width: 10, height: 2)
        #expect(buffer.write("Hi", x: 1, y: 0, style: .foreground(.accent)) == 2)
        #expect(buffer.text(ofRow: 0) == " Hi       ")
        #expect(buffer[1, 0].style == .foreground(.accent))
        #expect(buffer[0, 0] == .blank)
    }

    /// Clipped text ends in "…", so a cut is never taken for the whole (issue 12).
    @Test func clipsAtMaxWidthAndEdge() {
        var buffer = Buffer(width: 6, height: 1)
        #expect(buffer.write("abcdef", x: 0, y: 0, maxWidth: 3) == 3)
        #expect(buffer.text(ofRow: 0) == "ab…   ")
        #expect(buffer.write("wxyz", x: 4, y: 0) == 2)
        #expect(buffer.text(ofRow: 0) == "ab… w…")
        // Trailing spaces that do not fit are not a cut.
        var padded = Buffer(width: 4, height: 1)
        padded.write("abc   ", x: 0, y: 0)
        #expect(padded.text(ofRow: 0) == "abc ")
        #expect(buffer.write("ignored", x: 0, y: 5) == 0)
        #expect(buffer.write("ignored", x: 9, y: 0) == 0)
    }

    @Test func aLineThatDoesNotFitEndsWithAnEllipsis() {
        var buffer = Buffer(width: 12, height: 3)
        let line = Line([Span("Price ", style: .foreground(.muted)), Span("$329.00 each", style: .foreground(.price))])
        #expect(buffer.write(line, x: 0, y: 0, maxWidth: 10) == 10)
        #expect(buffer.text(ofRow: 0) == "Price $32…  ")
        #expect(buffer[9, 0].style == .foreground(.price))
        // Cut exactly between spans: the next span's text is lost, so the ellipsis still shows.
        buffer.write(Line([Span("abcd"), Span("ef")]), x: 0, y: 1, maxWidth: 4)
        #expect(buffer.text(ofRow: 1) == "abc…        ")
        // What fits, and trailing blank spans, are left as they are.
        buffer.write(Line([Span("abcd"), Span("  ")]), x: 0, y: 2, maxWidth: 4)
        #expect(buffer.text(ofRow: 2) == "abcd        ")
        // A wide character cut at the edge gives way to the ellipsis too.
        var wide = Buffer(width: 5, height: 1)
        wide.write(Line("ab盆栽"), x: 0, y: 0)
        #expect(wide.text(ofRow: 0) == "ab盆…")
    }

    @Test func wideCharacterTakesTwoCells() {
        var buffer = Buffer(width: 6, height: 1)
        #expect(buffer.write("中a", x: 0, y: 0) == 3)
        #expect(buffer[0, 0].symbol == "中")
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].symbol == "a")
        #expect(buffer.text(ofRow: 0) == "中a   ")
    }

    /// A wide character that does not fit is never split: the ellipsis takes its place.
    @Test func wideCharacterAtTheRightEdgeGivesWayToTheEllipsis() {
        var buffer = Buffer(width: 5, height: 1, filling: Cell("."))
        #expect(buffer.write("abcd中", x: 0, y: 0) == 5)
        #expect(buffer.text(ofRow: 0) == "abcd…")
        var clipped = Buffer(width: 8, height: 1, filling: Cell("."))
        clipped.write("ab中", x: 0, y: 0, maxWidth: 3)
        #expect(clipped.text(ofRow: 0) == "ab….....")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("中文", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)  // right half of 中
        #expect(buffer.text(ofRow: 0) == " x文  ")
        buffer.write("y", x: 2, y: 0)  // left half of 文
        #expect(buffer.text(ofRow: 0) == " xy   ")
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test func emojiSequencesStayInOneCell() {
        var buffer = Buffer(width: 8, height: 1)
        #expect(buffer.write("👨‍👩‍👧🇯🇵❤️", x: 0, y: 0) == 6)
        #expect(buffer[0, 0].symbol == "👨‍👩‍👧")
        #expect(buffer[2, 0].symbol == "🇯🇵")
        #expect(buffer[4, 0].symbol == "❤️")
        #expect(buffer[5, 0].isContinuation)
    }

    @Test func combiningMarksStayWithTheirBase() {
        var buffer = Buffer(width: 4, height: 1)
        #expect(buffer.write("e\u{301}x", x: 0, y: 0) == 2)
        #expect(buffer[0, 0].symbol == "e\u{301}")
        #expect(buffer.write("\u{301}z", x: 2, y: 0) == 1)  // a stray mark has nothing to attach to
        #expect(buffer[2, 0].symbol == "z")
    }

    @Test func fillAndSetStyle() {
        var buffer = Buffer(width: 4, height: 3)
        buffer.fill(Rect(x: 1, y: 1, width: 10, height: 1), symbol: "-", style: .foreground(.border))
        #expect(buffer.text(ofRow: 1) == " ---")
        buffer.fill(buffer.area, symbol: "中")  // not one narrow character
        #expect(buffer.text(ofRow: 0) == "    ")
        buffer.setStyle(.role(.selection), in: Rect(x: 0, y: 2, width: 2, height: 1))
        #expect(buffer[1, 2].style == .role(.selection))
        #expect(buffer[2, 2].style == .plain)
    }

    @Test func writesStyledLines() {
        var buffer = Buffer(width: 12, height: 1)
        let line = Line([Span("$9.99", style: .foreground(.price)), Span(" each")])
        #expect(buffer.write(line, x: 0, y: 0, maxWidth: 8) == 8)
        #expect(buffer.text(ofRow: 0) == "$9.99 e…    ")  // cut lines end with an ellipsis
        #expect(buffer[0, 0].style == .foreground(.price))
        #expect(buffer[5, 0].style == .plain)
    }

    @Test func blitKeepsWideCharactersWhole() {
        var source = Buffer(width: 3, height: 1)
        source.write("中x", x: 0, y: 0)
        var target = Buffer(width: 4, height: 1)
        target.blit(source, at: Position(x: 2, y: 0))  // 中 fits; x is clipped
        #expect(target.text(ofRow: 0) == "  中")
        target.blit(source, at: Position(x: -1, y: 0))  // only the covered half lands at 0
        #expect(target.text(ofRow: 0).hasPrefix(" x"))
        #expect(!target[0, 0].isContinuation)
    }

    @Test func snapshotTextShowsGridCursorAndStyleRuns() {
        var buffer = Buffer(width: 8, height: 2)
        buffer.write("Hi", x: 0, y: 0, style: .foreground(.accent, .bold))
        buffer.write("中", x: 3, y: 1, style: .foreground(.price))
        buffer.cursor = Position(x: 2, y: 0)
        #expect(
            buffer.snapshotText() == """
                screen 8x2
                 0|Hi      |
                 1|   中   |
                cursor 2,0
                styles (row: columns style; plain runs omitted)
                 0: 0-1 fg=accent bold
                 1: 3-4 fg=price

                """)
    }
}

@Suite struct BufferDiffTests {
    @Test func firstFrameListsEveryCell() {
        let buffer = Buffer(width: 3, height: 2)
        #expect(buffer.changes(from: nil).count == 6)
    }

    @Test func identicalFramesHaveNoChanges() {
        var buffer = Buffer(width: 10, height: 3)
        buffer.write("same 中", x: 0, y: 1)
        #expect(buffer.changes(from: buffer).isEmpty)
    }

    @Test func onlyChangedCellsAreListed() {
        var previous = Buffer(width: 10, height: 3)
        previous.write("hello", x: 0, y: 0)
        var next = previous
        next.write("J", x: 0, y: 0)
        next.setStyle(.role(.selection), in: Rect(x: 2, y: 2, width: 2, height: 1))
        let changes = next.changes(from: previous)
        #expect(changes.map { [$0.x, $0.y] } == [[0, 0], [2, 2], [3, 2]])
        #expect(changes[0].cell.symbol == "J")
    }

    @Test func wideCharactersAreListedOnceWithTheirWidth() {
        let previous = Buffer(width: 6, height: 1)
        var next = previous
        next.write("中", x: 2, y: 0)
        let changes = next.changes(from: previous)
        #expect(changes.count == 1)
        #expect(changes[0].x == 2 && changes[0].width == 2 && changes[0].cell.symbol == "中")
    }

    @Test func replacingAWideCharacterRedrawsBothColumns() {
        var previous = Buffer(width: 6, height: 1)
        previous.write("中", x: 2, y: 0)
        var next = Buffer(width: 6, height: 1)
        next.write("ab", x: 2, y: 0)
        #expect(next.changes(from: previous).map(\.x) == [2, 3])
        // A narrow cell becoming the covered half of a new wide character: drawn as one change.
        #expect(previous.changes(from: next).map(\.x) == [2])
    }

    @Test func aResizedFrameIsRedrawnWhole() {
        let previous = Buffer(width: 4, height: 2)
        let next = Buffer(width: 5, height: 2)
        #expect(next.changes(from: previous).count == 10)
    }
}
