import Foundation
import ShopKit
import Testing

/// Wrong input, refused cards and a missing or failing gateway: each gives its documented exit
/// status and exactly one line on standard error, prints nothing on standard output, and
/// charges nothing.
@Suite("Command line: bad input")
struct CLIBadInputTests {
    enum Gateway: Sendable {
        case normal, down, failing
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var input: String?
        var gateway: Gateway = .normal
        var status: Int32
        /// Words the one-line message must contain.
        var says: String
        var testDescription: String { name }
    }

    static let checkout = ["checkout"] + CLIHarness.address

    static let cases: [Case] = [
        Case(name: "unknown product id", arguments: ["cart", "add", "no-such-product"], status: 3, says: "no-such-product"),
        Case(name: "unknown order id", arguments: ["orders", "track", "ord_nope"], status: 3, says: "no order"),
        Case(name: "quantity 0", arguments: ["cart", "add", "p010-ceramic-table-lamp", "0"], status: 2, says: "from 1 to 10"),
        Case(name: "quantity -1", arguments: ["cart", "add", "p010-ceramic-table-lamp", "-1"], status: 2, says: "-1"),
        Case(name: "quantity 10^12", arguments: ["cart", "add", "p010-ceramic-table-lamp", "1000000000000"], status: 2, says: "from 1 to 10"),
        Case(name: "Luhn-invalid card", arguments: checkout, input: "4242 4242 4242 4241\n12/2030\n123\n", status: 5, says: "invalid"),
        Case(name: "expired card", arguments: checkout, input: "4242 4242 4242 4242\n01/2020\n123\n", status: 5, says: "expired"),
        Case(name: "declined card", arguments: checkout, input: "4000 0000 0000 0002\n12/2030\n123\n", status: 5, says: "declined"),
        Case(name: "card as an argument", arguments: checkout + ["--card", "4242424242424242"], status: 2, says: "ps"),
        Case(name: "no card on stdin", arguments: checkout, input: "", status: 2, says: "standard input"),
        Case(name: "password as an argument", arguments: ["account", "login", "--email", "a@example.com", "--password", "x"], status: 2, says: "ps"),
        Case(name: "guest asks for addresses", arguments: ["account", "addresses"], status: 6, says: "sign in"),
        Case(name: "no network", arguments: ["search", "lamp"], gateway: .down, status: 7, says: "reach"),
        Case(name: "gateway answering 503", arguments: ["search", "lamp"], gateway: .failing, status: 7, says: "busy"),
        Case(name: "checkout against a 503 gateway", arguments: checkout, input: CLIHarness.goodCard, gateway: .failing, status: 7, says: "busy"),
    ]

    @Test("Exit status and one line on stderr", .enabled(if: CLIHarness.binary != nil, "shop is not built"),
          .timeLimit(.minutes(2)), arguments: cases)
    func badInput(_ test: Case) async throws {
        let harness = try await CLIHarness.start(failRate: test.gateway == .failing ? 1 : 0)
        // Something in the cart, so a refused checkout is refused for the card, not an empty cart.
        if test.gateway == .normal {
            let add = try await harness.shop(["cart", "add", "p010-ceramic-table-lamp"])
            #expect(add.status == 0, "\(add)")
        }
        let gateway = test.gateway == .down ? URL(string: "http://127.0.0.1:\(try EndToEndTests.closedLoopbackPort())")! : nil
        for json in [false, true] {
            let run = try await harness.shop(test.arguments + (json ? ["--json"] : []), input: test.input, gateway: gateway)
            #expect(run.status == test.status, "\(run)")
            #expect(run.stdout.isEmpty, "\(run)")
            if json {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stderr.utf8)) as? [String: Any], "\(run)")
                let error = try #require(object["error"] as? [String: Any])
                #expect(object["version"] as? Int == 1)
                #expect(error["exitCode"] as? Int == Int(test.status))
                #expect((error["message"] as? String)?.localizedCaseInsensitiveContains(test.says) == true, "\(run)")
            } else {
                let lines = run.stderr.split(separator: "\n")
                // A checkout names its key on a line before it can charge anything.
                let message = try #require(lines.last, "\(run)")
                #expect(lines.count == 1 || (lines.count == 2 && lines[0].hasPrefix("shop checkout: idempotency key")), "\(run)")
                #expect(message.localizedCaseInsensitiveContains(test.says), "\(run)")
            }
        }
        if test.gateway == .normal { #expect(try await harness.orderCount() == 0) }
        await harness.stop()
    }

    @Test("A declined card retried with the same key, then a good card: one order, charged once",
          .enabled(if: CLIHarness.binary != nil, "shop is not built"), .timeLimit(.minutes(2)))
    func declinedThenRetried() async throws {
        let harness = try await CLIHarness.start()
        _ = try await harness.shop(["cart", "add", "p010-ceramic-table-lamp"])
        let declined = "4000 0000 0000 0002\n12/2030\n123\n"
        for _ in 0..<2 {
            let run = try await harness.shop(Self.checkout + ["--idempotency-key", "script-key-1"], input: declined)
            #expect(run.status == 5, "\(run)")
            #expect(run.stderr.contains("script-key-1"), "\(run)")
        }
        #expect(try await harness.orderCount() == 0)
        for _ in 0..<2 {
            let run = try await harness.shop(Self.checkout + ["--idempotency-key", "script-key-2"], input: CLIHarness.goodCard)
            #expect(run.status == 0, "\(run)")
        }
        #expect(try await harness.orderCount() == 1)
        await harness.stop()
    }
}
