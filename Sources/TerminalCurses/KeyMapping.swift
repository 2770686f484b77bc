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
}
