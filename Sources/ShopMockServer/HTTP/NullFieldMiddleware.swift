import Foundation
import Hummingbird

/// The contract has no nullable field, so a JSON `null` for a field it defines is malformed (400).
/// Without this the generated decoders read `"preferredCurrency": null` as "not given" and the
/// request succeeds although it breaks the schema (contract fuzzing found it).
///
/// A `null` under a property the contract does not define is left alone: most request bodies
/// allow unknown properties (they are ignored), and a null there breaks nothing. The bodies
/// that refuse unknown properties (`ProfileUpdate`, `ProductInput`) refuse them whatever their value.
struct NullFieldMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The most it collects (the guard has refused larger bodies before they get here).
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post || request.method == .put || request.method == .patch,
            request.headers[.contentType]?.lowercased().contains("json") == true
        else { return try await next(request, context) }
        var request = request
        let body = try await request.collectBody(upTo: maxBodyBytes)
        if let value = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView), options: [.fragmentsAllowed]),
            let field = Self.firstNull(in: value, path: "")
        {
            throw GatewayProblem.badRequest(
                field.isEmpty ? "The body must not be null." : "The field \(field) must not be null.",
                field: field.isEmpty ? nil : field)
        }
        return try await next(request, context)
    }

    /// The dotted path of the first `null` under contract fields only, `""` for a null body,
    /// nil when there is none.
    static func firstNull(in value: Any, path: String) -> String? {
        if value is NSNull { return path }
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() where RequestFieldNames.all.contains(key) {
                if let found = firstNull(in: object[key]!, path: path.isEmpty ? key : path + "." + key) { return found }
            }
        } else if let array = value as? [Any] {
            for (index, element) in array.enumerated() {
                if let found = firstNull(in: element, path: path + "[\(index)]") { return found }
            }
        }
        return nil
    }
}
