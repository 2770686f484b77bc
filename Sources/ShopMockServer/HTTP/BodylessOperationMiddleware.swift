import Foundation
import Hummingbird

/// An operation whose contract has no `requestBody` takes none. A body sent to one is refused
/// 400 rather than ignored, unless it is empty (or only white space) or `{}`: HTTP clients and
/// tools send those when a POST has nothing to say (ShopKit sends no body at all).
///
/// Ignoring it hid client bugs: a guest-session POST with broken JSON was answered 201, and a
/// body meant for another operation (a refresh token sent to the guest endpoint) did nothing
/// without a word. The detail names the operation, and whether the body was even JSON.
struct BodylessOperationMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The most it collects (the guard has refused larger bodies before they get here).
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.declaresBody,
            let operation = RouteTable.operation(method: request.method.rawValue, path: request.uri.path),
            !RouteTable.operationsWithBody.contains(operation)
        else { return try await next(request, context) }
        var request = request
        let body = try await request.collectBody(upTo: maxBodyBytes)
        if let problem = Self.problem(with: Data(body.readableBytesView), operation: operation) { throw problem }
        return try await next(request, context)
    }

    /// Why `body` is refused for `operation`, which takes none; nil when it is empty or `{}`.
    static func problem(with body: Data, operation: String) -> GatewayProblem? {
        let whiteSpace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        if body.allSatisfy(whiteSpace.contains) { return nil }
        guard let value = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else {
            return .badRequest("\(operation) takes no request body, and the body sent is not valid JSON. Send none, or {}.")
        }
        if let object = value as? [String: Any], object.isEmpty { return nil }
        return .badRequest("\(operation) takes no request body. Send none, or {}.")
    }
}

extension Request {
    /// The request says it has a body: a `Content-Length` above zero, or a `Transfer-Encoding`.
    var declaresBody: Bool {
        if headers[.transferEncoding] != nil { return true }
        return headers[.contentLength].flatMap { Int($0) }.map { $0 > 0 } ?? false
    }
}
