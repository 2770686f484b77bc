import Foundation
import ShopKit
import ShopSSH
import Testing

/// Many people at once in one process: each buys with their own key, and every order lands in
/// its own account, none crossed.
@Suite("shop serve: many shoppers", .serialized, .timeLimit(.minutes(5)))
struct ServeConcurrencyTests {
    @Test func fiftyPeopleBuyAtOnceAndNoOrderCrosses() async throws {
        let shoppers = 50
        try await ServeFixture.with { fixture in
            let keys = (0..<shoppers).map { _ in ScriptedSSHClient.Curve25519PrivateKey() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, key) in keys.enumerated() {
                    group.addTask {
                        let client = try await fixture.connect(.key(key))
                        try await Purchase.run(on: client, email: "buyer\(index)@example.com")
                        try await client.send("q")
                        _ = try await client.waitForClose()
                    }
                }
                try await group.waitForAll()
            }
            for (index, key) in keys.enumerated() {
                let shopper = try await fixture.shopper(fingerprintOf: key)
                let orders = try await shopper.orders.page()
                #expect(orders.items.count == 1, "shopper \(index) has \(orders.items.count) orders")
                let order = try await shopper.orders.get(id: try #require(orders.items.first).id)
                #expect(order.email == "buyer\(index)@example.com")
                try await shopper.shutdown()
            }
            #expect(fixture.server.sessionCount == 0)
        }
    }
}
