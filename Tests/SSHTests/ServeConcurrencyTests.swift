import Foundation
import ShopKit
import ShopSSH
import ShopTestSupport
import Testing

/// Many people at once in one process: each buys with their own key, and every order lands in
/// its own account, none crossed.
///
/// Runs inside the whole suite, beside `ManyRuntimesTests`. Fifty waiting sessions' spinners
/// (four whole frames a second each) once took the cooperative pool from the gateway they
/// waited for, and a session sat on a blank screen for 119 s; spinners now slow down while the
/// process is behind (`SpinnerCadence`). Beside the suite on a loaded machine sign-in by key
/// took longer than 15 s (hence `patience`), and a session's last request after `stop()` once
/// crashed the process on shut-down event loops (the server now uses NIO's shared loops).
@Suite("shop serve: many shoppers", .serialized, .timeLimit(.minutes(10)))
struct ServeConcurrencyTests {
    /// How long one step may wait beside the whole suite on two cores: what is checked is that
    /// every order lands in its own account and every session is freed, not how fast.
    static let patience: Duration = .seconds(120)

    @Test func fiftyPeopleBuyAtOnceAndNoOrderCrosses() async throws {
        // The other crowd of the suite (50 SSH shoppers / 100 runtimes) waits for its turn.
        try await oneCrowdAtATime {
            let shoppers = 50
            try await ServeFixture.with({ $0.gatewayTimeout = Self.patience }) { fixture in
                let keys = (0..<shoppers).map { _ in ScriptedSSHClient.Curve25519PrivateKey() }
                let started = ContinuousClock.now
                // Per shopper: connecting to the first product list, and the whole purchase.
                let times = try await withThrowingTaskGroup(of: (Duration, Duration).self) { group in
                    for (index, key) in keys.enumerated() {
                        group.addTask {
                            let began = ContinuousClock.now
                            let client = try await fixture.connect(.key(key))
                            try await client.waitFor("All products", timeout: Self.patience)
                            let firstScreen = ContinuousClock.now - began
                            try await Purchase.run(on: client, email: "buyer\(index)@example.com", stepTimeout: Self.patience)
                            let purchase = ContinuousClock.now - began
                            try await client.send("q")
                            _ = try await client.waitForClose(timeout: Self.patience)
                            return (firstScreen, purchase)
                        }
                    }
                    var times: [(Duration, Duration)] = []
                    for try await time in group { times.append(time) }
                    return times
                }
                let firstScreens = times.map(\.0).sorted(), purchases = times.map(\.1).sorted()
                print("50 SSH shoppers: \(shoppers) purchases in \(ContinuousClock.now - started); first product list after "
                    + "\(firstScreens[shoppers / 2]) (median), \(firstScreens[shoppers - 1]) (slowest); a purchase took "
                    + "\(purchases[shoppers / 2]) (median), \(purchases[shoppers - 1]) (slowest)")
                for (index, key) in keys.enumerated() {
                    let emails = try await fixture.asShopper(key) { shopper in
                        var emails: [String] = []
                        for summary in try await shopper.orders.listPage().items {
                            emails.append(try await shopper.orders.get(id: summary.id).email)
                        }
                        return emails
                    }
                    #expect(emails == ["buyer\(index)@example.com"], "shopper \(index) has \(emails)")
                }
                // Nothing of the fifty outlives them: runtimes, backends, clients, channels.
                try await fixture.waitUntilEverySessionIsFreed(timeout: Self.patience)
            }
        }
    }

    /// However a session ends, nothing of it stays behind: quitting, a dropped connection, a
    /// connection dropped while the order is being placed, one refused for having no terminal,
    /// one closed by the server.
    @Test func everySessionIsFreedHoweverItEnds() async throws {
        try await ServeFixture.with({ $0.gatewayTimeout = Self.patience }) { fixture in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        let quitting = try await fixture.connect(.key(.init()))
                        try await quitting.waitUntilBrowsing(timeout: Self.patience)
                        try await quitting.send("q")
                        _ = try await quitting.waitForClose(timeout: Self.patience)
                    }
                    group.addTask {
                        let dropped = try await fixture.connect(.guest)
                        try await dropped.waitUntilBrowsing(timeout: Self.patience)
                        await dropped.close()
                    }
                    group.addTask {
                        let midCheckout = try await fixture.connect(.key(.init()))
                        try await Purchase.run(on: midCheckout, upTo: .placing, stepTimeout: Self.patience)
                        await midCheckout.close()
                    }
                    group.addTask {
                        let refused = try await fixture.connect(.key(.init()), pty: nil)
                        _ = try await refused.waitForClose(timeout: Self.patience)
                    }
                }
                try await group.waitForAll()
            }
            let open = try await fixture.connect(.key(.init()))
            try await open.waitUntilBrowsing(timeout: Self.patience)
            #expect(!fixture.server.liveObjects.isEmpty)
            await fixture.server.stop()
            _ = try await open.waitForClose(timeout: Self.patience)
            try await fixture.waitUntilEverySessionIsFreed(timeout: Self.patience)
        }
    }
}
