/// A key press, as the app's keymap sees it.
///
/// `Hashable` so a keymap can be a dictionary from keys to actions, and every key has a
/// ``displayName`` so that the footer and the help overlay can be generated from that table.
public enum Key: Hashable, Sendable {
    /// A printable character, including non-ASCII ones and the space.
    case character(Character)
    /// A letter typed with Control held, always lowercase (`.ctrl("c")` is Ctrl-C).
    /// Ctrl-H, Ctrl-I, Ctrl-J, Ctrl-M and Ctrl-[ arrive as backspace, tab, enter and escape.
    case ctrl(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case tab, backTab
    case enter, escape, backspace, delete, insert
    /// F1 to F12 (`.function(1)` is F1).
    case function(Int)
    /// A printable character typed with Alt (Meta) held: the terminal sent Esc before it.
    case alt(Character)

    /// The name shown where the terminal cannot draw arrows: "Up", not "^" (which is also a key,
    /// and "v" is a key of the app's own). Every other key keeps its ``displayName``.
    public func displayName(unicode: Bool) -> String {
        guard !unicode else { return displayName }
        switch self {
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        default: return displayName
        }
    }

    /// The name shown in key hints and help, e.g. "↑", "PgDn", "Ctrl-C", "F1", "Space".
    public var displayName: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .ctrl(let letter): "Ctrl-" + letter.uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .insert: "Ins"
        case .function(let number): "F\(number)"
        case .alt(let character): "Alt-" + String(character)
        }
    }

    /// Ctrl plus `letter`, normalised to lowercase so `.control("C") == .ctrl("c")`.
    public static func control(_ letter: Character) -> Key {
        .ctrl(Character(letter.lowercased()))
    }

    /// The key an ASCII control byte (0x00–0x1F, 0x7F) stands for, as terminals send them:
    /// 0x09 Tab, 0x0A/0x0D Enter, 0x1B Esc, 0x08/0x7F Backspace, 0x01–0x1A Ctrl-letters.
    public init?(controlByte byte: UInt8) {
        switch byte {
        case 0x08, 0x7F: self = .backspace
        case 0x09: self = .tab
        case 0x0A, 0x0D: self = .enter
        case 0x1B: self = .escape
        case 0x01...0x1A: self = .ctrl(Character(UnicodeScalar(byte + 0x60)))
        default: return nil
        }
    }
}

extension Key: CustomStringConvertible {
    public var description: String { displayName }
}
