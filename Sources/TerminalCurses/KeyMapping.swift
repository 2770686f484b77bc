import CNcurses
import TerminalUI

/// Turns what `get_wch` returns into ``Key``s: curses key codes (KEY_UP, KEY_F(1), …) and
/// characters, including the control bytes raw mode passes through.
enum KeyMapping {
    /// The key for a curses function-key code (`get_wch` returned KEY_CODE_YES), or nil for
    /// codes the app does not use (KEY_RESIZE and KEY_MOUSE are handled before this).
    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        default:
            for number in 1...12 where code == cnc_key_f(Int32(number)) {
                return .function(number)
            }
            return nil
        }
    }

    /// The key for a character `get_wch` returned (status OK).
    static func key(forCharacter value: UInt32) -> Key? {
        if value < 0x20 || value == 0x7F { return Key(controlByte: UInt8(value)) }
        if (0x80...0x9F).contains(value) { return nil }  // C1 controls are never keys
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return .character(Character(scalar))
    }

    /// Joins one batch of events read together, for tests and one-off use: see ``KeyJoiner``.
    static func joined(_ events: [Event]) -> [Event] {
        var joiner = KeyJoiner()
        return joiner.join(events)
    }

    /// After Esc, the bytes that begin a sequence rather than an Alt-key: CSI `[`, SS3 `O`,
    /// and the string sequences OSC `]`, DCS `P`, APC `_`, PM `^`.
    static let sequenceIntroducers: Set<UInt8> = [0x5B, 0x4F, 0x5D, 0x50, 0x5F, 0x5E]

    /// The bytes the terminal sent for a key ncurses passed through as a character or control
    /// byte; nil for what ncurses decoded itself (a key code, the mouse, a resize).
    static func bytes(of event: Event) -> [UInt8]? {
        guard case .key(let key) = event else { return nil }
        switch key {
        case .character(let character): return Array(String(character).utf8)
        case .ctrl(let letter):
            guard let value = letter.asciiValue, (0x61...0x7A).contains(value) else { return nil }
            return [value - 0x60]
        case .escape: return [0x1B]
        case .enter: return [0x0D]
        case .tab: return [0x09]
        case .backspace: return [0x7F]
        default: return nil
        }
    }
}

/// Joins what ncurses handed over key by key into the keys that were meant, batch by batch
/// (one batch is what one read brought): Esc then `x` in the same batch is Alt-x; Esc then `[`,
/// `O`, `]`, `P`, `_` or `^` followed by more is an escape sequence the terminfo entry does not
/// know (`\e[11~`, F1 in VT220 and rxvt; `\e[[A`, F1 on the console; an SGR click where terminfo
/// knows only X10; `\e[99~`; a title `\e]0;x\u{07}`), decoded as the pure-Swift backend decodes
/// it and dropped when unknown, never Esc plus junk. A bracketed paste is kept open across
/// batches (a read stops at 4096 events; a 10 KB paste spans three), whatever comes between.
struct KeyJoiner {
    /// The decoder of a sequence or paste still open at the end of the last event.
    private var decoder: InputDecoder?

    mutating func join(_ events: [Event]) -> [Event] {
        var joined: [Event] = []
        var index = 0
        while index < events.count {
            let event = events[index]
            if var active = decoder {
                if let bytes = KeyMapping.bytes(of: event) {
                    joined += active.feed(bytes)
                    decoder = active.hasPending || active.isPasting ? active : nil
                    index += 1
                    continue
                }
                if active.isPasting {
                    // A resize or a key ncurses decoded in the middle of a paste: the paste goes on.
                    joined.append(event)
                    index += 1
                    continue
                }
                joined += active.flushPending()
                decoder = nil
            }
            guard event == .key(.escape), index + 1 < events.count, case .key(.character(let next)) = events[index + 1] else {
                joined.append(event)
                index += 1
                continue
            }
            guard let introducer = next.asciiValue, KeyMapping.sequenceIntroducers.contains(introducer) else {
                joined.append(.key(.alt(next)))
                index += 2
                continue
            }
            var fresh = InputDecoder()
            joined += fresh.feed([0x1B, introducer])
            decoder = fresh.hasPending || fresh.isPasting ? fresh : nil
            index += 2
        }
        // A sequence cut off by the end of the read is what arrived (a lone Alt-[ stays one);
        // only a paste waits for its end marker in a later read.
        if var active = decoder, !active.isPasting {
            joined += active.flushPending()
            decoder = nil
        }
        return joined
    }
}
