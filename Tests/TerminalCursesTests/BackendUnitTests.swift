import CNcurses
import Testing
import TerminalUI

@testable import TerminalCurses

@Suite struct KeyMappingTests {
    @Test func functionKeys() {
        #expect(KeyMapping.key(forKeyCode: KEY_UP) == .up)
        #expect(KeyMapping.key(forKeyCode: KEY_DOWN) == .down)
        #expect(KeyMapping.key(forKeyCode: KEY_LEFT) == .left)
        #expect(KeyMapping.key(forKeyCode: KEY_RIGHT) == .right)
        #expect(KeyMapping.key(forKeyCode: KEY_HOME) == .home)
        #expect(KeyMapping.key(forKeyCode: KEY_END) == .end)
        #expect(KeyMapping.key(forKeyCode: KEY_PPAGE) == .pageUp)
        #expect(KeyMapping.key(forKeyCode: KEY_NPAGE) == .pageDown)
        #expect(KeyMapping.key(forKeyCode: KEY_BTAB) == .backTab)
        #expect(KeyMapping.key(forKeyCode: KEY_BACKSPACE) == .backspace)
        #expect(KeyMapping.key(forKeyCode: KEY_DC) == .delete)
        #expect(KeyMapping.key(forKeyCode: KEY_ENTER) == .enter)
        for number in 1...12 {
            #expect(KeyMapping.key(forKeyCode: cnc_key_f(Int32(number))) == .function(number))
        }
        #expect(KeyMapping.key(forKeyCode: KEY_RESIZE) == nil)
    }

    @Test func characters() {
        #expect(KeyMapping.key(forCharacter: 0x61) == .character("a"))
        #expect(KeyMapping.key(forCharacter: 0x20) == .character(" "))
        #expect(KeyMapping.key(forCharacter: 0xE9) == .character("é"))
        #expect(KeyMapping.key(forCharacter: 0x4E2D) == .character("中"))
        #expect(KeyMapping.key(forCharacter: 0x1F35C) == .character("🍜"))
        #expect(KeyMapping.key(forCharacter: 0x03) == .ctrl("c"))
        #expect(KeyMapping.key(forCharacter: 0x17) == .ctrl("w"))
        #expect(KeyMapping.key(forCharacter: 0x0D) == .enter)
        #expect(KeyMapping.key(forCharacter: 0x7F) == .backspace)
        #expect(KeyMapping.key(forCharacter: 0x1B) == .escape)
        #expect(KeyMapping.key(forCharacter: 0x9B) == nil)
    }

    /// What ncurses hands over for bytes its terminfo entry does not know: Esc, then each byte.
    static func asNcursesPassesThem(_ text: String) -> [Event] {
        text.unicodeScalars.compactMap { KeyMapping.key(forCharacter: $0.value).map(Event.key) }
    }

    @Test("Esc then a character read together is Alt plus it; a lone Esc stays Esc")
    func altKeys() {
        #expect(KeyMapping.joined(Self.asNcursesPassesThem("\u{1B}x")) == [.key(.alt("x"))])
        #expect(KeyMapping.joined(Self.asNcursesPassesThem("\u{1B}")) == [.key(.escape)])
        #expect(KeyMapping.joined([.key(.escape), .key(.up)]) == [.key(.escape), .key(.up)])
        #expect(KeyMapping.joined(Self.asNcursesPassesThem("\u{1B}[")) == [.key(.alt("["))])
    }

    @Test("Sequences terminfo does not know: F-keys in VT220, rxvt and console spellings and SGR mouse (screen-256color knows only X10) decoded, the rest dropped whole",
          arguments: [
            ("\u{1B}[11~", [Event.key(.function(1))]), ("\u{1B}[24~", [.key(.function(12))]), ("\u{1B}[[A", [.key(.function(1))]),
            ("\u{1B}[7~", [.key(.home)]), ("\u{1B}[8~", [.key(.end)]), ("\u{1B}OH", [.key(.home)]),
            ("\u{1B}[<0;33;1M", [.mouse(MouseEvent(.click, x: 32, y: 0))]), ("\u{1B}[<0;33;1m", []),
            ("\u{1B}[99~", []), ("\u{1B}[1;9Z", []), ("\u{1B}]0;x\u{07}", []), ("\u{1B}]0;Crème\u{1B}\\", []),
          ] as [(String, [Event])])
    func unknownSequences(_ sequence: String, _ expected: [Event]) {
        let events = [Event.key(.character("a"))] + Self.asNcursesPassesThem(sequence) + [.key(.character("b")), .key(.up)]
        #expect(KeyMapping.joined(events) == [.key(.character("a"))] + expected + [.key(.character("b")), .key(.up)])
    }

    @Test("A 10 KB paste read in batches of 4096 events arrives whole, a resize in the middle passing through")
    func pasteAcrossReads() {
        let text = String(repeating: "Crème brûlée\r10 € q:c ", count: 10_240 / 20)
        var events = Self.asNcursesPassesThem("\u{1B}[200~" + text + "\u{1B}[201~x")
        events.insert(.resize(Size(width: 80, height: 24)), at: 5000)
        var joiner = KeyJoiner()
        var joined: [Event] = []
        for start in stride(from: 0, to: events.count, by: 4096) {
            joined += joiner.join(Array(events[start..<min(events.count, start + 4096)]))
        }
        #expect(joined == [.resize(Size(width: 80, height: 24)), .paste(text), .key(.character("x"))])
    }

    @Test("A bracketed paste handed over byte by byte arrives as one paste")
    func paste() {
        let events = Self.asNcursesPassesThem("\u{1B}[200~q:\r\u{1B}[201~x")
        #expect(KeyMapping.joined(events) == [.paste("q:\r"), .key(.character("x"))])
    }
}

@Suite struct CursesColorTests {
    @Test func numbersFor256ColourTerminals() {
        #expect(CursesColor.number(for: .terminalDefault, colors: 256) == -1)
        #expect(CursesColor.number(for: .ansi(9), colors: 256) == 9)
        #expect(CursesColor.number(for: .indexed(208), colors: 256) == 208)
        #expect(CursesColor.number(for: .ansi(9), colors: 8) == 1)
    }

    @Test func numbersForDirectColourTerminals() {
        #expect(CursesColor.number(for: .rgb(0x12, 0x34, 0x56), colors: 0x1000000) == 0x123456)
        #expect(CursesColor.number(for: .ansi(3), colors: 0x1000000) == 3)
        #expect(CursesColor.number(for: .indexed(196), colors: 0x1000000) == 0xFF0000)
    }

    @Test func errorMessagesSayWhatToDo() {
        #expect(TerminalError.notATerminal(stream: "output").message.contains("standard output is not a terminal"))
        #expect(TerminalError.dumbTerminal(term: "dumb").message.contains("TERM is 'dumb'"))
        #expect(TerminalError.dumbTerminal(term: "").message.contains("TERM is not set"))
        #expect(TerminalError.initialisationFailed(term: "vt9000").message.contains("'vt9000'"))
    }
}
