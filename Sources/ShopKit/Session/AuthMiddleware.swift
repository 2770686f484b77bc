import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Puts the right bearer token on each call (see ``OperationAccess``), starts a guest session
/// on demand, and after a 401 renews the session once and repeats the call once.
struct AuthMiddleware: ClientMiddleware {
    let sessions: SessionManager
    let adminToken: String?

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        switch OperationAccess.of(operationID: operationID) {
        case .anonymous:
            request.headerFields[.authorization] = nil
            return try await next(request, body, baseURL)
        case .admin:
            request.headerFields[.authorization] = adminToken.map { "Bearer \($0)" }
            return try await next(request, body, baseURL)
        case .guestMerge:
            if let guestToken = await sessions.guestTokenForMerge() {
                request.headerFields[.authorization] = "Bearer \(guestToken)"
            }
            return try await next(request, body, baseURL)
        case .session:
            let token = try await sessions.token()
            let body = try await HTTPBody.replayable(body)
            request.headerFields[.authorization] = "Bearer \(token)"
            let (response, responseBody) = try await next(request, body, baseURL)
            guard response.status == .unauthorized else { return (response, responseBody) }
            // Keep the 401's body: it is the answer if the session cannot be renewed.
            var rejection: HTTPBody?
            if let responseBody {
                rejection = HTTPBody(try await Data(collecting: responseBody, upTo: 1024 * 1024))
            }
            guard let renewed = try await sessions.renew(after: token) else {
                return (response, rejection)
            }
            request.headerFields[.authorization] = "Bearer \(renewed)"
            return try await next(request, body, baseURL)
        }
    }
}
