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
                let emails = try await fixture.asShopper(key) { shopper in
                    var emails: [String] = []
                    for summary in try await shopper.orders.page().items {
                        emails.append(try await shopper.orders.get(id: summary.id).email)
                    }
                    return emails
                }
                #expect(emails == ["buyer\(index)@example.com"], "shopper \(index) has \(emails)")
            }
            #expect(fixture.server.sessionCount == 0)
        }
    }
}
