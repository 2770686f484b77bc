import TerminalUI

/// Key names as `config.yaml` writes them: `q`, `Q`, `:`, `space`, `enter`, `esc`, `tab`,
/// `shift-tab`, `up`, `pgdn`, `home`, `f1`, `ctrl-p` (or `C-p`), `alt-x` (or `M-x`). Case
/// matters for one character (`g` and `G` differ) and nowhere else. The names the footer shows
/// (`Ctrl-P`, `PgDn`, `↑`, `Esc`) parse too.
public enum KeyName {
    private static let named: [String: Key] = [
        "up": .up, "↑": .up, "down": .down, "↓": .down, "left": .left, "←": .left, "right": .right, "→": .right,
        "home": .home, "end": .end, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "enter": .enter, "return": .enter,
        "esc": .escape, "escape": .escape, "backspace": .backspace, "delete": .delete, "del": .delete,
        "insert": .insert, "ins": .insert, "space": .character(" "),
    ]

    /// The key `text` names, or a sentence saying why it names none.
    public static func parse(_ text: String) -> Result<Key, KeyNameError> {
        let lower = text.lowercased()
        if let key = named[lower] { return .success(key) }
        if text.count == 1, let character = text.first {
            guard !character.isWhitespace || character == " ", character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
                return .failure(KeyNameError("'\(text)' is not a key name"))
            }
            return .success(.character(character))
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number) { return .success(.function(number)) }
        for prefix in ["ctrl-", "ctrl+", "c-"] where lower.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            guard rest.count == 1, let letter = rest.lowercased().first, letter.isASCII, letter.isLetter else {
                return .failure(KeyNameError("'\(text)': Ctrl goes with one letter, as in ctrl-p"))
            }
            // Terminals send these as other keys: Ctrl-H is Backspace, Ctrl-I Tab, Ctrl-J/M Enter.
            if let other = ["h": "backspace", "i": "tab", "j": "enter", "m": "enter"][String(letter)] {
                return .failure(KeyNameError("'\(text)' reaches the app as \(other); use '\(other)'"))
            }
            return .success(.ctrl(letter))
        }
        for prefix in ["alt-", "alt+", "m-", "meta-"] where lower.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            guard rest.count == 1, let character = rest.first, !character.isWhitespace else {
                return .failure(KeyNameError("'\(text)': Alt goes with one character, as in alt-x"))
            }
            return .success(.alt(character))
        }
        return .failure(KeyNameError("'\(text)' is not a key name (examples: q, G, ctrl-p, alt-x, enter, esc, tab, shift-tab, up, pgdn, f1, space)"))
    }
}

public struct KeyNameError: Error, Equatable {
    public var message: String
    init(_ message: String) { self.message = message }
}
