import Foundation
import Testing
import TerminalUI
@testable import ShopApp

@Suite("Keys in config.yaml")
struct KeymapConfigurationTests {
    private func keymap(_ yaml: String) throws -> Keymap {
        try ClientSettings.parse(yaml, file: "/home/me/.config/shop/config.yaml").keymap
    }

    private func error(_ yaml: String) -> SettingsError? {
        do {
            _ = try ClientSettings.parse(yaml, file: "config.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test("No keys section: the vim preset, today's keys")
    func defaultIsVim() throws {
        let keys = try keymap("theme: dark")
        #expect(keys == .vim)
        #expect(keys.command(for: .character("j"), scope: .browse, typing: false) == .moveDown)
        #expect(keys.command(for: .character(":"), scope: .cart, typing: false) == .palette)
        #expect(keys.command(for: .ctrl("p"), scope: .orders, typing: false) == .palette)
    }

    @Test("Every preset is free of keys that run two commands in one scope", arguments: Keymap.presetNames)
    func presetsHaveNoDuplicates(_ name: String) throws {
        let keymap = try #require(Keymap.preset(named: name))
        for scope in KeyScope.allCases {
            var seen: [Key: Command] = [:]
            for binding in keymap.bindings where binding.scope == scope {
                for key in binding.keys {
                    #expect(seen[key] == nil || seen[key] == binding.command, "\(name): \(key) in \(scope) runs \(seen[key].map(\.rawValue) ?? "") and \(binding.command)")
                    seen[key] = binding.command
                }
            }
        }
    }

    @Test("The arrows preset leaves hjkl and g/G alone; emacs moves with Ctrl and opens the palette on M-x")
    func presets() throws {
        let arrows = try keymap("keys:\n  preset: arrows\n")
        #expect(arrows.presetName == "arrows")
        #expect(arrows.command(for: .character("j"), scope: .orders, typing: false) == nil)
        #expect(arrows.command(for: .character("G"), scope: .orders, typing: false) == nil)
        #expect(arrows.command(for: .down, scope: .orders, typing: false) == .moveDown)
        #expect(arrows.command(for: .character(">"), scope: .browse, typing: false) == .focusRight)

        let emacs = try keymap("keys:\n  preset: emacs\n")
        #expect(emacs.command(for: .ctrl("n"), scope: .cart, typing: false) == .moveDown)
        #expect(emacs.command(for: .ctrl("p"), scope: .cart, typing: false) == .moveUp)
        #expect(emacs.command(for: .alt("x"), scope: .cart, typing: false) == .palette)
        #expect(emacs.command(for: .ctrl("g"), scope: .orders, typing: false) == .back)
        #expect(emacs.fieldCommand(for: .ctrl("b")) == .cursorLeft)
        #expect(emacs.command(for: .character("k"), scope: .cart, typing: false) == nil)
    }

    @Test("A remap replaces the keys of that command in that scope and nowhere else")
    func remap() throws {
        let keys = try keymap("""
            keys:
              global:
                quit: Q
                palette: [":", ctrl-p, f2]
              cart:
                removeLine: [d, del]
              field:
                deleteWord: ctrl-t
            """)
        #expect(keys.command(for: .character("Q"), scope: .browse, typing: false) == .quit)
        #expect(keys.command(for: .character("q"), scope: .browse, typing: false) == nil)
        #expect(keys.command(for: .function(2), scope: .inbox, typing: false) == .palette)
        #expect(keys.command(for: .character("d"), scope: .cart, typing: false) == .removeLine)
        #expect(keys.command(for: .character("x"), scope: .cart, typing: false) == nil)
        #expect(keys.command(for: .character("x"), scope: .account, typing: false) == .deleteAddress)
        #expect(keys.fieldCommand(for: .ctrl("t")) == .deleteWord)
        #expect(keys.fieldCommand(for: .ctrl("w")) == nil)
    }

    @Test("A preset and remaps on top of it")
    func presetThenRemap() throws {
        let keys = try keymap("keys:\n  preset: arrows\n  orders:\n    refresh: F5\n")
        #expect(keys.command(for: .function(5), scope: .orders, typing: false) == .refresh)
        #expect(keys.command(for: .character("R"), scope: .orders, typing: false) == nil)
        #expect(keys.command(for: .character("j"), scope: .orders, typing: false) == nil)
    }

    @Test("A global command can get a key of its own on one screen")
    func screenKeyForGlobalCommand() throws {
        let keys = try keymap("keys:\n  cart:\n    quit: [q, Z]\n")
        #expect(keys.command(for: .character("Z"), scope: .cart, typing: false) == .quit)
        #expect(keys.command(for: .character("Z"), scope: .browse, typing: false) == nil)
    }

    @Test("Mistakes name the file, the line and the key", arguments: [
        // (yaml, line, key, words in the message)
        ("theme: dark\nkeys:\n  global:\n    quitt: Q\n", 4, "keys.global.quitt", "is not a command"),
        ("keys:\n  global:\n    quit: Q\n  basket:\n    removeLine: d\n", 4, "keys.basket", "is not a scope"),
        ("keys:\n  preset: nano\n", 2, "keys.preset", "vim, arrows, emacs"),
        ("keys:\n  cart:\n    markAllRead: m\n", 3, "keys.cart.markAllRead", "does nothing in Cart"),
        ("keys:\n  global:\n    quit: ctrl-\n", 3, "keys.global.quit", "Ctrl goes with one letter"),
        ("keys:\n  global:\n    quit: ctrl-m\n", 3, "keys.global.quit", "reaches the app as enter"),
        ("keys:\n  global:\n    quit: bogus\n", 3, "keys.global.quit", "is not a key name"),
        ("keys:\n  global:\n    quit: []\n", 3, "keys.global.quit", "needs at least one key"),
        ("keys:\n  field:\n    deleteWord: w\n", 3, "keys.field.deleteWord", "types into the field"),
        // Conflicts: two commands on one key in one scope…
        ("keys:\n  global:\n    help: H\n    quit:\n      - Q\n      - c\n", 6, "keys.global.quit", "also runs showCart"),
        // …a global key a screen uses for something else…
        ("keys:\n  global:\n    quit: x\n", 3, "keys.global.quit", "runs removeLine in Cart"),
        // …and a screen key that would hide a global command there.
        ("keys:\n  cart:\n    removeLine: q\n", 3, "keys.cart.removeLine", "runs quit everywhere"),
        ("mouse: sometimes\n", 1, "mouse", "true or false"),
    ] as [(String, Int, String, String)])
    func errors(_ yaml: String, _ line: Int, _ key: String, _ words: String) throws {
        let failure = try #require(error(yaml))
        #expect(failure.line == line)
        #expect(failure.key == key)
        #expect(failure.description.hasPrefix("config.yaml:\(line): '\(key)'"))
        #expect(failure.description.contains(words), "\(failure.description)")
    }

    @Test("Moving a key away frees it for another command in the same file")
    func swapKeys() throws {
        let keys = try keymap("keys:\n  global:\n    showCart: C\n    quit: [q, c]\n")
        #expect(keys.command(for: .character("c"), scope: .browse, typing: false) == .quit)
        #expect(keys.command(for: .character("C"), scope: .browse, typing: false) == .showCart)
    }

    @Test("Key names: footer names and config names parse to the same keys")
    func keyNames() {
        let cases: [(String, Key)] = [
            ("q", .character("q")), ("G", .character("G")), ("space", .character(" ")), ("enter", .enter), ("Esc", .escape),
            ("shift-tab", .backTab), ("PgDn", .pageDown), ("↑", .up), ("F1", .function(1)), ("ctrl-p", .ctrl("p")),
            ("Ctrl-P", .ctrl("p")), ("C-x", .ctrl("x")), ("alt-x", .alt("x")), ("M-<", .alt("<")), ("del", .delete),
        ]
        for (name, key) in cases {
            #expect((try? KeyName.parse(name).get()) == key, "\(name)")
        }
        for key in Keymap.emacs.bindings.flatMap(\.keys) {
            #expect((try? KeyName.parse(key.displayName).get()) == key, "\(key.displayName) does not read back")
        }
    }

    @Test("A remapped key shows in the footer and the help, and the old one does nothing")
    func remappedKeyEverywhere() throws {
        var state = Fixtures.browsing()
        state.keymap = try keymap("keys:\n  global:\n    quit: Q\n    showCart: K\n")
        let footer = Keymap.footerHints(state.keyContext)
        #expect(footer.contains { $0.keys == [.character("Q")] && $0.label == "quit" })
        #expect(footer.contains { $0.keys == [.character("K")] && $0.label == "cart" })
        #expect(!footer.contains { $0.keys.contains(.character("q")) || $0.keys.contains(.character("c")) })
        let help = Keymap.helpSections(state.keyContext).flatMap(\.hints)
        #expect(help.contains { $0.keys == [.character("Q")] && $0.label == "quit" })
        #expect(!help.contains { $0.keys.contains(.character("q")) })

        Fixtures.press([.character("c")], &state)
        #expect(state.screen == .browse)
        Fixtures.press([.character("K")], &state)
        #expect(state.screen == .cart)
        Fixtures.press([.character("q")], &state)
        #expect(state.isRunning)
        Fixtures.press([.character("Q")], &state)
        #expect(!state.isRunning)
    }

    @Test("Dialogs and text fields take their keys from the keymap too")
    func dialogsAndFields() throws {
        var state = Fixtures.browsing()
        state.keymap = try keymap("keys:\n  dialog:\n    confirm: J\n  field:\n    deleteToStart: ctrl-y\n")
        Fixtures.press([.character("/")], &state)
        _ = Fixtures.type("kettle", &state)
        Fixtures.press([.ctrl("u")], &state)
        #expect(state.search.query.text == "kettle")
        Fixtures.press([.ctrl("y")], &state)
        #expect(state.search.query.text == "")

        state.overlay = .confirmQuit
        state.dialogButton = 1
        Fixtures.press([.character("y")], &state)
        #expect(state.overlay == .confirmQuit)
        Fixtures.press([.character("J")], &state)
        #expect(!state.isRunning)
    }

    @Test("docs/keys.md names every command and scope, so the names people put in config.yaml can be looked up")
    func documented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/keys.md"), encoding: .utf8)
        for command in Command.allCases { #expect(text.contains("`\(command.rawValue)`"), "\(command.rawValue)") }
        for scope in KeyScope.allCases { #expect(text.contains("`\(scope.rawValue)`"), "\(scope.rawValue)") }
    }
}
