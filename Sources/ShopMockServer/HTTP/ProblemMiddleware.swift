import Foundation
import Hummingbird
import HTTPTypes
import Logging
import NIOCore
import OpenAPIRuntime

/// Turns every failure into `application/problem+json`: business problems as they are,
/// request decoding failures as 400, unknown routes as 404, wrong methods as 405, and
/// anything else as a logged 500.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger
    /// The body limit, named in the 413 for a body a middleware refused to collect.
    var maxBodyBytes = GatewayLimits().maxBodyBytes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = self.problem(for: error, request: request)
            return ProblemRendering.response(for: problem, scope: RequestScope.current)
        }
    }

    func problem(for error: any Error, request: Request) -> GatewayProblem {
        if let problem = error as? GatewayProblem { return problem }
        if let problem = limitProblem(error) ?? (error as? ServerError).flatMap({ limitProblem($0.underlyingError) }) {
            return problem
        }
        if let serverError = error as? ServerError {
            if let problem = serverError.underlyingError as? GatewayProblem { return problem }
            if serverError.operationInput == nil {
                // The generated code could not turn the request into typed input.
                return .badRequest(Self.describeDecodingFailure(serverError))
            }
            if serverError.operationOutput != nil {
                return GatewayProblem(
                    slug: "not-acceptable", title: "Not acceptable", status: 406,
                    detail: "The response cannot be given in a type the Accept header allows.")
            }
            return unexpected(serverError.underlyingError, request: request)
        }
        if let httpError = error as? HTTPError {
            if httpError.status == .notFound {
                if let allowed = RouteTable.allowedMethods(for: request.uri.path),
                    !allowed.contains(request.method.rawValue)
                {
                    return GatewayProblem(
                        slug: "method-not-allowed", title: "Method not allowed", status: 405,
                        detail: "\(request.method) is not allowed here; use \(allowed.joined(separator: ", ")).",
                        headers: [("Allow", allowed.joined(separator: ", "))])
                }
                return GatewayProblem(
                    slug: "route-not-found", title: "Not found", status: 404,
                    detail: "There is no route \(request.method) \(request.uri.path).")
            }
            let status = Int(httpError.status.code)
            if (400..<500).contains(status) {
                return GatewayProblem(
                    slug: "bad-request", title: httpError.status.reasonPhrase, status: status,
                    detail: httpError.body ?? httpError.status.reasonPhrase)
            }
        }
        return unexpected(error, request: request)
    }

    /// A body longer than a middleware collects: 413, never 500. (The connection's guard hands
    /// the router only whole bodies within the limit, so this is a backstop.)
    func limitProblem(_ error: any Error) -> GatewayProblem? {
        if error is NIOTooManyBytesError { return .payloadTooLarge(limit: maxBodyBytes) }
        return nil
    }

    private func unexpected(_ error: any Error, request: Request) -> GatewayProblem {
        logger.error(
            "Unexpected failure",
            metadata: ["request-id": "\(RequestScope.current.requestID)", "path": "\(request.uri.path)", "error": "\(error)"])
        return .internal()
    }

    /// A short, safe description: which field, and what was wrong (never the value itself).
    static func describeDecodingFailure(_ error: ServerError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return String(text.drop { $0 == "." })
        }
        switch error.underlyingError {
        case DecodingError.keyNotFound(let key, let context):
            let parent = path(context)
            return "The field \(parent.isEmpty ? "" : parent + ".")\(key.stringValue) is required."
        case DecodingError.typeMismatch(let type, let context):
            let field = path(context)
            // Parameters fail without a coding path, as does a body of the wrong shape.
            return field.isEmpty
                ? "A parameter or the body has the wrong type (expected \(describe(type)))."
                : "The field \(field) must be \(describe(type))."
        case DecodingError.valueNotFound(let type, let context):
            let field = path(context)
            return field.isEmpty
                ? "A required parameter is missing (expected \(describe(type)))."
                : "The field \(field) must be \(describe(type)), not null."
        case DecodingError.dataCorrupted(let context):
            let field = path(context)
            return field.isEmpty
                ? "The request body is not valid JSON, or a parameter is not a valid value."
                : "The value of \(field) is not valid."
        case is DecodingError:
            return "The request is malformed."
        default:
            // The runtime's own messages (missing header, unexpected content type) read well.
            return "The request is malformed: \(error.causeDescription)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is Bool.Type: "a boolean"
        default: "\(type)".contains("Array") ? "an array" : "an object"
        }
    }
}
