extension Color {
    /// The closest colour `capability` can show: RGB becomes a 256-palette entry, a palette entry
    /// becomes one of the 16 (or 8) ANSI colours, and without colour everything is the default.
    public func degraded(to capability: ColorCapability) -> Color {
        switch (self, capability) {
        case (.terminalDefault, _), (_, .truecolor):
            return self
        case (_, .none):
            return .terminalDefault
        case (.rgb(let red, let green, let blue), .palette256):
            return .indexed(Color.nearestPaletteIndex(red, green, blue))
        case (.ansi, .palette256), (.indexed, .palette256):
            return self
        case (.ansi(let index), .ansi16):
            return .ansi(index & 0xF)
        case (.ansi(let index), .ansi8):
            return .ansi(index & 0x7)
        case (.indexed(let index), _) where index < 16:
            return Color.ansi(index).degraded(to: capability)
        case (.indexed(let index), _):
            let (red, green, blue) = Color.paletteRGB(index)
            return Color.rgb(red, green, blue).degraded(to: capability)
        case (.rgb(let red, let green, let blue), _):
            let candidates = capability == .ansi8 ? 8 : 16
            return .ansi(Color.nearestANSI(red, green, blue, among: candidates))
        }
    }

    /// Whether text on this colour wants to be light (by the xterm default palette's
    /// luminance); the terminal's own default counts as dark.
    var isDark: Bool {
        let (red, green, blue): (UInt8, UInt8, UInt8)
        switch self {
        case .terminalDefault: return true
        case .ansi(let index): (red, green, blue) = Color.ansiRGB[Int(index & 0xF)]
        case .indexed(let index): (red, green, blue) = Color.paletteRGB(index)
        case .rgb(let r, let g, let b): (red, green, blue) = (r, g, b)
        }
        return 299 * Int(red) + 587 * Int(green) + 114 * Int(blue) < 128_000
    }

    /// The xterm defaults for the 16 ANSI colours, used only to pick the nearest one.
    static let ansiRGB: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of a 256-palette entry in xterm's default palette, for terminals that
    /// want RGB (direct colour) where a theme gave an index.
    public static func paletteRGB(_ index: UInt8) -> (UInt8, UInt8, UInt8) {
        switch index {
        case 0..<16:
            return ansiRGB[Int(index)]
        case 16..<232:
            let value = Int(index) - 16
            return (UInt8(cubeLevels[value / 36]), UInt8(cubeLevels[value / 6 % 6]), UInt8(cubeLevels[value % 6]))
        default:
            let gray = UInt8(8 + 10 * (Int(index) - 232))
            return (gray, gray, gray)
        }
    }

    /// The closest entry of the colour cube or the gray ramp (never 0–15, whose RGB the user's
    /// palette may have changed).
    static func nearestPaletteIndex(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> UInt8 {
        func cubeStep(_ component: UInt8) -> Int {
            let value = Int(component)
            var best = 0
            for (step, level) in cubeLevels.enumerated() where abs(level - value) < abs(cubeLevels[best] - value) {
                best = step
            }
            return best
        }
        let cube = 16 + 36 * cubeStep(red) + 6 * cubeStep(green) + cubeStep(blue)
        let average = (Int(red) + Int(green) + Int(blue)) / 3
        let grayStep = min(23, max(0, (average - 8 + 5) / 10))
        let gray = 232 + grayStep
        let cubeDistance = distance((red, green, blue), paletteRGB(UInt8(cube)))
        let grayDistance = distance((red, green, blue), paletteRGB(UInt8(gray)))
        return UInt8(grayDistance < cubeDistance ? gray : cube)
    }

    static func nearestANSI(_ red: UInt8, _ green: UInt8, _ blue: UInt8, among count: Int) -> UInt8 {
        var best = 0
        var bestDistance = Int.max
        for index in 0..<count {
            let candidate = distance((red, green, blue), ansiRGB[index])
            if candidate < bestDistance {
                best = index
                bestDistance = candidate
            }
        }
        return UInt8(best)
    }

    /// A weighted RGB distance, close enough to perception for picking palette entries.
    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let red = Int(a.0) - Int(b.0)
        let green = Int(a.1) - Int(b.1)
        let blue = Int(a.2) - Int(b.2)
        return 2 * red * red + 4 * green * green + 3 * blue * blue
    }
}
