/// What a terminal can show: the renderer degrades every frame to this, so views never ask.
public struct TerminalCapabilities: Hashable, Sendable {
    /// How many colours it shows.
    public var colors: ColorCapability
    /// Whether characters beyond ASCII can be shown (a UTF-8 locale); without it every cell is
    /// drawn with an ASCII stand-in.
    public var unicode: Bool
    /// Whether the font has the rounded box corners (╭╮╰╯); the Linux console's does not.
    public var roundedCorners: Bool

    public init(colors: ColorCapability, unicode: Bool = true, roundedCorners: Bool = true) {
        self.colors = colors
        self.unicode = unicode
        self.roundedCorners = roundedCorners && unicode
    }

    /// A modern terminal: 24-bit colour and Unicode.
    public static let full = TerminalCapabilities(colors: .truecolor)

    /// What `environment` (TERM, COLORTERM, NO_COLOR) and the locale's character set say; the
    /// caller passes `codeset`, e.g. `nl_langinfo(CODESET)` after `setlocale(LC_ALL, "")`.
    public static func detect(environment: [String: String], codeset: String) -> TerminalCapabilities {
        let term = environment["TERM"] ?? ""
        return TerminalCapabilities(
            colors: ColorCapability.detect(environment: environment),
            unicode: isUTF8(codeset: codeset),
            roundedCorners: !term.hasPrefix("linux") && !term.hasPrefix("vt") && !term.hasPrefix("cons"))
    }

    /// Whether a locale character-set name (`UTF-8`, `utf8`, `ANSI_X3.4-1968`, …) is UTF-8.
    public static func isUTF8(codeset: String) -> Bool {
        let name = codeset.lowercased().filter { $0.isLetter || $0.isNumber }
        return name == "utf8"
    }

    /// These capabilities with the colour depth narrowed to `colors` (terminfo may know better).
    public func narrowed(to colors: ColorCapability) -> TerminalCapabilities {
        var copy = self
        copy.colors = min(self.colors, colors)
        return copy
    }
}
