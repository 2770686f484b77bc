import Crypto
import Foundation
import Testing

/// The wire layers of ShopKit and of the mock gateway are committed (`Sources/*/Generated/`) so
/// that nobody builds the generator: not ShopKit's consumers, not this package. Each generated
/// file records the SHA-256 of the contract and of the generator configuration it was made
/// from; these tests fail as soon as either changes without `scripts/generate-openapi.sh`
/// being run.
@Suite("Generated code freshness")
struct GeneratedCodeFreshnessTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let folders = ["Sources/ShopKit/Generated", "Sources/ShopMockServer/Generated"]

    static func sha256(_ relativePath: String) throws -> String {
        let data = try Data(contentsOf: root.appendingPathComponent(relativePath))
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The committed generated files, relative to the package root.
    static func generatedFiles() -> [String] {
        folders.flatMap { folder in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            return names.filter { $0.hasSuffix(".swift") }.sorted().map { "\(folder)/\($0)" }
        }
    }

    /// The value of the `// <label> SHA-256: <hex>` line at the top of a generated file.
    static func recordedHash(in file: String, label: String) throws -> String? {
        let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        let prefix = "// \(label) SHA-256: "
        return text.split(separator: "\n").prefix(20).first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    @Test("the client's and the gateway's code are committed")
    func theGeneratedCodeIsCommitted() {
        let files = Self.generatedFiles()
        #expect(files.contains("Sources/ShopKit/Generated/Client.swift"))
        #expect(files.contains("Sources/ShopKit/Generated/Types+Components+Schemas.swift"))
        #expect(files.contains("Sources/ShopMockServer/Generated/Server.swift"))
        #expect(!files.contains("Sources/ShopKit/Generated/Server.swift"))
    }

    @Test("the committed code was generated from today's docs/openapi.yaml", arguments: generatedFiles())
    func generatedFromTheCurrentContract(file: String) throws {
        let recorded = try Self.recordedHash(in: file, label: "Contract docs/openapi.yaml")
        let current = try Self.sha256("docs/openapi.yaml")
        #expect(recorded == current, "\(file) is stale against docs/openapi.yaml: run scripts/generate-openapi.sh")
    }

    @Test("the committed code was generated with today's generator configuration", arguments: generatedFiles())
    func generatedWithTheCurrentConfiguration(file: String) throws {
        let folder = file.split(separator: "/").dropLast().joined(separator: "/")
        let recorded = try Self.recordedHash(in: file, label: "Generator configuration")
        let current = try Self.sha256("\(folder)/openapi-generator-config.yaml")
        #expect(recorded == current, "\(file) is stale against its configuration: run scripts/generate-openapi.sh")
    }
}
