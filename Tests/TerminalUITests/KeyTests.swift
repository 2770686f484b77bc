import Testing
import TerminalUI

@Suite struct KeyTests {
    @Test func displayNames() {
        let expected: [(Key, String)] = [
            (.up, "↑"), (.down, "↓"), (.left, "←"), (.right, "→"), (.pageUp, "PgUp"), (.pageDown, "PgDn"),
            (.home, "Home"), (.end, "End"), (.tab, "Tab"), (.backTab, "Shift-Tab"), (.enter, "Enter"), (.escape, "Esc"),
            (.backspace, "Backspace"), (.delete, "Del"), (.function(1), "F1"), (.function(12), "F12"),
            (.ctrl("c"), "Ctrl-C"), (.character("q"), "q"), (.character(" "), "Space"), (.character("é"), "é"),
        ]
        for (key, name) in expected {
            #expect(key.displayName == name)
        }
    }

    @Test func keysWorkAsAKeymapTable() {
        enum Action { case quit, up, search }
        let keymap: [Key: Action] = [.ctrl("c"): .quit, .character("q"): .quit, .up: .up, .character("/"): .search]
        #expect(keymap[.control("C")] == .quit)
        #expect(keymap[.character("q")] == .quit)
        #expect(keymap[.up] == .up)
        #expect(keymap[.character("Q")] == nil)
        #expect(Set([Key.function(1), .function(1), .function(2)]).count == 2)
    }

    @Test func controlBytes() {
        #expect(Key(controlByte: 0x03) == .ctrl("c"))
        #expect(Key(controlByte: 0x01) == .ctrl("a"))
        #expect(Key(controlByte: 0x1A) == .ctrl("z"))
        #expect(Key(controlByte: 0x09) == .tab)
        #expect(Key(controlByte: 0x0D) == .enter)
        #expect(Key(controlByte: 0x0A) == .enter)
        #expect(Key(controlByte: 0x1B) == .escape)
        #expect(Key(controlByte: 0x7F) == .backspace)
        #expect(Key(controlByte: 0x08) == .backspace)
        #expect(Key(controlByte: 0x00) == nil)
    }

    @Test func keyHintsJoinArrowsCompactly() {
        #expect(KeyHint(keys: [.up, .down], "Move").keyText == "↑↓")
        #expect(KeyHint(keys: [.ctrl("c"), .character("q")], "Quit").keyText == "Ctrl-C/q")
    }
}

@Suite struct TextInputStateTests {
    private func typed(_ text: String, then keys: [Key] = []) -> TextInputState {
        var state = TextInputState()
        for character in text { _ = state.handle(.character(character)) }
        for key in keys { _ = state.handle(key) }
        return state
    }

    @Test func typingAndMoving() {
        var state = typed("helo")
        #expect(state.text == "helo" && state.cursor == 4)
        _ = state.handle(.left)
        _ = state.handle(.character("l"))
        #expect(state.text == "hello" && state.cursor == 4)
        _ = state.handle(.home)
        #expect(state.cursor == 0)
        _ = state.handle(.left)
        #expect(state.cursor == 0)
        _ = state.handle(.end)
        _ = state.handle(.right)
        #expect(state.cursor == 5)
        _ = state.handle(.ctrl("a"))
        #expect(state.cursor == 0)
        _ = state.handle(.ctrl("e"))
        #expect(state.cursor == 5)
    }

    @Test func deleting() {
        #expect(typed("abc", then: [.backspace]).text == "ab")
        #expect(typed("abc", then: [.home, .backspace]).text == "abc")
        #expect(typed("abc", then: [.home, .delete]).text == "bc")
        #expect(typed("abc", then: [.delete]).text == "abc")
        let killed = typed("hello world", then: [.left, .left, .ctrl("u")])
        #expect(killed.text == "ld" && killed.cursor == 0)
        #expect(typed("hello world", then: [.home, .right, .ctrl("k")]).text == "h")
    }

    @Test func ctrlWDeletesTheWordBeforeTheCursor() {
        #expect(typed("red running shoes", then: [.ctrl("w")]).text == "red running ")
        #expect(typed("red running shoes  ", then: [.ctrl("w")]).text == "red running ")
        #expect(typed("shoes", then: [.ctrl("w"), .ctrl("w")]).text == "")
        let middle = typed("red running shoes", then: [.left, .left, .left, .left, .left, .left, .ctrl("w")])
        #expect(middle.text == "red  shoes" && middle.cursor == 4)
    }

    @Test func graphemesAreOneCursorStep() {
        var state = typed("a🇯🇵e\u{301}")
        #expect(state.characters.count == 3)
        _ = state.handle(.backspace)
        _ = state.handle(.backspace)
        #expect(state.text == "a")
    }

    @Test func combiningMarksTypedSeparatelyJoinTheirBase() {
        let state = typed("e\u{301}")  // arrives from the terminal as two characters
        #expect(state.characters == ["e\u{301}"])
        #expect(state.cursor == 1)
    }

    @Test func pastedTextIsSanitisedAndLimited() {
        var state = TextInputState(maxLength: 5)
        state.insert("ab\u{1B}[31mcd\nefgh")
        #expect(state.text == "abcd ")
        let usedEnter = state.handle(.enter)
        let usedEscape = state.handle(.escape)
        #expect(!usedEnter && !usedEscape)
    }
}

@Suite struct ListStateTests {
    @Test func movesAndScrollsToKeepTheSelectionVisible() {
        var state = ListState()
        for _ in 0..<12 { _ = state.handle(.down, count: 100, visibleRows: 10) }
        #expect(state.selected == 12)
        #expect(state.effectiveOffset(count: 100, visibleRows: 10) == 3)
        _ = state.handle(.pageDown, count: 100, visibleRows: 10)
        // One page exactly: the view and the selection both move 10 rows.
        #expect(state.selected == 22 && state.effectiveOffset(count: 100, visibleRows: 10) == 13)
        _ = state.handle(.pageUp, count: 100, visibleRows: 10)
        #expect(state.selected == 12 && state.effectiveOffset(count: 100, visibleRows: 10) == 3)
        _ = state.handle(.end, count: 100, visibleRows: 10)
        #expect(state.selected == 99 && state.visibleRange(count: 100, visibleRows: 10) == 90..<100)
        _ = state.handle(.home, count: 100, visibleRows: 10)
        #expect(state.selected == 0 && state.effectiveOffset(count: 100, visibleRows: 10) == 0)
        _ = state.handle(.up, count: 100, visibleRows: 10)
        #expect(state.selected == 0)
        let usedEnter = state.handle(.enter, count: 100, visibleRows: 10)
        #expect(!usedEnter)
    }

    @Test func wheelScrollingDragsTheSelectionAlong() {
        var state = ListState(selected: 0)
        state.scroll(by: 5, count: 100, visibleRows: 10)
        #expect(state.offset == 5 && state.selected == 5)
        state.scroll(by: 500, count: 100, visibleRows: 10)
        #expect(state.offset == 90 && state.selected == 90)
    }

    @Test func emptyListsHaveNoSelection() {
        var state = ListState()
        state.select(3, count: 0, visibleRows: 10)
        #expect(state.selected == nil)
        #expect(state.visibleRange(count: 0, visibleRows: 10).isEmpty)
    }

    /// 100 000 items cost what 20 do: only the visible rows are rendered.
    @Test func listRendersOnlyVisibleRows() {
        final class Counter { var calls: [Int] = [] }
        let counter = Counter()
        let list = ListView(count: 100_000, state: ListState(selected: 50_000)) { index in
            counter.calls.append(index)
            return Line("Item \(index)")
        }
        let buffer = Buffer.rendering(list, width: 30, height: 20)
        #expect(counter.calls.count == 20)
        #expect(counter.calls.contains(50_000))
        #expect(buffer.text(ofRow: 19).hasPrefix("› Item 50000"))
    }

    @Test func tableRendersOnlyVisibleRows() {
        final class Counter { var calls = 0 }
        let counter = Counter()
        let table = Table(columns: [.init("A"), .init("B")], rowCount: 100_000) { row, _ in
            counter.calls += 1
            return Span("\(row)")
        }
        _ = Buffer.rendering(table, width: 30, height: 11)
        #expect(counter.calls == 10 * 2)
    }
}
