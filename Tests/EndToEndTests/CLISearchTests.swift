import Foundation
import Testing

/// `shop search` with the gateway's forgiving search: typos find, and "did you mean" is printed.
@Suite("Command line: search that forgives")
struct CLISearchTests {
    @Test("A typo finds the product; nothing found prints the gateway's suggestion, for people and in --json",
          .enabled(if: CLIHarness.binary != nil, "shop is not built"), .timeLimit(.minutes(2)))
    func typosAndSuggestions() async throws {
        let harness = try await CLIHarness.start()
        do {
            let typo = try await harness.shop(["search", "wristwach"])
            #expect(typo.status == 0 && typo.stdout.contains("Automatic Wristwatch"), "\(typo)")

            let human = try await harness.shop(["search", "lamq"])
            #expect(human.status == 0, "\(human)")
            #expect(human.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "Nothing matches 'lamq'. Did you mean 'lamp'?")
            let json = try await harness.shop(["search", "lamq", "--json"]).result()
            #expect(json["suggestion"] as? String == "lamp")
            #expect((json["items"] as? [Any])?.isEmpty == true)

            // Found something, or nothing close: no suggestion.
            #expect(try await harness.shop(["search", "lamp", "--json"]).result()["suggestion"] == nil)
            let far = try await harness.shop(["search", "zzzzzz"])
            #expect(far.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "Nothing matches 'zzzzzz'.")
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }
}
