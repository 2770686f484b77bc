import CNcurses
import Foundation
import Testing
import TerminalUI
@testable import TerminalCurses

/// The bytes a frame becomes, with xterm-256color's strings spelled out.
@Suite struct TerminfoFrameWriterTests {
    static func xterm(scrollsAtLastCell: Bool = false) -> TerminfoFrameWriter.Strings {
        TerminfoFrameWriter.Strings(
            cursorAddress: "\u{1B}[%i%p1%d;%p2%dH", exitAttributes: Array("\u{1B}(B\u{1B}[m".utf8), bold: Array("\u{1B}[1m".utf8),
            dim: Array("\u{1B}[2m".utf8), italic: Array("\u{1B}[3m".utf8), underline: Array("\u{1B}[4m".utf8),
            reverse: Array("\u{1B}[7m".utf8),
            foreground: "\u{1B}[%?%p1%{8}%<%t3%p1%d%e%p1%{16}%<%t9%p1%{8}%-%d%e38;5;%p1%d%;m",
            background: "\u{1B}[%?%p1%{8}%<%t4%p1%d%e%p1%{16}%<%t10%p1%{8}%-%d%e48;5;%p1%d%;m",
            clearScreen: Array("\u{1B}[H\u{1B}[2J".utf8), hideCursor: Array("\u{1B}[?25l".utf8), showCursor: Array("\u{1B}[?12l\u{1B}[?25h".utf8),
            scrollsAtLastCell: scrollsAtLastCell)
    }

    static let size = Size(width: 10, height: 3)

    static func update(_ x: Int, _ y: Int, _ symbol: String, width: Int = 1, style: ResolvedStyle = ResolvedStyle()) -> CellUpdate {
        CellUpdate(x: x, y: y, symbol: symbol, width: width, style: style)
    }

    static func text(_ writer: TerminfoFrameWriter) -> String { String(decoding: writer.pending, as: UTF8.self) }

    /// What the writer needs from the process, as `shop` has it: a terminfo entry loaded (tiparm
    /// formats with it) and a UTF-8 locale on this thread (the C library measures with it).
    static func withTerminal<Result>(_ body: () -> Result) -> Result {
        _ = cnc_load_terminfo("xterm-256color")
        let utf8 = cnc_utf8_locale()
        let previous = uselocale(utf8)
        defer {
            uselocale(previous)
            freelocale(utf8)
        }
        return body()
    }

    @Test("A run of cells is one move, one style and the text; a gap is another move")
    func runsAndMoves() { Self.withTerminal {
        var writer = TerminfoFrameWriter(strings: Self.xterm(), colorCount: 256)
        let bold = ResolvedStyle(foreground: .indexed(208), background: .ansi(4), attributes: .bold)
        writer.draw([Self.update(2, 1, "a", style: bold), Self.update(3, 1, "b", style: bold), Self.update(7, 1, "c")], size: Self.size)
        #expect(Self.text(writer) == "\u{1B}[2;3H\u{1B}(B\u{1B}[m\u{1B}[1m\u{1B}[38;5;208m\u{1B}[44mab\u{1B}[2;8H\u{1B}(B\u{1B}[mc")
    } }

    @Test("Wide and non-ASCII graphemes go out in UTF-8 and keep the cursor where the buffer says")
    func wideCharacters() { Self.withTerminal {
        var writer = TerminfoFrameWriter(strings: Self.xterm(), colorCount: 256)
        writer.draw([Self.update(0, 0, "漢", width: 2), Self.update(2, 0, "│"), Self.update(3, 0, "x")], size: Self.size)
        #expect(Self.text(writer) == "\u{1B}[1;1H\u{1B}(B\u{1B}[m漢│x")
    } }

    @Test("The bottom right cell is left alone where writing it would scroll the screen")
    func bottomRightCell() { Self.withTerminal {
        var scrolling = TerminfoFrameWriter(strings: Self.xterm(scrollsAtLastCell: true), colorCount: 0)
        scrolling.draw([Self.update(8, 2, "y"), Self.update(9, 2, "z")], size: Self.size)
        #expect(Self.text(scrolling) == "\u{1B}[3;9H\u{1B}(B\u{1B}[my")
        var pendingWrap = TerminfoFrameWriter(strings: Self.xterm(), colorCount: 0)
        pendingWrap.draw([Self.update(8, 2, "y"), Self.update(9, 2, "z")], size: Self.size)
        #expect(Self.text(pendingWrap) == "\u{1B}[3;9H\u{1B}(B\u{1B}[myz")
    } }

    @Test("Without colours only the attributes are sent; the cursor is shown once and hidden once")
    func monoAndCursor() { Self.withTerminal {
        var writer = TerminfoFrameWriter(strings: Self.xterm(), colorCount: 0)
        writer.draw([Self.update(0, 0, "m", style: ResolvedStyle(foreground: .ansi(1), attributes: [.dim, .reverse]))], size: Self.size)
        writer.setCursor(Position(x: 4, y: 1), size: Self.size)
        writer.setCursor(Position(x: 5, y: 1), size: Self.size)
        writer.setCursor(nil, size: Self.size)
        writer.setCursor(nil, size: Self.size)
        #expect(Self.text(writer) == "\u{1B}[1;1H\u{1B}(B\u{1B}[m\u{1B}[2m\u{1B}[7mm\u{1B}[2;5H\u{1B}[?12l\u{1B}[?25h\u{1B}[2;6H\u{1B}[?25l")
    } }

    @Test("Padding delays in terminfo strings (vt100's $<5>) are left out, not written as text")
    func paddingLeftOut() { Self.withTerminal {
        #expect(TerminfoFrameWriter.withoutPadding(Array("\u{1B}[%i%p1%d;%p2%dH$<5>".utf8)) == Array("\u{1B}[%i%p1%d;%p2%dH".utf8))
        #expect(TerminfoFrameWriter.withoutPadding(Array("\u{1B}[m\u{F}$<2*/>x$5$<y>".utf8)) == Array("\u{1B}[m\u{F}x$5$<y>".utf8))
        var strings = Self.xterm()
        strings.cursorAddress = "\u{1B}[%i%p1%d;%p2%dH$<5>"
        var writer = TerminfoFrameWriter(strings: strings, colorCount: 0)
        writer.draw([Self.update(1, 1, "a")], size: Self.size)
        #expect(Self.text(writer) == "\u{1B}[2;2H\u{1B}(B\u{1B}[ma")
    } }

    @Test("Terminals with only the old setf/setb get blue and red the right way round")
    func oldColourStrings() { Self.withTerminal {
        #expect([0, 1, 3, 4, 6, 9, 12, 208, -1].map(TerminfoFrameWriter.swappingBlueAndRed) == [0, 4, 6, 1, 3, 12, 9, 208, -1])
        var strings = Self.xterm()
        strings.foreground = "\u{1B}[3%p1%dm"
        strings.colorsAreBGR = true
        var writer = TerminfoFrameWriter(strings: strings, colorCount: 8)
        writer.draw([Self.update(0, 0, "r", style: ResolvedStyle(foreground: .ansi(1)))], size: Self.size)
        #expect(Self.text(writer) == "\u{1B}[1;1H\u{1B}(B\u{1B}[m\u{1B}[34mr")
    } }
}
