import Foundation
import ShopKit
import Testing

/// Every operation of docs/openapi.yaml goes through ShopKit at least once.
@Suite("Contract coverage")
struct ContractCoverageTests {
    /// The operationIds of the contract, by a line scan of the YAML.
    static func contractOperationIDs() throws -> Set<String> {
        let contract = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/openapi.yaml")
        let text = try String(contentsOf: contract, encoding: .utf8)
        var ids = Set<String>()
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("operationId:") else { continue }
            ids.insert(trimmed.dropFirst("operationId:".count).trimmingCharacters(in: .whitespaces))
        }
        return ids
    }

    @Test("every operationId of docs/openapi.yaml is sent by ShopKit, and nothing else")
    func theRecordedOperationsEqualTheContract() async throws {
        let expected = try Self.contractOperationIDs()
        #expect(expected.count == 45)
        let recorder = RequestRecorder()
        try await TestGateway.with { gateway in
            let client = gateway.client(recorder: recorder)
            try await ContractTour.run(client)
        }
        #expect(recorder.operationIDs == expected,
                "missing: \(expected.subtracting(recorder.operationIDs).sorted()); extra: \(recorder.operationIDs.subtracting(expected).sorted())")
    }
}
