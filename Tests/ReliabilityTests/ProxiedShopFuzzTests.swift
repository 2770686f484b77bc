import Foundation
import ShopTestSupport
import NIOCore
import ShopKit
import ShopMockServer
import Synchronization
import Testing

extension Reliability {
    /// Issue 10: the real `shop` in tmux behind a misbehaving proxy. A share of the gateway's
    /// answers is mutated on the way (out-of-range and negative numbers, wrong types, nulls,
    /// unknown fields, huge and hostile strings, truncated and malformed bodies, other statuses)
    /// while seeded keys walk every screen. The app never dies, never shows negative money or a
    /// cart total that is not its subtotal plus shipping, says when an answer was unusable, and
    /// `q` still quits with status 0.
    @Suite("The real shop behind a misbehaving proxy", .serialized)
    struct ProxiedShopFuzzTests {
        static let keyPresses = Int(ProcessInfo.processInfo.environment["PROXY_FUZZ_KEYS"] ?? "") ?? 300
        /// The share of answers the proxy spoils once the app is up.
        static let spoiledShare = 0.5

        /// Keys that walk the screens; `q` and Ctrl-C are left for the end.
        static let keys: [[String]] = [
            ["j"], ["j"], ["j"], ["k"], ["G"], ["g"], ["PageDown"], ["Tab"], ["BTab"], ["Enter"], ["Escape"], ["Escape"],
            ["+"], ["+"], ["-"], ["c"], ["o"], ["a"], ["i"], ["b"], ["/"], ["R"], ["l"], ["h"], ["?"], ["x"], ["v"],
            ["Right"], ["Left"], ["Up"], ["Down"], ["End"], ["Home"],
            // Keys that ask the gateway again, so more answers meet the proxy.
            ["R"], ["$"], ["c"], ["o"], ["i"], ["b"], ["/"],
        ]
        static let words = ["set", "kettle", "ada@example.com", "zz", "盆栽"]

        /// Crash and trap text that must never reach the screen.
        static let crashMarks = ["Fatal error", "fatal error", "Illegal instruction", "Segmentation fault", "Trace/breakpoint",
                                 "Aborted", "core dumped", "Stack dump", "shop-exit="]

        @Test(.enabled(if: ShopPane.missingPrerequisite == nil, "\(ShopPane.missingPrerequisite ?? "")"), .timeLimit(.minutes(10)))
        func shopStaysUpSaysWhatIsWrongAndQuitsCleanly() async throws {
            try await offThePool {
                try await Gateways.with { gateway in
                    let mutator = AnswerMutator(seed: 0x5_0010_0001)
                    let dice = SpoilingDice(seed: 0x10_0002)
                    let proxy = try await FaultProxy(
                        upstream: gateway.url, holdFor: .zero,
                        rewrite: { request, status, headers, body in
                            guard dice.roll(Self.spoiledShare) else { return nil }
                            dice.countSpoiled()
                            return mutator.mutate(request, status: status, headers: headers, body: body)
                        },
                        decide: { _ in
                            guard dice.roll(0.06) else { return .none }
                            return dice.roll(0.5) ? .truncatedBody : .malformedJSON
                        })
                    mutator.enabled = true  // the dice decide which answers it sees
                    let pane = try ShopPane(gateway: proxy.url, width: 100, height: 30)
                    defer { pane.tearDown() }
                    do {
                        try await drive(pane, dice: dice)
                    } catch {
                        await proxy.stop()
                        throw error
                    }
                    await proxy.stop()
                    print("proxy fuzz: \(mutator.counts.values.reduce(0, +)) answers mutated, proxy faults \(proxy.faultCounts.filter { $0.key != .none })")
                }
            }
        }

        private func drive(_ pane: ShopPane, dice: SpoilingDice) async throws {
            // An honest start: the catalog on screen and something in the cart.
            _ = try await pane.waitForScreen(containing: "★")
            pane.keys("+")
            _ = try await pane.waitForScreen(containing: "cart 1")
            dice.spoiling = true

            var generator = SplitMix64(seed: 0x10_0003)
            var screens = 0, saidWhatIsWrong = 0, totalsChecked = 0
            var problems: [String] = []
            for press in 1...Self.keyPresses {
                if Int.random(in: 0..<12, using: &generator) == 0 {
                    pane.type(Self.words.randomElement(using: &generator)!)
                } else {
                    let names = Self.keys.randomElement(using: &generator)!
                    for name in names { pane.keys(name) }
                }
                try await Task.sleep(for: .milliseconds(Int.random(in: 40...160, using: &generator)))
                guard press % 3 == 0 || press == Self.keyPresses else { continue }
                let screen = pane.screen()
                screens += 1
                if Self.saysAnAnswerWasUnusable(screen) { saidWhatIsWrong += 1 }
                if let problem = Self.problem(in: screen) { problems.append("after key \(press): \(problem)\n\(screen)") }
                if Self.cartTotals(in: screen) != nil { totalsChecked += 1 }
                if !pane.isRunning { problems.append("after key \(press): shop is not running\n\(screen)"); break }
                if problems.count >= 3 { break }
            }
            dice.spoiling = false
            print("proxy fuzz: \(Self.keyPresses) keys, \(dice.spoiled) answers spoiled, \(screens) screens read, \(saidWhatIsWrong) said an answer was unusable, \(totalsChecked) cart totals checked, \(problems.count) problems")
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n\n"))")
            #expect(saidWhatIsWrong > 0, "the app said at least once that an answer was unusable")

            // Honest again: whatever screen or dialog it is on, Esc and q end it with status 0.
            for _ in 0..<4 { pane.keys("Escape"); try await Task.sleep(for: .milliseconds(100)) }
            pane.keys("q")
            try await Task.sleep(for: .milliseconds(300))
            if pane.isRunning, pane.screen().contains("Quit") { pane.keys("y") }  // checkout in progress: confirm
            let end = try await pane.waitForScreen(containing: "shop-exit=", timeout: .seconds(20))
            #expect(end.contains("shop-exit=0"), "\(end)")
        }

        /// The app's own words for an answer it refused (see ShopError.userMessage).
        static func saysAnAnswerWasUnusable(_ screen: String) -> Bool {
            ["answer this app can", "✖", "Could not", "could not"].contains { screen.contains($0) }
        }

        /// A crash, negative money, a negative count, or a cart total that does not add up.
        static func problem(in screen: String) -> String? {
            if let mark = crashMarks.first(where: { screen.contains($0) }) { return "the screen shows “\(mark)”" }
            if screen.contains("-$") || screen.contains("$-") { return "negative money on screen" }
            if screen.range(of: #"cart -\d"#, options: .regularExpression) != nil { return "a negative cart count" }
            if let totals = cartTotals(in: screen), let shipping = totals.shipping, totals.total != totals.subtotal + shipping {
                return "cart total \(totals.total) is not subtotal \(totals.subtotal) + shipping \(shipping)"
            }
            return nil
        }

        /// The cart's Subtotal, Shipping (when quoted) and Total in cents, when the cart is shown.
        static func cartTotals(in screen: String) -> (subtotal: Int64, shipping: Int64?, total: Int64)? {
            guard screen.contains("Your cart") else { return nil }
            /// "Total      $284.92" in cents; not "Subtotal", not the "Total" column header.
            func amount(_ label: String) -> Int64? {
                guard let match = screen.range(of: "(?<![A-Za-z])" + label + #" +\$[0-9,]+\.[0-9]{2}"#, options: .regularExpression) else { return nil }
                return Int64(screen[match].filter(\.isNumber))
            }
            guard let subtotal = amount("Subtotal"), let total = amount("Total") else { return nil }
            return (subtotal, amount("Shipping"), total)
        }
    }
}

/// Decides, seeded, which answers the proxy spoils, and only while the test says so.
final class SpoilingDice: Sendable {
    private struct State {
        var generator: SplitMix64
        var spoiling = false
        var spoiled = 0
    }

    private let state: Mutex<State>

    init(seed: UInt64) { state = Mutex(State(generator: SplitMix64(seed: seed))) }

    var spoiling: Bool {
        get { state.withLock { $0.spoiling } }
        set { state.withLock { $0.spoiling = newValue } }
    }

    var spoiled: Int { state.withLock { $0.spoiled } }

    func countSpoiled() { state.withLock { $0.spoiled += 1 } }

    /// True with probability `share`, and never while not spoiling.
    func roll(_ share: Double) -> Bool {
        state.withLock { state in state.spoiling && Double.random(in: 0..<1, using: &state.generator) < share }
    }
}
