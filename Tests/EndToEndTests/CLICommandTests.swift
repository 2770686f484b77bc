import Foundation
import ShopKit
import Testing

/// Every subcommand against an in-process gateway, once with `--json` (checked against the
/// shape docs/cli.md documents for it) and once for people (checked against a reviewed text
/// snapshot at 80 columns).
@Suite("Command line: every command")
struct CLICommandTests {
    /// One step of the scenario: the arguments, the standard input, and the name of its human snapshot.
    struct Step {
        var arguments: [String]
        var input: String?
        var snapshot: String?
    }

    @Test("Every command's --json answer has its documented shape; human output matches its snapshot",
          .enabled(if: CLIHarness.binary != nil, "shop is not built"), .timeLimit(.minutes(3)))
    func everyCommand() async throws {
        let harness = try await CLIHarness.start()
        let documented = try Self.documentedExamples()
        var covered: Set<String> = []
        var ids: [String: String] = [:]
        var lastResult: Any?

        func step(_ step: Step) async throws {
            let arguments = step.arguments.map { word in ids.reduce(word) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) } }
            // Only steps that change nothing have a snapshot: each step runs twice when it has one.
            if let snapshot = step.snapshot {
                let human = try await harness.shop(arguments, input: step.input)
                #expect(human.status == 0, "\(arguments): \(human)")
                for line in human.stdout.split(separator: "\n") {
                    #expect(line.count <= 80, "wider than 80 columns: \(line)")
                }
                try Self.assertSnapshot(Self.masked(human.stdout), named: snapshot)
            }
            let run = try await harness.shop(arguments + ["--json"], input: step.input)
            #expect(run.status == 0, "\(arguments): \(run)")
            let object = try run.json()
            let command = try #require(object["command"] as? String)
            #expect(object["version"] as? Int == 1)
            covered.insert(command)
            lastResult = object["result"]
            // SHOP_CLI_DUMP=DIR writes the answers there, to write or review docs/cli.md's examples.
            if let dump = ProcessInfo.processInfo.environment["SHOP_CLI_DUMP"] {
                try run.stdout.write(toFile: "\(dump)/\(command.replacingOccurrences(of: " ", with: "-")).json", atomically: true, encoding: .utf8)
                return
            }
            // A command with two answer shapes (`inbox read ID`, `inbox read --all`) has two examples.
            let examples = try #require(documented[command], "docs/cli.md has no example for `shop \(command)`")
            let matches = examples.map { example -> [String] in
                var problems = Self.shapeProblems(actual: object, documented: example, path: "")
                let actualKeys = Set((object["result"] as? [String: Any])?.keys.map { $0 } ?? [])
                let documentedKeys = Set((example["result"] as? [String: Any])?.keys.map { $0 } ?? [])
                if actualKeys != documentedKeys { problems.append("result keys \(actualKeys.sorted()), documented \(documentedKeys.sorted())") }
                return problems
            }
            #expect(matches.contains { $0.isEmpty }, "`shop \(command) --json` differs from docs/cli.md: \(matches)\n\(run.stdout)")
        }

        try await step(Step(arguments: ["products", "--limit", "5"], snapshot: "products"))
        try await step(Step(arguments: ["search", "lamp"], snapshot: "search"))
        try await step(Step(arguments: ["show", "HOM-0010"], snapshot: "show"))
        try await step(Step(arguments: ["cart", "add", "p010-ceramic-table-lamp", "1"], ))
        try await step(Step(arguments: ["cart", "set", "p010-ceramic-table-lamp", "2"]))
        try await step(Step(arguments: ["cart", "add", "HOM-0009"]))
        try await step(Step(arguments: ["cart", "rm", "p009-linen-throw-blanket"]))
        try await step(Step(arguments: ["cart"], snapshot: "cart"))
        try await step(Step(arguments: ["account", "register", "--email", "ada@example.com", "--name", "Ada Lovelace"], input: "correct horse battery\n"))
        try await step(Step(arguments: ["account", "whoami"], snapshot: "whoami"))
        try await step(Step(arguments: ["account", "addresses", "add", "--name", "Ada Lovelace", "--line1", "12 St James's Square",
                                        "--city", "London", "--postal-code", "SW1Y 4JH", "--country", "GB"]))
        ids["address"] = try #require((lastResult as? [String: Any])?["id"] as? String)
        try await step(Step(arguments: ["account", "addresses", "edit", "{address}", "--line2", "Flat 2"]))
        try await step(Step(arguments: ["account", "addresses"]))
        try await step(Step(arguments: ["checkout", "--address-id", "{address}", "--shipping", "express"], input: CLIHarness.goodCard))
        ids["order"] = try #require(((lastResult as? [String: Any])?["order"] as? [String: Any])?["id"] as? String)
        try await step(Step(arguments: ["orders"], snapshot: "orders"))
        try await step(Step(arguments: ["orders", "show", "{order}"], snapshot: "orders-show"))
        try await step(Step(arguments: ["orders", "track", "{order}"]))
        try await step(Step(arguments: ["orders", "invoice", "{order}"], snapshot: "orders-invoice"))
        try await step(Step(arguments: ["orders", "cancel", "{order}"]))
        try await step(Step(arguments: ["inbox"]))
        ids["message"] = try #require(((lastResult as? [String: Any])?["items"] as? [[String: Any]])?.first?["id"] as? String)
        try await step(Step(arguments: ["inbox", "read", "{message}"]))
        try await step(Step(arguments: ["inbox", "read", "--all"]))
        try await step(Step(arguments: ["currency", "EUR"]))
        try await step(Step(arguments: ["currency"], snapshot: "currency"))
        try await step(Step(arguments: ["cart", "add", "p010-ceramic-table-lamp"]))
        try await step(Step(arguments: ["cart", "clear"]))
        try await step(Step(arguments: ["account", "addresses", "rm", "{address}"]))
        try await step(Step(arguments: ["account", "logout"]))
        try await step(Step(arguments: ["account", "login", "--email", "ada@example.com"], input: "correct horse battery\n"))

        let commands = Set(documented.keys)
        #expect(covered == commands, "documented but not run: \(commands.subtracting(covered)); run but not documented: \(covered.subtracting(commands))")

        for shell in ["bash", "zsh", "fish"] {
            let completion = try await CLIHarness.run(["completion", shell], root: harness.root)
            #expect(completion.status == 0, "\(completion)")
            #expect(completion.stdout.contains("checkout") && completion.stdout.contains("products"), "\(shell): \(completion.stdout.prefix(200))")
        }
        await harness.stop()
    }

    // MARK: docs/cli.md

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The success examples of docs/cli.md (```json blocks with a `result`), by their `command`.
    static func documentedExamples() throws -> [String: [[String: Any]]] {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        var examples: [String: [[String: Any]]] = [:]
        for block in text.components(separatedBy: "```json\n").dropFirst() {
            let json = block.components(separatedBy: "\n```").first ?? ""
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "bad example: \(json)")
            guard object["result"] != nil, let command = object["command"] as? String else { continue }
            examples[command, default: []].append(object)
        }
        return examples
    }

    /// Keys the answer has that the documented example lacks, and values of another JSON type.
    /// Arrays compare each element with the example's first one.
    static func shapeProblems(actual: Any, documented: Any, path: String) -> [String] {
        switch (actual, documented) {
        case (let actual as [String: Any], let documented as [String: Any]):
            return actual.keys.sorted().flatMap { key -> [String] in
                guard let example = documented[key] else { return ["\(path).\(key) is not documented"] }
                return shapeProblems(actual: actual[key]!, documented: example, path: "\(path).\(key)")
            }
        case (let actual as [Any], let documented as [Any]):
            guard let example = documented.first else { return actual.isEmpty ? [] : ["\(path)[] has no documented element"] }
            return actual.flatMap { shapeProblems(actual: $0, documented: example, path: "\(path)[]") }
        case (is String, is String), (is [String: Any], _), (_, is [String: Any]), (is [Any], _), (_, is [Any]):
            if (actual is [String: Any]) != (documented is [String: Any]) || (actual is [Any]) != (documented is [Any]) {
                return ["\(path) is a \(type(of: actual)), documented as \(type(of: documented))"]
            }
            return []
        case (is NSNumber, is NSNumber):
            return []
        default:
            return ["\(path) is \(type(of: actual)), documented as \(type(of: documented))"]
        }
    }

    // MARK: Snapshots

    /// Ids and tracking numbers differ on every run; each is replaced by `x`s of its length so
    /// the columns stay where they were. The gateway's clock starts at 2026-06-01 12:00 UTC and
    /// runs in real time, so a slow run (a loaded machine) can place an order at 12:01: the
    /// minute is pinned back to 12:00.
    static func masked(_ text: String) -> String {
        let text = text.replacingOccurrences(of: #"2026-06-01 12:\d\d UTC"#, with: "2026-06-01 12:00 UTC", options: .regularExpression)
        let expression = try! NSRegularExpression(pattern: #"\b(ord|adr|usr|ntf|txn)_[0-9a-f]+|\bTRK[0-9A-Z]+"#)
        var result = text
        for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let range = Range(match.range, in: result) else { continue }
            let word = result[range]
            let prefix = word.hasPrefix("TRK") ? "TRK" : String(word.prefix { $0 != "_" }) + "_"
            let rest = word.count - prefix.count
            result.replaceSubrange(range, with: prefix + String(repeating: "x", count: rest))
        }
        return result
    }

    /// Compares with Fixtures/cli/NAME.txt. A missing snapshot fails; SHOP_RECORD_SNAPSHOTS=1
    /// writes it for review instead.
    static func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/cli/\(name).txt")
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            if ProcessInfo.processInfo.environment["SHOP_RECORD_SNAPSHOTS"] == "1" {
                try text.write(to: file, atomically: true, encoding: .utf8)
            }
            Issue.record("no snapshot \(file.lastPathComponent); got:\n\(text)", sourceLocation: sourceLocation)
            return
        }
        #expect(text == expected, "snapshot \(name) differs; got:\n\(text)", sourceLocation: sourceLocation)
    }
}
