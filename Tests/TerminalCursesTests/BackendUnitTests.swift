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
