import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Adds a fresh `Idempotency-Key` to every POST that has none, so the retry layer below may
/// repeat it: the gateway answers a repeat with the stored response instead of doing it twice.
/// A key given by the caller (place order) is kept as is.
struct IdempotencyKeyMiddleware: ClientMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        if request.method == .post && request.headerFields[.idempotencyKey] == nil {
            request.headerFields[.idempotencyKey] = IdempotencyKey.make()
        }
        return try await next(request, body, baseURL)
    }
}

/// Idempotency keys: random and unique per logical request.
enum IdempotencyKey {
    static func make() -> String { UUID().uuidString.lowercased() }
}
