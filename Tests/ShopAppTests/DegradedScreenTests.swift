import Foundation
import ShopKit
import Testing
import TerminalUI
import TerminalUITesting
@testable import ShopApp

/// Screens as terminals that show less see them: the C locale (ASCII only), the Linux console
/// (8 colours, no rounded corners) and no colour at all. The renderer degrades every frame, so
/// these are the app's own views passed through `Buffer.degraded(for:)` and resolved at the
/// capability's colour depth.
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

    @Test("Snapshots at 80x24 on each limited terminal")
    func snapshots() {
        for (screenName, build) in Self.screens {
            let buffer = AppView.render(build(80, 24), size: Size(width: 80, height: 24), theme: .default)
            for (capabilityName, capabilities) in Self.capabilitySets {
                assertScreen(buffer.degraded(for: capabilities), named: "\(screenName).\(capabilityName)",
                             resolvedWith: .default, capability: capabilities.colors)
            }
        }
    }

    @Test("No cell ever holds a character the terminal cannot show, and no text is drawn black on the default background")
    func everyCellShowable() {
        for (screenName, build) in Self.screens {
            for (width, height) in [(80, 24), (120, 40), (200, 60)] {
                let buffer = AppView.render(build(width, height), size: Size(width: width, height: height), theme: .default)
                for (capabilityName, capabilities) in Self.capabilitySets {
                    let shown = buffer.degraded(for: capabilities)
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
        let shown = AppView.render(build(80, 24), size: Size(width: 80, height: 24), theme: .default)
            .degraded(for: TerminalCapabilities(colors: .ansi16, unicode: false))
        let rows = (0..<24).map { shown.text(ofRow: $0) }
        #expect(rows.contains { $0.contains("******") && !$0.contains("*******") })
    }
}
