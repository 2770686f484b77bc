import Foundation
import Testing

/// The offline demo shared by several front ends on one data directory (issues 11 and 15), as a
/// person uses it: two `shop` windows, or a script running `shop` subcommands while the
/// full-screen client is open. Each runs its own embedded gateway on the same database, so no
/// write is lost and each sees the other's.
///
/// Part of the serialized `EndToEndTests`, like every tmux test.
extension EndToEndTests {
    @Test("Two shop windows on one offline data directory: each adds a product, a third start has both",
          .enabled(if: Harness.missingPrerequisite == nil, "\(Harness.missingPrerequisite ?? "")"),
          .timeLimit(.minutes(3)))
    func twoWindowsOneOfflineDataDirectory() throws {
        let first = try Harness()
        let second = Harness(sharingDirectoriesWith: first)
        defer {
            second.tearDown()
            first.tearDown()
        }

        // The first window makes the guest session the second one then reads from the shared file.
        try first.startShop(gateway: nil)
        try first.waitForScreen(containing: "cart 0")
        try Self.waitForSessionFile(first)
        first.keys("+")  // the first product of the list
        try first.waitForScreen(containing: "cart 1")

        try second.startShop(gateway: nil)
        try second.waitForScreen(containing: "cart 1")  // it starts with the first window's add
        second.keys("j")
        second.keys("+")  // the second product
        try second.waitForScreen(containing: "cart 2")

        // The first window's next add is counted on top of the second's: nothing is overwritten.
        first.keys("j")
        first.keys("j")
        first.keys("+")  // the third product
        try first.waitForScreen(containing: "cart 3")

        first.keys("q")
        second.keys("q")
        try first.waitForExit()
        try second.waitForExit()

        try first.restartShop(gateway: nil)
        try first.waitForScreen(containing: "cart 3")
        first.keys("c")
        try first.waitForScreen(containing: "3 items")
        let cart = try first.screen()
        for name in Self.firstProducts {
            #expect(cart.contains(name), "\(name) is in the cart\n\(cart)")
        }
        first.keys("q")
        try first.waitForExit()
    }

    @Test("A bash script buys with shop subcommands while the full-screen client is open; both see the cart and the order",
          .enabled(if: Harness.missingPrerequisite == nil && CLIHarness.binary != nil && Harness.findExecutable("jq") != nil,
                   "needs tmux, jq and the built shop"),
          .timeLimit(.minutes(3)))
    func scriptedPurchaseBesideTheFullScreenClient() async throws {
        let harness = try Harness()
        defer { harness.tearDown() }
        try harness.startShop(gateway: nil)
        try harness.waitForScreen(containing: "cart 0")
        try Self.waitForSessionFile(harness)
        harness.keys("+")  // added in the full-screen client
        try harness.waitForScreen(containing: "cart 1")

        // The script's first look at the cart finds the full-screen client's line.
        let cart = try await CLIHarness.run(["cart", "--json"], root: harness.root)
        #expect(cart.status == 0, "\(cart)")
        #expect(try cart.result()["itemCount"] as? Int == 1, "\(cart)")

        let script = try Self.runScriptedPurchase(root: harness.root)
        #expect(script.status == 0, "\(script)")
        let orderID = script.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(orderID.hasPrefix("ord_"), "\(script)")

        // The order holds both lines: the client's and the script's.
        let order = try await CLIHarness.run(["orders", "show", orderID, "--json"], root: harness.root)
        #expect(order.status == 0, "\(order)")
        #expect((try order.result()["lines"] as? [Any])?.count == 2, "\(order)")

        // The full-screen client shows the script's order, and the cart it emptied.
        harness.keys("o")
        try harness.waitForScreen(containing: orderID)
        harness.keys("c")
        try harness.waitForScreen(containing: "0 items")
        try harness.waitForScreen(containing: "cart 0")
        harness.keys("q")
        try harness.waitForExit()
    }

    /// The embedded catalog's first three products in the default (name) order: `+` on the
    /// first, second and third rows adds these.
    static let firstProducts = ["Automatic Wristwatch", "Bamboo Cutting Board", "Bamboo Toothbrushes"]

    /// The client stores its guest session when the gateway answered; a second front end started
    /// before that would make a guest of its own.
    static func waitForSessionFile(_ harness: Harness) throws {
        let file = harness.dataHome.appendingPathComponent("shop/session.json").path
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: file) {
            guard Date() < deadline else { throw HarnessError("no session file at \(file)") }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// `Fixtures/scripted-purchase.sh` with the built `shop`, no terminal and the harness's XDG
    /// directories (so the offline demo on its data directory).
    static func runScriptedPurchase(root: URL, options: [String] = []) throws -> CLIHarness.Run {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/scripted-purchase.sh")
        let binary = try #require(CLIHarness.binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, binary.path] + options
        process.environment = CLIHarness.environment(root: root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The answers are a few lines: reading to the end before waiting cannot fill a pipe.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIHarness.Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                              stderr: String(decoding: stderr, as: UTF8.self))
    }
}
