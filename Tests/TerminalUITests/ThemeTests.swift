import Foundation
import Testing
import TerminalUI

@Suite struct ThemeTests {
    @Test func builtInThemesAreShipped() {
        let names = ThemeLoader.builtInNames()
        for required in ["default", "dark", "light", "high-contrast", "mono"] {
            #expect(names.contains(required), "missing built-in theme \(required); have \(names)")
        }
    }

    /// The compiled-in copies are the files of the top-level `themes/`, byte for byte: fails when
    /// a theme was edited and `scripts/embed-files.sh` not run.
    @Test func builtInThemesAreTheFilesInThemes() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.map { String($0.dropLast(5)) } == ThemeLoader.builtInNames())
        for file in files {
            let onDisk = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            #expect(ThemeLoader.builtInYAML(named: String(file.dropLast(5))) == onDisk, "\(file) differs from its compiled-in copy")
        }
    }

    @Test(arguments: ["default", "dark", "light", "high-contrast", "mono"])
    func builtInThemeLoads(name: String) throws {
        let theme = try ThemeLoader.builtIn(named: name)
        #expect(theme.name == name)
        #expect(Set(theme.roles.keys) == Set(ThemeRole.allCases), "roles missing after fallback")
    }

    @Test(arguments: ["default", "mono"])
    func baseThemesDefineEveryRoleThemselves(name: String) throws {
        let theme = try ThemeLoader(fallback: nil).load(yaml: try #require(ThemeLoader.builtInYAML(named: name)), source: "\(name).yaml", defaultName: name)
        let missing = ThemeRole.allCases.filter { theme.roles[$0] == nil }
        #expect(missing.isEmpty, "\(name).yaml does not define \(missing)")
    }

    @Test func monoHasNoColours() throws {
        let mono = try ThemeLoader.builtIn(named: "mono")
        for (role, style) in mono.roles {
            #expect(style.foreground == nil && style.background == nil, "\(role) has a colour")
        }
        #expect(mono[.selection].attributes.contains(.reverse))
    }

    /// WCAG's contrast ratio of two 24-bit colours (1 to 21).
    static func contrast(_ a: Color, _ b: Color) throws -> Double {
        func luminance(_ color: Color) throws -> Double {
            guard case .rgb(let r, let g, let b) = color else { throw ThemeContrastError() }
            func channel(_ value: UInt8) -> Double {
                let c = Double(value) / 255
                return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
        }
        let (la, lb) = (try luminance(a), try luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    struct ThemeContrastError: Error {}

    /// The steps to come of the checkout's path and the tracker are text to read: in the dark
    /// and light themes they had the borders' colour, 1.7:1 and 2.0:1 against the background.
    @Test(arguments: ["dark", "light"])
    func stepsToComeStandOutFromTheBackground(name: String) throws {
        let theme = try ThemeLoader.builtIn(named: name)
        let background = try #require(theme[.background].background)
        for role in [ThemeRole.stepPending, .stepDone, .stepCurrent, .muted, .text] {
            let foreground = try #require(theme[role].foreground)
            #expect(try Self.contrast(foreground, background) >= 3, "\(name): \(role)")
        }
    }

    @Test func missingRolesFallBackToTheDefaultTheme() throws {
        let theme = try ThemeLoader().load(yaml: "roles:\n  price: { fg: \"#ff0000\" }\n", source: "partial.yaml")
        #expect(theme[.price] == RoleStyle(foreground: .rgb(255, 0, 0)))
        #expect(theme[.selection] == Theme.default[.selection])
        #expect(theme.name == "custom")
        #expect(theme.border == Theme.default.border)
    }

    @Test func parsesEveryColourFormAndAttributes() throws {
        let yaml = """
            name: mine
            border: double
            roles:
              text: default
              muted: brightBlack
              accent: { fg: 214, bg: "#102030", attributes: [bold, underline] }
              title: { attributes: italic }
            """
        let theme = try ThemeLoader(fallback: nil).load(yaml: yaml, source: "mine.yaml")
        #expect(theme.name == "mine")
        #expect(theme.border == .double)
        #expect(theme[.text] == RoleStyle(foreground: .terminalDefault))
        #expect(theme[.muted] == RoleStyle(foreground: .ansi(8)))
        #expect(theme[.accent] == RoleStyle(foreground: .indexed(214), background: .rgb(0x10, 0x20, 0x30), attributes: [.bold, .underline]))
        #expect(theme[.title].attributes == .italic)
        #expect(theme[.price] == RoleStyle())  // no fallback: undefined roles are plain
    }

    struct InvalidCase: CustomTestStringConvertible, Sendable {
        let yaml: String
        let key: String?
        let fragment: String
        var testDescription: String { key ?? fragment }
    }

    static let invalidCases: [InvalidCase] = [
        InvalidCase(yaml: "roles:\n  pricee: { fg: red }\n", key: "roles.pricee", fragment: "unknown role"),
        InvalidCase(yaml: "roles:\n  price: { fg: \"#12345\" }\n", key: "roles.price.fg", fragment: "invalid colour '#12345'"),
        InvalidCase(yaml: "roles:\n  price: { fg: 256 }\n", key: "roles.price.fg", fragment: "invalid colour"),
        InvalidCase(yaml: "roles:\n  price: { bg: purple }\n", key: "roles.price.bg", fragment: "invalid colour 'purple'"),
        InvalidCase(yaml: "roles:\n  price: { colour: red }\n", key: "roles.price.colour", fragment: "unknown field"),
        InvalidCase(yaml: "roles:\n  price: { attributes: [blink] }\n", key: "roles.price.attributes", fragment: "unknown attribute 'blink'"),
        InvalidCase(yaml: "roles: [text]\n", key: "roles", fragment: "expected a mapping"),
        InvalidCase(yaml: "border: wavy\n", key: "border", fragment: "unknown border 'wavy'"),
        InvalidCase(yaml: "colours: {}\n", key: "colours", fragment: "unknown key"),
        InvalidCase(yaml: "- just a list\n", key: nil, fragment: "expected a mapping"),
        InvalidCase(yaml: "roles: {text: [unclosed\n", key: nil, fragment: "not valid YAML"),
    ]

    @Test(arguments: invalidCases)
    func invalidFilesNameTheFileAndTheKey(_ testCase: InvalidCase) throws {
        let error = try #require(throws: ThemeError.self) {
            try ThemeLoader().load(yaml: testCase.yaml, source: "themes/broken.yaml")
        }
        #expect(error.file == "themes/broken.yaml")
        #expect(error.key == testCase.key)
        #expect(error.message.contains(testCase.fragment), "\(error)")
        #expect(error.description.hasPrefix("themes/broken.yaml"))
    }

    @Test func errorsCarryTheLineNumber() throws {
        let error = try #require(throws: ThemeError.self) {
            try ThemeLoader().load(yaml: "name: x\nroles:\n  text: {}\n  nope: {}\n", source: "user.yaml")
        }
        #expect(error.line == 4)
        #expect(error.description.hasPrefix("user.yaml:4: roles.nope: unknown role"))
    }

    @Test func loadsAUserThemeFromAPath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("theme-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sunset.yaml").path
        try "roles:\n  accent: { fg: \"#ff8800\" }\n".write(toFile: path, atomically: true, encoding: .utf8)
        let theme = try ThemeLoader.named(path)
        #expect(theme.name == "sunset")
        #expect(theme[.accent].foreground == .rgb(0xFF, 0x88, 0))
        #expect(throws: ThemeError.self) { try ThemeLoader.named(directory.appendingPathComponent("absent.yaml").path) }
        #expect(throws: ThemeError.self) { try ThemeLoader.builtIn(named: "no-such-theme") }
    }

    @Test func resolvesRolesToColoursAndAttributes() throws {
        let theme = try ThemeLoader(fallback: nil).load(
            yaml: """
                roles:
                  text: { fg: white }
                  background: { bg: black }
                  price: { fg: yellow, attributes: [bold] }
                  selection: { fg: black, bg: cyan }
                """, source: "t.yaml")
        #expect(theme.resolve(.plain) == ResolvedStyle(foreground: .white, background: .black))
        #expect(theme.resolve(.foreground(.price)) == ResolvedStyle(foreground: .yellow, background: .black, attributes: .bold))
        #expect(theme.resolve(.role(.selection, .underline)) == ResolvedStyle(foreground: .black, background: .cyan, attributes: .underline))
        #expect(theme.resolve(Style(foreground: .color(.rgb(1, 2, 3)))) == ResolvedStyle(foreground: .rgb(1, 2, 3), background: .black))
        // A role without its own colour takes the text colour and background.
        #expect(theme.resolve(.role(.muted)) == ResolvedStyle(foreground: .white, background: .black))
    }

    @Test func noColourUsesTheMonoThemeWhateverWasChosen() throws {
        let dark = try ThemeLoader.builtIn(named: "dark")
        let resolved = dark.resolve(.role(.selection), capability: .none)
        #expect(resolved == ResolvedStyle(attributes: .reverse))
        #expect(dark.resolve(.foreground(.price), capability: .none).foreground == .terminalDefault)
    }
}

@Suite struct ColorCapabilityTests {
    @Test func noColorForcesMono() {
        #expect(ColorCapability.detect(environment: ["NO_COLOR": "1", "TERM": "xterm-256color", "COLORTERM": "truecolor"]) == .none)
        #expect(ColorCapability.detect(environment: ["NO_COLOR": "yes", "TERM": "xterm"]) == .none)
        // An empty NO_COLOR does not count (no-color.org).
        #expect(ColorCapability.detect(environment: ["NO_COLOR": "", "TERM": "xterm-256color"]) == .palette256)
    }

    @Test func detectsFromTermAndColorterm() {
        #expect(ColorCapability.detect(environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"]) == .truecolor)
        #expect(ColorCapability.detect(environment: ["TERM": "xterm", "COLORTERM": "24bit"]) == .truecolor)
        #expect(ColorCapability.detect(environment: ["TERM": "xterm-direct"]) == .truecolor)
        #expect(ColorCapability.detect(environment: ["TERM": "tmux-256color"]) == .palette256)
        #expect(ColorCapability.detect(environment: ["TERM": "xterm"]) == .ansi16)
        #expect(ColorCapability.detect(environment: ["TERM": "dumb"]) == .none)
        #expect(ColorCapability.detect(environment: [:]) == .none)
        #expect(ColorCapability.fromColorCount(8) == .ansi8)
        #expect(ColorCapability.fromColorCount(256) == .palette256)
        #expect(ColorCapability.fromColorCount(0x1000000) == .truecolor)
        #expect(ColorCapability.fromColorCount(-1) == .none)
    }

    @Test func coloursDegradeStepByStep() {
        let orange = Color.rgb(255, 135, 0)
        #expect(orange.degraded(to: .truecolor) == orange)
        #expect(orange.degraded(to: .palette256) == .indexed(208))
        #expect(Color.rgb(128, 128, 128).degraded(to: .palette256) == .indexed(244))
        #expect(Color.rgb(250, 10, 10).degraded(to: .ansi16) == .ansi(9))
        #expect(Color.rgb(180, 0, 0).degraded(to: .ansi8) == .red)
        #expect(Color.indexed(196).degraded(to: .ansi16) == .ansi(9))
        #expect(Color.indexed(4).degraded(to: .ansi16) == .blue)
        #expect(Color.ansi(12).degraded(to: .ansi8) == .blue)
        #expect(Color.ansi(12).degraded(to: .palette256) == .ansi(12))
        #expect(orange.degraded(to: .none) == .terminalDefault)
        #expect(Color.terminalDefault.degraded(to: .ansi8) == .terminalDefault)
    }

    @Test func themesResolveWithinTheCapability() throws {
        let dark = try ThemeLoader.builtIn(named: "dark")
        for capability in [ColorCapability.ansi8, .ansi16, .palette256] {
            let resolved = dark.resolve(.role(.selection), capability: capability)
            for color in [resolved.foreground, resolved.background] {
                switch (color, capability) {
                case (.rgb, _): Issue.record("RGB left at \(capability)")
                case (.indexed, .ansi8), (.indexed, .ansi16): Issue.record("palette colour left at \(capability)")
                case (.ansi(let index), .ansi8): #expect(index < 8)
                default: break
                }
            }
        }
    }

    /// Issue 13: on 8- and 16-colour terminals the dark theme's tab separators, borders and muted
    /// text (grays on a dark gray) were black on black, the light theme's borders white on white.
    @Test(arguments: ["default", "dark", "light", "high-contrast"])
    func noRoleVanishesIntoItsBackground(named name: String) throws {
        let theme = try ThemeLoader.builtIn(named: name)
        for capability in [ColorCapability.ansi8, .ansi16, .palette256] {
            for role in ThemeRole.allCases {
                // A role with a background of its own (a badge, the selection) chose its
                // foreground for that background: it is drawn in both colours, never the first alone.
                let styles = theme[role].background == nil ? [Style.foreground(role), .role(role)] : [.role(role)]
                for style in styles {
                    let resolved = theme.resolve(style, capability: capability)
                    #expect(resolved.foreground != resolved.background || resolved.background == .terminalDefault,
                            "\(name) \(role) at \(capability): \(resolved)")
                    let blackOnDefault = resolved.background == .terminalDefault && [Color.ansi(0), .indexed(0)].contains(resolved.foreground)
                    #expect(!blackOnDefault || capability == .palette256, "\(name) \(role) at \(capability): \(resolved)")
                }
            }
        }
        let border = try ThemeLoader.builtIn(named: "dark").resolve(.foreground(.border), capability: .ansi8)
        #expect(border == ResolvedStyle(foreground: .ansi(7), background: .ansi(0), attributes: .dim))
        let light = try ThemeLoader.builtIn(named: "light").resolve(.foreground(.border), capability: .ansi8)
        #expect(light == ResolvedStyle(foreground: .ansi(0), background: .ansi(7), attributes: .dim))
    }

    @Test func coloursParseAndPrint() {
        for text in ["default", "red", "brightCyan", "0", "255", "#0a0b0c"] {
            #expect(Color(parsing: text)?.description == text)
        }
        for text in ["", "256", "-1", "#abc", "#gggggg", "Red", "bright"] {
            #expect(Color(parsing: text) == nil, "\(text) should not parse")
        }
    }
}
