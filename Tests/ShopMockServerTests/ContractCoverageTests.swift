import Foundation
import Testing
import Yams
@testable import ShopMockServer

/// Every operation of docs/openapi.yaml is routed and implemented.
@Suite struct ContractCoverageTests {
    struct Operation: CustomStringConvertible {
        var method: String
        var path: String
        var operationId: String
        var hasRequestBody = false
        var description: String { "\(method) \(path) (\(operationId))" }
    }

    static func operations() throws -> [Operation] {
        let specURL = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/openapi.yaml")
        let yaml = try String(contentsOf: specURL, encoding: .utf8)
        let document = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: Any])
        var operations: [Operation] = []
        for (path, item) in paths {
            for (method, value) in item as? [String: Any] ?? [:] {
                guard ["get", "post", "put", "patch", "delete"].contains(method),
                    let fields = value as? [String: Any], let operationId = fields["operationId"] as? String
                else { continue }
                operations.append(
                    Operation(
                        method: method.uppercased(), path: path, operationId: operationId,
                        hasRequestBody: fields["requestBody"] != nil))
            }
        }
        return operations.sorted { $0.description < $1.description }
    }

    @Test func theContractHas45Operations() throws {
        #expect(try Self.operations().count == 45)
    }

    @Test func everyOperationIsRoutedAndImplemented() async throws {
        let operations = try Self.operations()
        try await TestGateway.with { gateway in
            let guest = try await gateway.guestToken()
            for operation in operations {
                let path = operation.path.replacingOccurrences(
                    of: #"\{[^}]+\}"#, with: "x", options: .regularExpression)
                let token = path.hasPrefix("/v1/admin") ? TestGateway.adminToken : guest
                let hasBody = ["POST", "PUT", "PATCH"].contains(operation.method)
                let response = try await gateway.send(
                    operation.method, path, token: token, json: hasBody ? [String: Any]() : nil,
                    headers: [("Idempotency-Key", UUID().uuidString)])
                #expect(response.problemSlug != "route-not-found", "\(operation) is not routed")
                #expect(![405, 501].contains(response.status), "\(operation) answered \(response.status)")
                #expect(response.status < 500, "\(operation) failed: \(response.text)")
            }
        }
    }

    @Test func theRouteTableMatchesTheContract() throws {
        let fromSpec = Set(try Self.operations().map { "\($0.method) \($0.path)" })
        let fromTable = Set(RouteTable.routes.flatMap { route in route.methods.map { "\($0) \(route.template)" } })
        #expect(fromSpec == fromTable)
    }

    @Test func theOperationsWithABodyMatchTheContract() throws {
        let fromSpec = Set(try Self.operations().filter(\.hasRequestBody).map { "\($0.method) \($0.path)" })
        #expect(fromSpec == RouteTable.operationsWithBody)
    }
}
