import Foundation
import ShopKit
import Testing

/// A purchase scripted with the real `shop` binary and no terminal, reading every answer as
/// JSON the way a shell script with jq would: search, add, check out with the card on standard
/// input, track; then the same checkout again with the printed key places nothing new.
@Suite("Command line: scripted purchase")
struct CLIPurchaseTests {
    @Test("search, cart add, checkout with the card on stdin, track", .enabled(if: CLIHarness.binary != nil, "shop is not built"),
          .timeLimit(.minutes(2)))
    func scriptedPurchase() async throws {
        let harness = try await CLIHarness.start()
        let search = try await harness.shop(["search", "lamp", "--json"])
        #expect(search.status == 0, "\(search)")
        let items = try #require(try search.result()["items"] as? [[String: Any]])
        let first = try #require(items.first?["product"] as? [String: Any])
        let productID = try #require(first["id"] as? String)

        let add = try await harness.shop(["cart", "add", productID, "2", "--json"])
        #expect(add.status == 0, "\(add)")
        #expect(try add.result()["itemCount"] as? Int == 2)

        let checkout = try await harness.shop(["checkout", "--json"] + CLIHarness.address, input: CLIHarness.goodCard)
        #expect(checkout.status == 0, "\(checkout)")
        #expect(checkout.stderr.isEmpty, "\(checkout)")
        let placed = try checkout.result()
        let key = try #require(placed["idempotencyKey"] as? String)
        let order = try #require(placed["order"] as? [String: Any])
        let orderID = try #require(order["id"] as? String)
        #expect(order["cardLast4"] as? String == "4242")
        #expect(!checkout.stdout.contains("4242 4242"))  // never the whole number

        let track = try await harness.shop(["orders", "track", orderID, "--json"])
        #expect(track.status == 0, "\(track)")
        #expect(try track.result()["orderID"] as? String == orderID)
        #expect(try track.result()["trackingID"] as? String == order["trackingID"] as? String)

        // A script that retries with the printed key gets the same order back, charged once.
        let again = try await harness.shop(["checkout", "--json", "--idempotency-key", key] + CLIHarness.address, input: CLIHarness.goodCard)
        #expect(again.status == 0, "\(again)")
        #expect((try again.result()["order"] as? [String: Any])?["id"] as? String == orderID)
        #expect(try await harness.orderCount() == 1)
        await harness.stop()
    }

    @Test("The same purchase as a plain bash script reading the answers with jq",
          .enabled(if: CLIHarness.binary != nil && Harness.findExecutable("jq") != nil, "needs jq and the built shop"),
          .timeLimit(.minutes(2)))
    func bashScriptWithJq() async throws {
        let harness = try await CLIHarness.start()
        // The script puts `--gateway URL` before each subcommand, as people type it.
        let script = try EndToEndTests.runScriptedPurchase(root: harness.root, options: ["--gateway", harness.url.absoluteString])
        #expect(script.status == 0, "\(script)")
        #expect(script.stdout.hasPrefix("ord_"), "\(script)")
        #expect(try await harness.orderCount() == 1)
        await harness.stop()
    }

    @Test("Without --json the key used is printed, and the cart the TUI would show is the CLI's",
          .enabled(if: CLIHarness.binary != nil, "shop is not built"), .timeLimit(.minutes(2)))
    func humanCheckoutPrintsKey() async throws {
        let harness = try await CLIHarness.start()
        _ = try await harness.shop(["cart", "add", "p010-ceramic-table-lamp"])
        // The session file is the one the full-screen client reads: ShopKit on it sees the same cart.
        let client = harness.client()
        let cart = try await client.cart.get()
        try await client.shutdown()
        #expect(cart.itemCount == 1)
        let checkout = try await harness.shop(["checkout"] + CLIHarness.address, input: CLIHarness.goodCard)
        #expect(checkout.status == 0, "\(checkout)")
        let line = try #require(checkout.stderr.split(separator: "\n").first)
        #expect(line.hasPrefix("shop checkout: idempotency key "))
        let key = String(line.dropFirst("shop checkout: idempotency key ".count))
        #expect(checkout.stdout.contains("Idempotency key: \(key)"))
        await harness.stop()
    }
}
