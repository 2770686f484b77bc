import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

/// Logs one line per call at debug level: operation, method, path, status, duration and
/// request id. Never bodies or headers, which may hold tokens, passwords or card data.
struct LoggingMiddleware: ClientMiddleware {
    let logger: Logger

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let started = ContinuousClock.now
        var metadata: Logger.Metadata = [
            "operation": "\(operationID)", "method": "\(request.method.rawValue)",
            "path": "\(request.path?.split(separator: "?").first.map(String.init) ?? "")",
            "requestID": "\(request.headerFields[.requestID] ?? "-")",
        ]
        do {
            let (response, responseBody) = try await next(request, body, baseURL)
            metadata["status"] = "\(response.status.code)"
            metadata["duration"] = "\(ContinuousClock.now - started)"
            logger.debug("shop gateway call", metadata: metadata)
            return (response, responseBody)
        } catch {
            metadata["error"] = "\(ShopError.fromTransport(error))"
            metadata["duration"] = "\(ContinuousClock.now - started)"
            logger.debug("shop gateway call failed", metadata: metadata)
            throw error
        }
    }
}
