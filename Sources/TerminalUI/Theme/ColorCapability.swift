/// How many colours the terminal can show, from none to 24-bit.
public enum ColorCapability: Int, Comparable, Hashable, Sendable, CaseIterable {
    /// No colour at all (NO_COLOR, or a monochrome terminal): attributes only.
    case none
    /// The 8 basic ANSI colours.
    case ansi8
    /// 8 colours plus their bright variants.
    case ansi16
    /// The xterm 256-colour palette.
    case palette256
    /// 24-bit RGB.
    case truecolor

    public static func < (lhs: ColorCapability, rhs: ColorCapability) -> Bool { lhs.rawValue < rhs.rawValue }

    /// What the environment says the terminal supports, before asking terminfo.
    ///
    /// `NO_COLOR` with any non-empty value wins (https://no-color.org); then `COLORTERM` of
    /// `truecolor`/`24bit`, then a `TERM` ending in `-256color` or `-direct`; `TERM=dumb` has
    /// no colour; anything else gets the 16 ANSI colours.
    public static func detect(environment: [String: String]) -> ColorCapability {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { return .none }
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        if colorTerm == "truecolor" || colorTerm == "24bit" || term.hasSuffix("-direct") { return .truecolor }
        if term.contains("256color") { return .palette256 }
        return .ansi16
    }

    /// The capability of a terminal whose terminfo reports `colors` colours.
    public static func fromColorCount(_ colors: Int) -> ColorCapability {
        switch colors {
        case 0x1000000...: .truecolor
        case 256...: .palette256
        case 16...: .ansi16
        case 8...: .ansi8
        default: .none
        }
    }
}
