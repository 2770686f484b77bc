import Testing
import TerminalUI

/// In the C locale `…` has no glyph: it becomes `...` where the row has room, so that a cut
/// still reads as cut and "Loading…" as "Loading...", never as a sentence that ended.
@Suite("The ellipsis in ASCII")
struct EllipsisDegradationTests {
    static let ascii = TerminalCapabilities(colors: .ansi16, unicode: false)

    static func shown(_ draw: (inout Buffer) -> Void, width: Int = 30) -> String {
        var buffer = Buffer(width: width, height: 1)
        draw(&buffer)
        return buffer.degraded(for: ascii).text(ofRow: 0)
    }

    @Test("Followed by blanks, it takes two of them")
    func intoBlanksAfter() {
        #expect(Self.shown { $0.write("Loading…", x: 1, y: 0) } == " Loading..." + Self.blanks(19))
    }

    @Test("Against the right edge, the word moves left into the blanks before it")
    func wordMovesLeft() {
        #expect(Self.shown { $0.write("connecting…", x: 18, y: 0) } == Self.blanks(16) + "connecting... ")
        #expect(Self.shown { $0.write("Total", x: 0, y: 0); $0.write("…", x: 29, y: 0) } == "Total" + Self.blanks(22) + "...")
    }

    @Test("Ending a cut text with something after it, it takes the cut text's last two columns")
    func overTheCutText() {
        let cut = TextWidth.truncate("Bamboo Cutting Board", toColumns: 17)
        #expect(cut == "Bamboo Cutting B…")
        #expect(Self.shown { $0.write(cut + " $22.99", x: 0, y: 0) } == "Bamboo Cutting... $22.99" + Self.blanks(6))
        // Cut by the buffer's own limit, straight against the next column.
        #expect(Self.shown { $0.write("Espresso machine", x: 0, y: 0, maxWidth: 10); $0.write("$9", x: 10, y: 0) }.hasPrefix("Espress...$9"))
    }

    @Test("Starting a text cut at its start, it takes the first two columns after it")
    func cutStart() {
        #expect(Self.shown { $0.write("16:00", x: 0, y: 0); $0.write("…7d2e4f60", x: 7, y: 0) }.hasPrefix("16:00  ...2e4f60"))
        #expect(Self.shown { $0.write("16:00", x: 0, y: 0); $0.write("…_3c7cfa1", x: 7, y: 0) }.hasPrefix("16:00  ...c7cfa1"))
    }

    @Test("With no room, and no text of its own either side, it stays one dot")
    func noRoom() {
        #expect(Self.shown({ $0.write("a | … | b", x: 0, y: 0) }, width: 9) == "a | . | b")
    }

    @Test("It uses no cell of another background: a selected row keeps its edge")
    func keepsToItsBackground() {
        var buffer = Buffer(width: 12, height: 1)
        let selected = Style.role(.selection)
        buffer.fill(Rect(x: 0, y: 0, width: 8, height: 1), style: selected)
        buffer.write("Lamp…", x: 2, y: 0, style: selected)
        let shown = buffer.degraded(for: Self.ascii)
        #expect(shown.text(ofRow: 0) == "Lamp..." + Self.blanks(5))
        #expect(shown[7, 0].style == selected)
        for x in 8..<12 { #expect(shown[x, 0].style == .plain) }
    }

    static func blanks(_ count: Int) -> String { String(repeating: " ", count: count) }
}
