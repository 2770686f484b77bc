import Foundation
import ShopTestSupport
import Testing

/// Keys of one's own (issue 16), as a person changes them: a `keys:` section in `config.yaml`,
/// then the built `shop` in tmux. The new key shows in the tab title, the footer and the help,
/// and works; the old one does nothing. A mistake in the section stops `shop` before any screen.
///
/// Part of the serialized `EndToEndTests`, like every tmux test.
extension EndToEndTests {
    @Test("A key remapped in config.yaml shows in the tabs, the footer and help; the old key does nothing",
          .enabled(if: Harness.missingPrerequisite == nil, "\(Harness.missingPrerequisite ?? "")"),
          .timeLimit(.minutes(3)))
    func remappedKeyShowsEverywhereAndTheOldOneIsGone() async throws {
        try await offThePool {
            let harness = try Harness()
            defer { harness.tearDown() }
            try Self.writeConfiguration("""
                keys:
                  global:
                    showCart: K
                    help: ["?", H]
                    quit: Q
                """, in: harness.root)
            try harness.startShop(gateway: nil)
            try harness.waitForScreen(containing: "All products")

            // The tab title carries the new key, and no tab or hint offers the old one.
            try harness.waitForScreen(containing: "K Cart")
            let browse = try harness.screen()
            #expect(!browse.contains("c Cart"), "the old key is still offered:\n\(browse)")
            // The footer offers the new quit key, and the old one does not quit.
            let footer = Self.footer(of: browse)
            #expect(footer.contains("Q quit") && !footer.contains("q quit"), "footer: \(footer)")

            // The old keys do nothing: help, opened after them, is still Browse's.
            harness.keys("q")
            harness.keys("c")
            harness.keys("H")
            try harness.waitForScreen(containing: "Keys — ")
            let help = try harness.screen()
            #expect(help.contains("Keys — Browse"), "c left Browse:\n\(help)")
            #expect(Self.helpRow(of: "cart", in: help)?.contains("K") == true, "help does not give K for the cart:\n\(help)")
            #expect(Self.helpRow(of: "cart", in: help)?.contains(" c ") == false, "help still gives c for the cart:\n\(help)")
            harness.keys("Escape")

            // The new key opens the cart; the cart's footer is generated from the same keymap.
            harness.keys("K")
            try harness.waitForScreen(containing: "Your cart")
            harness.keys("Q")
            try harness.waitForExit()
        }
    }

    @Test("A mistake in config.yaml's keys names the file, the line and the key, before any screen",
          .enabled(if: CLIHarness.binary != nil, "shop is not built"),
          .timeLimit(.minutes(1)))
    func keymapMistakeStopsBeforeTheScreen() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("shop-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.writeConfiguration("""
            currency: EUR
            keys:
              global:
                quitt: Q
            """, in: root)
        let run = try await CLIHarness.run([], root: root)
        #expect(run.status == 1, "\(run)")
        let file = root.appendingPathComponent("config/shop/config.yaml").path
        #expect(run.stderr.contains("\(file):4: 'keys.global.quitt' is not a command"), "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")

        // A key that would run two commands on one screen is refused the same way.
        try Self.writeConfiguration("""
            keys:
              cart:
                removeLine: q
            """, in: root)
        let conflict = try await CLIHarness.run([], root: root)
        #expect(conflict.status == 1, "\(conflict)")
        #expect(conflict.stderr.contains("\(file):3: 'keys.cart.removeLine' key 'q'"), "\(conflict)")
    }

    static func writeConfiguration(_ text: String, in root: URL) throws {
        let directory = root.appendingPathComponent("config/shop")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data((text + "\n").utf8).write(to: directory.appendingPathComponent("config.yaml"))
    }

    /// The footer: the row above the status bar, the screen's last.
    static func footer(of screen: String) -> String {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let filled = rows.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? 0
        return filled > 0 ? rows[filled - 1] : ""
    }

    /// The help overlay's line that names `label`, cut to that entry's column.
    static func helpRow(of label: String, in screen: String) -> String? {
        screen.split(separator: "\n").first { $0.contains(" \(label)") }.map(String.init)
    }
}
