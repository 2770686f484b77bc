/// How a cell looks: a foreground and background paint plus attributes.
///
/// Paints are usually theme roles, so a buffer says *what* something is ("price", "selection")
/// and the theme decides the colours when the frame is flushed. Switching theme therefore needs
/// no re-render, and snapshots stay readable and independent of colour tweaks.
public struct Style: Hashable, Sendable {
    /// The text colour; nil means the theme's `text` role.
    public var foreground: Paint?
    /// The cell colour; nil means the theme's `background` role.
    public var background: Paint?
    /// Attributes added to those of the foreground role.
    public var attributes: TextAttributes

    public init(foreground: Paint? = nil, background: Paint? = nil, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
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
