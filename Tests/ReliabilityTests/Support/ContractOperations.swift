import Foundation
import Yams

/// The operations of docs/openapi.yaml, read at test time so a new operation is covered
/// without touching the tests.
struct ContractOperation: Sendable, CustomStringConvertible {
    enum Access: Sendable { case publicOperation, optionalToken, bearer, admin }

    var id: String
    var method: String
    var pathTemplate: String
    var access: Access
    var pathParameters: [String]
    var requiredQuery: [(name: String, sample: String)]
    var requiredHeaders: [String]
    /// A body of the right shape (types and required fields; values need not pass validation).
    var sampleBody: String?

    var description: String { "\(id) (\(method) \(pathTemplate))" }

    func path(_ values: [String: String]) -> String {
        var path = pathTemplate
        for name in pathParameters {
            let value = values[name] ?? "x"
            path = path.replacingOccurrences(
                of: "{\(name)}", with: value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? value)
        }
        if !requiredQuery.isEmpty {
            path += "?" + requiredQuery.map { "\($0.name)=\($0.sample)" }.joined(separator: "&")
        }
        return path
    }
}

enum Contract {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/openapi.yaml")

    static func load() throws -> (operations: [ContractOperation], document: [String: Any]) {
        let text = try String(contentsOf: file, encoding: .utf8)
        guard let document = try Yams.load(yaml: text) as? [String: Any] else {
            throw HarnessFailure("docs/openapi.yaml is not a mapping")
        }
        let components = document["components"] as? [String: Any] ?? [:]
        let globalSecurity = document["security"] as? [Any] ?? []
        var operations: [ContractOperation] = []
        for (path, item) in (document["paths"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let item = item as? [String: Any] else { continue }
            let shared = (item["parameters"] as? [Any] ?? []).map { resolve($0, components) }
            for method in ["get", "post", "put", "patch", "delete"] {
                guard let operation = item[method] as? [String: Any], let id = operation["operationId"] as? String else {
                    continue
                }
                let parameters = shared + (operation["parameters"] as? [Any] ?? []).map { resolve($0, components) }
                let security = operation["security"] as? [Any] ?? globalSecurity
                let tags = operation["tags"] as? [String] ?? []
                let access: ContractOperation.Access
                if tags.contains("admin") {
                    access = .admin
                } else if security.isEmpty {
                    access = .publicOperation
                } else if security.contains(where: { ($0 as? [String: Any])?.isEmpty ?? false }) {
                    access = .optionalToken
                } else {
                    access = .bearer
                }
                var body: String?
                if let requestBody = operation["requestBody"] as? [String: Any],
                    let content = requestBody["content"] as? [String: Any],
                    let json = content["application/json"] as? [String: Any],
                    let schema = json["schema"]
                {
                    let value = sample(schema, components, depth: 0)
                    body = String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
                }
                operations.append(
                    ContractOperation(
                        id: id, method: method.uppercased(), pathTemplate: path, access: access,
                        pathParameters: parameters.filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String },
                        requiredQuery: parameters.filter { $0["in"] as? String == "query" && $0["required"] as? Bool == true }
                            .compactMap { parameter in
                                guard let name = parameter["name"] as? String else { return nil }
                                let schema = resolve(parameter["schema"] ?? [:], components)
                                let type = schema["type"] as? String
                                if let values = schema["enum"] as? [Any] ?? resolve(schema["items"] ?? [:], components)["enum"] as? [Any] {
                                    return (name, "\(values[0])")
                                }
                                return (name, type == "integer" ? "1" : "x")
                            },
                        requiredHeaders: parameters.filter { $0["in"] as? String == "header" && $0["required"] as? Bool == true }
                            .compactMap { $0["name"] as? String },
                        sampleBody: body))
            }
        }
        return (operations, document)
    }

    private static func resolve(_ value: Any, _ components: [String: Any]) -> [String: Any] {
        guard let object = value as? [String: Any] else { return [:] }
        guard let reference = object["$ref"] as? String else { return object }
        let parts = reference.replacingOccurrences(of: "#/components/", with: "").split(separator: "/").map(String.init)
        var node: Any = components
        for part in parts { node = (node as? [String: Any])?[part] ?? [:] }
        return resolve(node, components)
    }

    /// A value of the schema's shape: required properties only, first enum value, minimum numbers.
    private static func sample(_ schema: Any, _ components: [String: Any], depth: Int) -> Any {
        let schema = resolve(schema, components)
        if let values = schema["enum"] as? [Any], let first = values.first { return first }
        switch schema["type"] as? String {
        case "object":
            var object: [String: Any] = [:]
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where depth < 6 {
                object[name] = sample(properties[name] ?? [:], components, depth: depth + 1)
            }
            return object
        case "array":
            return depth < 6 ? [sample(schema["items"] ?? [:], components, depth: depth + 1)] : []
        case "integer":
            return (schema["minimum"] as? Int).map { max($0, 1) } ?? 1
        case "number":
            return 1
        case "boolean":
            return true
        default:
            let length = max(schema["minLength"] as? Int ?? 1, 2)
            return String(repeating: "x", count: length)
        }
    }
}
