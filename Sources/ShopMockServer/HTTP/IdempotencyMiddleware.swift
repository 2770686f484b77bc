import Foundation
import Hummingbird
import HTTPTypes

/// `Idempotency-Key` on POST: the same key and body from the same caller replays the stored
/// response (`Idempotent-Replayed: true`), another body is 422, a duplicate still in flight
/// is 409. Only successful responses are stored, so a rejected request can be retried.
struct IdempotencyMiddleware<Context: RequestContext>: RouterMiddleware {
    static var keyField: HTTPField.Name { HTTPField.Name("Idempotency-Key")! }
    static var replayedField: HTTPField.Name { HTTPField.Name("Idempotent-Replayed")! }
    static var maxBodyBytes: Int { 1 << 20 }

    let store: GatewayStore

    /// Their responses hold session tokens, which never go to disk.
    static var tokenIssuingPaths: Set<String> { ["/v1/sessions/guest", "/v1/sessions", "/v1/sessions/refresh", "/v1/users"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post, let key = request.headers[Self.keyField] else {
            return try await next(request, context)
        }
        guard (1...255).contains(key.count) else {
            throw GatewayProblem.badRequest("Idempotency-Key must be 1 to 255 characters.", field: "Idempotency-Key")
        }
        // A new guest session proves nothing about its caller (no token, an empty body): a replay
        // would hand one anonymous caller's session to anyone who sends the same key. Each such
        // request starts its own session; a lost answer costs only an unused guest.
        if request.uri.path == "/v1/sessions/guest", case .anonymous = RequestScope.current.caller {
            return try await next(request, context)
        }
        if request.uri.path == "/v1/sessions/guest", case .rejected = RequestScope.current.caller {
            return try await next(request, context)
        }
        var request = request
        let body = try await request.collectBody(upTo: Self.maxBodyBytes)
        let hash = RequestFingerprint.hash(
            method: request.method.rawValue, path: request.uri.path, body: Data(body.readableBytesView))

        let scope = RequestScope.current
        switch await store.beginIdempotent(scope: scope.caller.idempotencyScope, key: key, requestHash: hash) {
        case .replay(let record):
            var headers: HTTPFields = [.contentType: record.contentType]
            headers[Self.replayedField] = "true"
            return Response(
                status: HTTPResponse.Status(code: record.status), headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: record.body)))
        case .reusedWithDifferentBody:
            throw GatewayProblem(
                slug: "idempotency-key-reused", title: "Idempotency key reused", status: 422,
                detail: "This Idempotency-Key was already used with a different request.")
        case .inFlight:
            // Retry-After tells a client this conflict passes: asked again, the key replays.
            var problem = GatewayProblem.conflict(
                "idempotency-key-in-flight", "Request in progress",
                "A request with this Idempotency-Key is still being handled; retry shortly.")
            problem.headers = [("Retry-After", "1")]
            throw problem
        case .proceed(let claim):
            var claimedScope = scope
            claimedScope.idempotencyClaim = claim
            let response: Response
            do {
                response = try await RequestScope.$current.withValue(claimedScope) { try await next(request, context) }
            } catch {
                await store.finishIdempotent(claim, status: 0, contentType: "", body: nil)
                throw error
            }
            let status = Int(response.status.code)
            guard (200..<300).contains(status) else {
                await store.finishIdempotent(claim, status: status, contentType: "", body: nil)
                return response
            }
            // Buffer the body so it can be stored before the response goes out.
            let collector = CollectingBodyWriter()
            var buffered = response
            try await response.body.write(collector)
            let data = Data(collector.buffer.readableBytesView)
            await store.finishIdempotent(
                claim, status: status, contentType: response.headers[.contentType] ?? "application/json", body: data,
                durable: !Self.tokenIssuingPaths.contains(request.uri.path))
            buffered.body = ResponseBody(byteBuffer: collector.buffer)
            return buffered
        }
    }
}

/// Gathers a response body in memory.
private final class CollectingBodyWriter: ResponseBodyWriter {
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var incoming = buffer
        self.buffer.writeBuffer(&incoming)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
