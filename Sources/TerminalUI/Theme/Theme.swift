/// A set of looks for the ``ThemeRole``s, loaded from `themes/*.yaml` or a user's file.
public struct Theme: Hashable, Sendable {
    /// The theme's name (the file name without `.yaml` for built-in themes).
    public var name: String
    /// The characters panels and dialogs use for their borders.
    public var border: BorderSet
    /// How each role looks. Roles the file left out were filled in from the fallback theme.
    public var roles: [ThemeRole: RoleStyle]

    public init(name: String, roles: [ThemeRole: RoleStyle], border: BorderSet = .rounded) {
        self.name = name
        self.roles = roles
        self.border = border
    }

    /// How `role` looks; a role nobody defined is plain.
    public subscript(role: ThemeRole) -> RoleStyle {
        roles[role] ?? RoleStyle()
    }

    /// The concrete colours and attributes of `style` under this theme, reduced to what a
    /// terminal with `capability` can show.
    ///
    /// The foreground role contributes its attributes too (a `title` role can be bold).
    /// With no colour at all (``ColorCapability/none``, e.g. `NO_COLOR`), the built-in `mono`
    /// theme is used instead, whose roles are told apart by attributes alone; otherwise a
    /// selection defined by a background colour would vanish.
    public func resolve(_ style: Style, capability: ColorCapability = .truecolor) -> ResolvedStyle {
        if capability == .none && name != Theme.mono.name && !Theme.mono.roles.isEmpty {
            return Theme.mono.resolve(style, capability: .none)
        }
        var attributes = style.attributes
        let foreground: Color
        switch style.foreground {
        case nil:
            foreground = self[.text].foreground ?? .terminalDefault
            attributes.formUnion(self[.text].attributes)
        case .color(let color):
            foreground = color
        case .role(let role):
            let roleStyle = self[role]
            foreground = roleStyle.foreground ?? self[.text].foreground ?? .terminalDefault
            attributes.formUnion(roleStyle.attributes)
        }
        let background: Color
        switch style.background {
        case nil:
            background = self[.background].background ?? .terminalDefault
        case .color(let color):
            background = color
        case .role(let role):
            background = self[role].background ?? self[.background].background ?? .terminalDefault
        }
        var shownForeground = foreground.degraded(to: capability)
        let shownBackground = background.degraded(to: capability)
        if capability == .ansi8 || capability == .ansi16, shownBackground == .terminalDefault,
           shownForeground == .ansi(0) || shownForeground == .ansi(8) {
            // Gray (muted text, borders) on the terminal's own background: an 8-colour terminal
            // shows bright black as black, and the Linux console's dark background hides it
            // either way. The default colour, dimmed, is readable everywhere.
            shownForeground = .terminalDefault
            attributes.insert(.dim)
        } else if shownBackground != .terminalDefault, shownForeground == shownBackground, foreground != background {
            // Two colours the terminal shows as one (the dark theme's gray border on its dark
            // background, both black in 8 colours; the light theme's on white): the text would
            // vanish. Black or white, whichever stands out, dimmed as the near colour was.
            shownForeground = shownBackground.isDark ? .ansi(7) : .ansi(0)
            attributes.insert(.dim)
        }
        return ResolvedStyle(foreground: shownForeground, background: shownBackground, attributes: attributes)
    }

    /// The built-in `default` theme (`themes/default.yaml`).
    ///
    /// If the package resources cannot be read, this is a theme without colours so that the
    /// app still runs; ``ThemeLoader/builtIn(named:)`` reports the underlying error.
    public static let `default`: Theme = (try? ThemeLoader.builtIn(named: "default"))
        ?? Theme(name: "default", roles: [:])

    /// The built-in `mono` theme: attributes only, used whenever colour is unavailable.
    public static let mono: Theme = (try? ThemeLoader.builtIn(named: "mono"))
        ?? Theme(name: "mono", roles: [:])
}
