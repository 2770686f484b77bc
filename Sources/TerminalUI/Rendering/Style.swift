/// How a cell looks: a foreground and background paint plus attributes.
///
/// Paints are usually theme roles, so a buffer says *what* something is ("price", "selection")
/// and the theme decides the colours when the frame is flushed. Switching theme therefore needs
/// no re-render, and snapshots stay readable and independent of colour tweaks.
///
/// Stored packed in 64 bits, so a cell stays small and comparing styles in the frame diff is
/// one integer comparison.
public struct Style: Hashable, Sendable {
    /// Bits 0–27 foreground, 28–55 background (see ``Paint``'s code), 56–63 attributes.
    private var bits: UInt64

    /// The text colour; nil means the theme's `text` role.
    public var foreground: Paint? {
        get { Paint(code: bits & Paint.codeMask) }
        set { bits = bits & ~Paint.codeMask | (newValue?.code ?? 0) }
    }

    /// The cell colour; nil means the theme's `background` role.
    public var background: Paint? {
        get { Paint(code: bits >> 28 & Paint.codeMask) }
        set { bits = bits & ~(Paint.codeMask << 28) | (newValue?.code ?? 0) << 28 }
    }

    /// Attributes added to those of the foreground role.
    public var attributes: TextAttributes {
        get { TextAttributes(rawValue: UInt8(truncatingIfNeeded: bits >> 56)) }
        set { bits = bits & ~(0xFF << 56) | UInt64(newValue.rawValue) << 56 }
    }

    public init(foreground: Paint? = nil, background: Paint? = nil, attributes: TextAttributes = []) {
        bits = (foreground?.code ?? 0) | (background?.code ?? 0) << 28 | UInt64(attributes.rawValue) << 56
    }

    /// The plain style: theme text on theme background.
    public static let plain = Style()

    /// Both colours and the attributes of `role`, the usual way widgets style things.
    public static func role(_ role: ThemeRole, _ attributes: TextAttributes = []) -> Style {
        Style(foreground: .role(role), background: .role(role), attributes: attributes)
    }

    /// Only the foreground (and attributes) of `role`, on the surrounding background.
    public static func foreground(_ role: ThemeRole, _ attributes: TextAttributes = []) -> Style {
        Style(foreground: .role(role), attributes: attributes)
    }

    /// This style with `attributes` added.
    public func adding(_ attributes: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(attributes)
        return copy
    }
}

/// A colour given either by meaning (a theme role) or literally.
public enum Paint: Hashable, Sendable {
    case role(ThemeRole)
    case color(Color)

    static let codeMask: UInt64 = (1 << 28) - 1

    /// 28 bits: kind in bits 26–27 (0 none, 1 role, 2 colour); a role's ordinal, or a colour's
    /// kind in bits 24–25 and its value in bits 0–23.
    var code: UInt64 {
        switch self {
        case .role(let role):
            return 1 << 26 | UInt64(role.ordinal)
        case .color(let color):
            let value: UInt64 =
                switch color {
                case .terminalDefault: 0
                case .ansi(let index): 1 << 24 | UInt64(index)
                case .indexed(let index): 2 << 24 | UInt64(index)
                case .rgb(let red, let green, let blue): 3 << 24 | UInt64(red) << 16 | UInt64(green) << 8 | UInt64(blue)
                }
            return 2 << 26 | value
        }
    }

    init?(code: UInt64) {
        switch code >> 26 {
        case 1:
            self = .role(ThemeRole.allCases[Int(code & 0xFF)])
        case 2:
            let value = code & 0xFF_FFFF
            switch code >> 24 & 0x3 {
            case 0: self = .color(.terminalDefault)
            case 1: self = .color(.ansi(UInt8(value & 0xFF)))
            case 2: self = .color(.indexed(UInt8(value & 0xFF)))
            default: self = .color(.rgb(UInt8(value >> 16), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)))
            }
        default:
            return nil
        }
    }
}

extension Style: CustomStringConvertible {
    /// A compact spelling used by snapshots, e.g. `fg=price bg=selection bold`.
    public var description: String {
        var parts: [String] = []
        if let foreground { parts.append("fg=\(foreground)") }
        if let background { parts.append("bg=\(background)") }
        parts += attributes.names
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}

extension Paint: CustomStringConvertible {
    public var description: String {
        switch self {
        case .role(let role): role.rawValue
        case .color(let color): color.description
        }
    }
}
