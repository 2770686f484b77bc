/// The model of a one-line text field: its text and cursor, edited by keys.
///
/// A value the app keeps in its state; the reducer passes keys to ``handle(_:)``. The cursor
/// counts grapheme clusters, so it never lands inside an emoji or a letter with an accent.
public struct TextInputState: Hashable, Sendable {
    /// The characters of the text (grapheme clusters).
    public private(set) var characters: [Character]
    /// The cursor position, 0...characters.count (before the character at that index).
    public private(set) var cursor: Int
    /// The most characters the field accepts, or nil for no limit.
    public var maxLength: Int?

    public init(text: String = "", maxLength: Int? = nil) {
        self.maxLength = maxLength
        self.characters = []
        self.cursor = 0
        insert(text)
    }

    /// The text as typed.
    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Inserts `text` at the cursor (pasted or typed), sanitised to one line.
    ///
    /// The text is re-segmented around the cursor, so a combining mark that arrives on its own
    /// (terminals send one code point at a time) joins the character before it.
    public mutating func insert(_ text: String) {
        var incoming = TextSanitizer.sanitizeLine(text)
        if let maxLength {
            incoming = String(incoming.prefix(max(0, maxLength - characters.count)))
        }
        guard !incoming.isEmpty else { return }
        let before = String(characters[..<cursor]) + incoming
        let all = before + String(characters[cursor...])
        characters = Array(all)
        cursor = min(before.count, characters.count)
    }

    /// Applies an editing key. Returns whether the key was used, so the caller can give other
    /// keys (Enter, Esc, Tab) to the keymap.
    ///
    /// ← → Home End Ctrl-A Ctrl-E move; Backspace and Delete remove a character; Ctrl-U removes
    /// everything before the cursor, Ctrl-K everything after it, Ctrl-W the word before it.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character): insert(String(character))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .ctrl("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .ctrl("k"):
            characters.removeSubrange(cursor...)
        case .ctrl("w"):
            var start = cursor
            while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
            while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    /// Replaces the whole text and puts the cursor at the end.
    public mutating func setText(_ text: String) {
        characters = []
        cursor = 0
        insert(text)
    }
}
