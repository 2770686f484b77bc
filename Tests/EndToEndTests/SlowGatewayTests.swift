import Foundation
import ShopTestSupport
import Testing

/// The built `shop` against a gateway that takes 5 seconds to answer every request
/// (`shop-mock-server --latency 5000..5000`): keys are handled and drawn while the requests are
/// still on their way, and the answers then arrive.
///
/// Part of the serialized `EndToEndTests`, like the other tmux tests.
extension EndToEndTests {
    @Test("A slow gateway: typing a search is drawn before any answer, then the answers arrive",
          .enabled(if: Harness.missingPrerequisite == nil, "\(Harness.missingPrerequisite ?? "")"),
          .timeLimit(.minutes(2)))
    func slowGateway() async throws {
        try await offThePool {
            let harness = try Harness()
            defer { harness.tearDown() }
            let gatewayURL = try harness.startGateway(arguments: ["--latency", "5000..5000"])
            try harness.startShop(gateway: gatewayURL)
            try harness.waitForScreen(containing: "Loading products")
            harness.keys("/")
            harness.type("kettle")
            try harness.waitForScreen(containing: "Find: kettle")
            // The start-up requests take 5 s and the search was sent after them: none has answered yet.
            let typed = try harness.screen()
            #expect(!typed.contains("found"), "a search answered before 5 s:\n\(typed)")
            #expect(!typed.contains("online"), "the gateway answered before 5 s:\n\(typed)")
            try harness.waitForScreen(containing: "found", timeout: 30)
            #expect(try harness.screen().contains("Find: kettle"))
            harness.keys("Escape")
            harness.keys("q")
            try harness.waitForExit()
        }
    }
}
