import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Gives every call an `X-Request-ID` (kept across its retries) so a failure can be traced in
/// the gateway's logs; the gateway repeats it in error bodies.
struct RequestIDMiddleware: ClientMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        if request.headerFields[.requestID] == nil {
            request.headerFields[.requestID] = UUID().uuidString.lowercased()
        }
        return try await next(request, body, baseURL)
    }
}
