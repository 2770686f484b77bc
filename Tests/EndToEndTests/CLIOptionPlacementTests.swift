import Foundation
import Testing

/// The options every subcommand shares mean the same before the subcommand as after it
/// (`shop --gateway URL cart add ID` as `shop cart add ID --gateway URL`), as people type them.
@Suite("Command line: shared options before the subcommand")
struct CLIOptionPlacementTests {
    @Test("--gateway, --currency and --json before a subcommand, a nested one and its arguments",
          .enabled(if: CLIHarness.binary != nil, "shop is not built"), .timeLimit(.minutes(2)))
    func sharedOptionsFirst() async throws {
        let harness = try await CLIHarness.start()
        let gateway = harness.url.absoluteString

        let add = try await CLIHarness.run(["--gateway", gateway, "--json", "cart", "add", "p010-ceramic-table-lamp", "2"], root: harness.root)
        #expect(add.status == 0, "\(add)")
        #expect(try add.json()["command"] as? String == "cart add")
        #expect(try add.result()["itemCount"] as? Int == 2)

        // `--name=value` spelling, and a subcommand reached through its parent's default.
        let cart = try await CLIHarness.run(["--gateway=\(gateway)", "--currency", "EUR", "--json", "cart"], root: harness.root)
        #expect(cart.status == 0, "\(cart)")
        let subtotal = try #require(try cart.result()["subtotal"] as? [String: Any], "\(cart)")
        #expect(subtotal["currency"] as? String == "EUR")

        // Before and after mixed: both are read.
        let search = try await CLIHarness.run(["--json", "search", "lamp", "--gateway", gateway], root: harness.root)
        #expect(search.status == 0, "\(search)")
        #expect(try search.json()["command"] as? String == "search")

        // A bad value is still the subcommand's usage error (exit 2, one line naming the option).
        let bad = try await CLIHarness.run(["--currency", "XYZ", "cart", "--gateway", gateway], root: harness.root)
        #expect(bad.status == 2, "\(bad)")
        #expect(bad.stderr.contains("--currency"), "\(bad)")
        #expect(bad.stderr.contains("see shop cart --help"), "\(bad)")
        await harness.stop()
    }
}
