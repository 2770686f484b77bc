import Foundation
import ShopKit
import Testing
import TerminalUI
import TerminalUITesting
@testable import ShopApp

/// Screens as terminals that show less see them: the C locale (ASCII only), the Linux console
/// (8 colours, no rounded corners) and no colour at all. The renderer degrades every frame, so
/// these are the app's own views, drawn knowing the capabilities (a rating in words where stars
/// cannot be shown), passed through `Buffer.degraded(for:)` and resolved at the colour depth.
@Suite("Screens on limited terminals")
struct DegradedScreenTests {
    static let capabilitySets: [(String, TerminalCapabilities)] = [
        ("C-ansi16", TerminalCapabilities(colors: .ansi16, unicode: false)),
        ("linux-ansi8", TerminalCapabilities.detect(environment: ["TERM": "linux"], codeset: "UTF-8").narrowed(to: .ansi8)),
        ("C-mono", TerminalCapabilities(colors: .none, unicode: false)),
    ]

    static let screens: [(String, @Sendable (Int, Int) -> AppState)] = [
        ("browse", { Fixtures.browsing(width: $0, height: $1) }),
        ("help", { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("?")], &state)
            return state
        }),
        ("cart", { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("c")], &state)
            _ = reduce(&state, .cartLoaded(.success(Fixtures.cartWithTwo)))
            return state
        }),
        ("signIn", { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("a")], &state)
            _ = Fixtures.type("ada@example.com", &state)
            Fixtures.press([.tab], &state)
            _ = Fixtures.type("secret", &state)
            return state
        }),
    ]

    /// `state` as a terminal with `capabilities` shows it: drawn knowing them, then degraded.
    static func shown(_ state: AppState, on capabilities: TerminalCapabilities) -> Buffer {
        var state = state
        state.capabilities = capabilities
        return AppView.render(state, size: state.size, theme: .default).degraded(for: capabilities)
    }

    @Test("Snapshots at 80x24 and 60x20 on each limited terminal")
    func snapshots() {
        for (screenName, build) in Self.screens {
            for (width, height) in [(80, 24), (60, 20)] {
                let suffix = width == 80 ? "" : "-\(width)x\(height)"
                for (capabilityName, capabilities) in Self.capabilitySets {
                    assertScreen(Self.shown(build(width, height), on: capabilities), named: "\(screenName).\(capabilityName)\(suffix)",
                                 resolvedWith: .default, capability: capabilities.colors)
                }
            }
        }
    }

    @Test("Without stars a rating reads 4.5/5, in the list and in the details", arguments: [(60, 20), (80, 24), (120, 40)])
    func ratingInWords(size: (Int, Int)) {
        let ascii = TerminalCapabilities(colors: .ansi16, unicode: false)
        var state = Fixtures.browsing(width: size.0, height: size.1)
        if size.0 < BrowseView.twoPaneWidth { Fixtures.press([.character("l")], &state) }  // the details pane
        let text = (0..<size.1).map { Self.shown(state, on: ascii).text(ofRow: $0) }.joined(separator: "\n")
        #expect(text.contains("4.5/5 (120)"), "\(text)")
        #expect(!text.contains("****") && !text.contains("*-"), "\(text)")
        let unicode = AppView.render(state, size: state.size, theme: .default)
        #expect((0..<size.1).contains { unicode.text(ofRow: $0).contains("★★★★★ 4.5") })
    }

    @Test("Without arrows, keys are named in words: help says Down, never a v that is also a key")
    func arrowKeysInWords() {
        let ascii = TerminalCapabilities(colors: .ansi16, unicode: false)
        var state = Fixtures.browsing(width: 80, height: 24)
        Fixtures.press([.character("?")], &state)
        let rows = (0..<24).map { Self.shown(state, on: ascii).text(ofRow: $0) }
        let text = rows.joined(separator: "\n")
        #expect(text.contains("Up k") && text.contains("Down j"), "\(text)")
        #expect(!rows.contains { $0.contains("| v j ") || $0.contains("| ^ k ") }, "\(text)")
        #expect(KeyHint(keys: [.up, .down], "move").keyText(unicode: false) == "Up/Down")
        #expect(KeyHint(keys: [.up, .down], "move").keyText == "↑↓")
        #expect(SymbolDegradation.symbol(for: "✓", capabilities: ascii) == "+", "a done step is not a v, which is a key")
    }

    @Test("No cell ever holds a character the terminal cannot show, and no text is drawn black on the default background")
    func everyCellShowable() {
        for (screenName, build) in Self.screens {
            for (width, height) in [(80, 24), (120, 40), (200, 60)] {
                for (capabilityName, capabilities) in Self.capabilitySets {
                    let shown = Self.shown(build(width, height), on: capabilities)
                    let unshowable = shown.cells.filter { !SymbolDegradation.canShow($0.symbol, capabilities: capabilities) }
                    #expect(unshowable.isEmpty, "\(screenName) \(width)x\(height) \(capabilityName): \(unshowable.map(\.symbol))")
                    let invisible = shown.cells.filter { cell in
                        let style = Theme.default.resolve(cell.style, capability: capabilities.colors)
                        return style.background == .terminalDefault && (style.foreground == .ansi(0) || style.foreground == .ansi(8))
                    }
                    #expect(invisible.isEmpty, "\(screenName) \(width)x\(height) \(capabilityName)")
                }
            }
        }
    }

    @Test("A typed password shows one * per character in the C locale")
    func maskedInput() {
        let (_, build) = Self.screens[3]
        let shown = Self.shown(build(80, 24), on: TerminalCapabilities(colors: .ansi16, unicode: false))
        let rows = (0..<24).map { shown.text(ofRow: $0) }
        #expect(rows.contains { $0.contains("******") && !$0.contains("*******") })
    }
}
