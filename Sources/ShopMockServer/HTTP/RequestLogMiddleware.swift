import Foundation
import Hummingbird
import HTTPTypes
import Logging

/// Outermost: gives every request an id (the caller's `X-Request-ID` or a new one), echoes
/// it on every response, and logs one line per request — never bodies or Authorization.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    static var requestIDField: HTTPField.Name { HTTPField.Name("X-Request-ID")! }

    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let requestID = Self.acceptableID(request.headers[Self.requestIDField]) ?? "req_" + RandomToken.hex(byteCount: 8)
        let scope = RequestScope(requestID: requestID, path: request.uri.path)
        var response: Response
        do {
            response = try await RequestScope.$current.withValue(scope) { try await next(request, context) }
        } catch {
            // ProblemMiddleware converts everything; this is the last line of defence.
            logger.error("Unhandled error", metadata: ["request-id": "\(requestID)", "error": "\(error)"])
            response = ProblemRendering.response(for: .internal(), scope: scope)
        }
        response.headers[Self.requestIDField] = requestID
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info(
            "\(request.method) \(request.uri.path) \(response.status.code)",
            metadata: [
                "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(response.status.code)",
                "ms": "\(String(format: "%.1f", milliseconds))", "request-id": "\(requestID)",
            ])
        return response
    }

    /// A caller's id is kept when it is short printable ASCII (it goes back into a header).
    static func acceptableID(_ value: String?) -> String? {
        guard let value, (1...200).contains(value.count),
            value.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F })
        else { return nil }
        return value
    }
}
