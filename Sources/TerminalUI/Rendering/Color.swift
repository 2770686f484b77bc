import Foundation

/// A concrete terminal colour, from the most to the least portable form.
public enum Color: Hashable, Sendable {
    /// The terminal's own default foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright), which the user's palette defines.
    case ansi(UInt8)
    /// An entry of the xterm 256-colour palette.
    case indexed(UInt8)
    /// A 24-bit colour, shown exactly only on truecolor terminals.
    case rgb(UInt8, UInt8, UInt8)

    public static let black = Color.ansi(0)
    public static let red = Color.ansi(1)
    public static let green = Color.ansi(2)
    public static let yellow = Color.ansi(3)
    public static let blue = Color.ansi(4)
    public static let magenta = Color.ansi(5)
    public static let cyan = Color.ansi(6)
    public static let white = Color.ansi(7)

    /// Names accepted in theme files for the 16 ANSI colours, by index.
    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "brightBlack", "brightRed", "brightGreen", "brightYellow", "brightBlue", "brightMagenta",
        "brightCyan", "brightWhite",
    ]
}

extension Color: CustomStringConvertible {
    /// The theme-file spelling of the colour, which is also what snapshots show.
    public var description: String {
        switch self {
        case .terminalDefault: "default"
        case .ansi(let index): Int(index) < Color.ansiNames.count ? Color.ansiNames[Int(index)] : "ansi\(index)"
        case .indexed(let index): "\(index)"
        case .rgb(let red, let green, let blue): "#" + [red, green, blue].map(Color.hexByte).joined()
        }
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    /// Parses the theme-file spelling: `default`, an ANSI name, `0`–`255` or `#rrggbb`.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "default" {
            self = .terminalDefault
        } else if let index = Color.ansiNames.firstIndex(of: trimmed) {
            self = .ansi(UInt8(index))
        } else if let index = Int(trimmed), (0...255).contains(index) {
            self = .indexed(UInt8(index))
        } else if trimmed.hasPrefix("#"), trimmed.count == 7, let value = UInt32(trimmed.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
        } else {
            return nil
        }
    }
}
