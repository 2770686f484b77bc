/// Bytes for the terminal itself rather than the screen: a clipboard copy or a nudge. None of
/// them moves the cursor or draws a cell, so a backend can send one between frames.
public enum TerminalSignal: Hashable, Sendable {
    /// OSC 52: put `text` on the system clipboard (`ESC ] 52 ; c ; base64 BEL`). Terminals that
    /// refuse it ignore it silently, which is why the app lets it be turned off.
    case copy(String)
    /// BEL: the terminal beeps, flashes, or marks the tab.
    case bell
    /// OSC 9: a desktop notification with a message (iTerm2, WezTerm, Windows Terminal, foot).
    case notify(message: String)
    /// OSC 777: a desktop notification with a title and a body (urxvt, VTE, kitty).
    case notifyTitled(title: String, body: String)

    /// The most text a notification carries; longer is cut (terminals limit OSC lengths).
    public static let notificationLimit = 200
    /// The most bytes a copy carries before base64: many terminals drop longer OSC 52 strings.
    public static let copyLimit = 74_994

    /// The bytes to write.
    public var bytes: [UInt8] {
        switch self {
        case .copy(let text):
            return Array("\u{1B}]52;c;\(Self.base64(Array(text.utf8.prefix(Self.copyLimit))))\u{07}".utf8)
        case .bell:
            return [0x07]
        case .notify(let message):
            return Array("\u{1B}]9;\(Self.oscText(message))\u{07}".utf8)
        case .notifyTitled(let title, let body):
            // `;` separates the fields of OSC 777, so none may appear inside the title.
            let safeTitle = Self.oscText(title).replacingOccurrences(of: ";", with: ",")
            return Array("\u{1B}]777;notify;\(safeTitle);\(Self.oscText(body))\u{07}".utf8)
        }
    }

    /// Text that cannot end the sequence early or start another one: controls are dropped
    /// (sanitised like everything from the network) and the length is bounded.
    static func oscText(_ text: String) -> String {
        String(TextSanitizer.sanitizeLine(text).filter { character in
            character.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }
        }.prefix(notificationLimit))
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Standard base64 with padding (RFC 4648), which is what OSC 52 expects.
    static func base64(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= bytes.count {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            output += [alphabet[Int(chunk >> 18 & 63)], alphabet[Int(chunk >> 12 & 63)], alphabet[Int(chunk >> 6 & 63)], alphabet[Int(chunk & 63)]]
            index += 3
        }
        let rest = bytes.count - index
        if rest == 1 {
            let chunk = UInt32(bytes[index]) << 16
            output += [alphabet[Int(chunk >> 18 & 63)], alphabet[Int(chunk >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            output += [alphabet[Int(chunk >> 18 & 63)], alphabet[Int(chunk >> 12 & 63)], alphabet[Int(chunk >> 6 & 63)], UInt8(ascii: "=")]
        }
        return String(decoding: output, as: UTF8.self)
    }
}
