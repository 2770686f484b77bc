/// How a theme shows one role: optional colours plus attributes.
public struct RoleStyle: Hashable, Sendable {
    /// nil leaves the colour to the `text` role (foreground) or `background` role.
    public var foreground: Color?
    public var background: Color?
    public var attributes: TextAttributes

    public init(foreground: Color? = nil, background: Color? = nil, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A style with every role looked up: concrete colours a backend can use.
public struct ResolvedStyle: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: TextAttributes

    public init(foreground: Color = .terminalDefault, background: Color = .terminalDefault, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

extension ResolvedStyle: CustomStringConvertible {
    public var description: String {
        var parts: [String] = []
        if foreground != .terminalDefault { parts.append("fg=\(foreground)") }
        if background != .terminalDefault { parts.append("bg=\(background)") }
        parts += attributes.names
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}
