import Foundation
import ShopTestSupport
import ShopKit
import Testing

/// Issue 10, item 1, as a person sees it: register in the real `shop`, then quit and start it
/// again 20 times; every start is still signed in, with the same cart, and the session file
/// still holds the account.
@Suite("Signed in across restarts", .serialized)
struct SessionRestartTests {
    static let restarts = 20

    @Test("Register, then 20 restarts: each one still signed in with its cart",
          .enabled(if: Harness.missingPrerequisite == nil, "\(Harness.missingPrerequisite ?? "")"),
          .timeLimit(.minutes(5)))
    func staysSignedInAcrossRestarts() async throws {
        try await offThePool {
            let harness = try Harness()
            defer { harness.tearDown() }
            let gatewayURL = try harness.startGateway()
            try harness.startShop(gateway: gatewayURL)

            // As a guest: one product in the cart, then register (the cart carries over).
            try harness.waitForScreen(containing: "★")
            harness.keys("+")
            try harness.waitForScreen(containing: "cart 1")
            let email = "restarts-\(UUID().uuidString.prefix(8).lowercased())@example.com"
            harness.keys("a")
            harness.keys("C-r")
            harness.type("Ada Restart")
            harness.keys("Tab")
            harness.type(email)
            harness.keys("Tab")
            harness.type("long enough pw")
            harness.keys("Enter")
            // The profile, not the e-mail: the e-mail is on screen as soon as it is typed, and a q
            // sent while the form is still up is typed into the password.
            try harness.waitForScreen(containing: "Member since")
            try harness.waitForScreen(containing: "cart 1")
            harness.keys("q")
            try harness.waitForExit()

            var signedIn = 0
            for run in 1...Self.restarts {
                try harness.restartShop(gateway: gatewayURL)
                try harness.waitForScreen(containing: "★")
                // The status bar names the account and its cart once the session and cart are read;
                // until the session is, it shows "…" where the account goes (the cart can come first).
                try harness.waitForScreen(containing: "cart 1")
                let screen = try harness.waitForScreen("the account in the status bar") { $0.contains(email) || $0.contains("│ guest │") }
                #expect(screen.contains(email), "run \(run): still signed in\n\(screen)")
                #expect(!screen.contains("│ guest │"), "run \(run): not a guest\n\(screen)")
                if screen.contains(email) { signedIn += 1 }
                harness.keys("q")
                try harness.waitForExit()
            }

            let stored = try #require(try await FileSessionStore(url: harness.dataHome.appendingPathComponent("shop/session.json")).load())
            #expect(!stored.user.isGuest)
            #expect(stored.user.email == email)
            print("session restarts: \(signedIn) of \(Self.restarts) starts signed in as the registered account")
        }
    }
}
