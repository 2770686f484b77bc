import Hummingbird
import Logging

/// Outermost: gives every request an id (the caller's `X-Request-ID` or a new one), echoes
/// it on every response, and logs one line per request (see ``RequestLog``).
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let requestID = RequestLog.requestID(from: request.headers)
        let scope = RequestScope(requestID: requestID, path: request.uri.path)
        var response: Response
        do {
            response = try await RequestScope.$current.withValue(scope) { try await next(request, context) }
        } catch {
            // ProblemMiddleware converts everything; this is the last line of defence.
            logger.error("Unhandled error", metadata: ["request-id": "\(requestID)", "error": "\(error)"])
            response = ProblemRendering.response(for: .internal(), scope: scope)
        }
        response.headers[RequestLog.requestIDField] = requestID
        RequestLog.record(
            logger, method: request.method, path: request.uri.path, status: response.status, requestID: requestID,
            since: started)
        return response
    }
}
