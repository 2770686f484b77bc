import Foundation
import HTTPTypes
import OpenAPIRuntime
import Synchronization

/// A ClientMiddleware that remembers every attempt the client sends (it sits closest to the
/// network, so retries and the client's own session calls are seen too).
final class RequestRecorder: ClientMiddleware {
    struct Attempt: Sendable {
        var operationID: String
        var method: HTTPRequest.Method
        var idempotencyKey: String?
        var authorization: String?
        var status: Int?
    }

    private let attempts = Mutex<[Attempt]>([])

    var all: [Attempt] { attempts.withLock { $0 } }
    var operationIDs: Set<String> { Set(all.map(\.operationID)) }

    func attempts(of operationID: String) -> [Attempt] { all.filter { $0.operationID == operationID } }

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var attempt = Attempt(
            operationID: operationID, method: request.method,
            idempotencyKey: request.headerFields[HTTPField.Name("Idempotency-Key")!],
            authorization: request.headerFields[.authorization])
        do {
            let (response, responseBody) = try await next(request, body, baseURL)
            attempt.status = response.status.code
            attempts.withLock { $0.append(attempt) }
            return (response, responseBody)
        } catch {
            attempts.withLock { $0.append(attempt) }
            throw error
        }
    }
}
