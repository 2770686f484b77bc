import TerminalUI

/// Colour numbers as curses wants them for a terminal with `colors` colours.
enum CursesColor {
    /// The curses colour number of an already degraded colour; -1 is the terminal default
    /// (enabled by use_default_colors).
    static func number(for color: Color, colors: Int32) -> Int32 {
        let isDirect = colors >= 0x1000000
        switch color {
        case .terminalDefault:
            return -1
        case .ansi(let index):
            if isDirect && index >= 8 {
                // Direct-colour terminfo treats numbers >= 8 as RGB values.
                let (red, green, blue) = Color.paletteRGB(index)
                return rgbNumber(red, green, blue)
            }
            return Int32(index) % max(1, min(colors, 16))
        case .indexed(let index):
            if isDirect {
                let (red, green, blue) = Color.paletteRGB(index)
                return index < 8 ? Int32(index) : rgbNumber(red, green, blue)
            }
            return Int32(index) < colors ? Int32(index) : Int32(index) % 8
        case .rgb(let red, let green, let blue):
            return isDirect ? rgbNumber(red, green, blue) : -1
        }
    }

    private static func rgbNumber(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> Int32 {
        Int32(red) << 16 | Int32(green) << 8 | Int32(blue)
    }
}
