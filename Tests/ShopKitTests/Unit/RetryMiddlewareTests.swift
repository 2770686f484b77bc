import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime
import Synchronization
import Testing
@testable import ShopKit

/// The retry layer on its own, against scripted answers instead of a server.
@Suite("RetryMiddleware")
struct RetryMiddlewareTests {
    enum Scripted: Sendable {
        case status(Int, retryAfter: String? = nil)
        case failure
    }

    struct ConnectionReset: Error {}

    /// Answers attempts from a script and remembers what each attempt sent.
    final class Script: Sendable {
        private let answers: Mutex<[Scripted]>
        private let sentBodies = Mutex<[String]>([])

        init(_ answers: [Scripted]) { self.answers = Mutex(answers) }

        var attempts: Int { sentBodies.withLock { $0.count } }
        var bodies: [String] { sentBodies.withLock { $0 } }

        func answer(_ request: HTTPRequest, _ body: HTTPBody?) async throws -> (HTTPResponse, HTTPBody?) {
            var sent = ""
            if let body { sent = try await String(collecting: body, upTo: 1 << 20) }
            sentBodies.withLock { $0.append(sent) }
            let next = answers.withLock { $0.isEmpty ? .status(200) : $0.removeFirst() }
            switch next {
            case .failure:
                throw ConnectionReset()
            case .status(let code, let retryAfter):
                var response = HTTPResponse(status: .init(code: code))
                if let retryAfter { response.headerFields[.retryAfter] = retryAfter }
                return (response, HTTPBody("{}"))
            }
        }
    }

    let middleware = RetryMiddleware(
        policy: RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(1), maxDelay: .seconds(1)),
        logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    let baseURL = URL(string: "http://127.0.0.1:1")!

    func send(_ method: HTTPRequest.Method, idempotencyKey: String? = nil, body: HTTPBody? = nil,
              through script: Script) async throws -> HTTPResponse {
        var request = HTTPRequest(method: method, scheme: "http", authority: "127.0.0.1", path: "/v1/x")
        if let idempotencyKey { request.headerFields[.idempotencyKey] = idempotencyKey }
        return try await middleware.intercept(request, body: body, baseURL: baseURL, operationID: "test") { request, body, _ in
            try await script.answer(request, body)
        }.0
    }

    /// A body that can be read only once, like a streamed upload.
    static func singlePassBody(_ text: String) -> HTTPBody {
        HTTPBody(AsyncStream { continuation in
            continuation.yield(ArraySlice(Array(text.utf8)))
            continuation.finish()
        }, length: .known(Int64(text.utf8.count)), iterationBehavior: .single)
    }

    @Test func aPostWithoutIdempotencyKeyIsNeverRepeated() async throws {
        let script = Script([.status(503), .status(200)])
        let response = try await send(.post, body: HTTPBody("{}"), through: script)
        #expect(response.status.code == 503)
        #expect(script.attempts == 1)
    }

    @Test func aPostWithAnIdempotencyKeyIsRepeatedWithTheSameBody() async throws {
        let script = Script([.status(503, retryAfter: "0"), .failure, .status(502), .status(201)])
        let response = try await send(.post, idempotencyKey: "k1", body: Self.singlePassBody(#"{"quantity":2}"#),
                                      through: script)
        #expect(response.status.code == 201)
        #expect(script.bodies == Array(repeating: #"{"quantity":2}"#, count: 4))
    }

    @Test("idempotent methods are retried", arguments: [HTTPRequest.Method.get, .put, .delete, .head])
    func idempotentMethods(method: HTTPRequest.Method) async throws {
        let script = Script([.failure, .status(429, retryAfter: "0"), .status(408), .status(200)])
        #expect(try await send(method, through: script).status.code == 200)
        #expect(script.attempts == 4)
    }

    @Test func givesUpAfterMaxAttempts() async throws {
        let script = Script(Array(repeating: .status(500), count: 10))
        #expect(try await send(.get, through: script).status.code == 500)
        #expect(script.attempts == 4)

        let failing = Script(Array(repeating: .failure, count: 10))
        await #expect(throws: ConnectionReset.self) { try await send(.get, through: failing) }
        #expect(failing.attempts == 4)
    }

    @Test("client errors are answers, not failures", arguments: [400, 401, 402, 404, 409, 422])
    func clientErrorsAreNotRetried(status: Int) async throws {
        let script = Script([.status(status), .status(200)])
        #expect(try await send(.get, through: script).status.code == status)
        #expect(script.attempts == 1)
    }

    @Test func aRetryAfterLongerThanMaxDelayEndsTheRetries() async throws {
        let script = Script([.status(503, retryAfter: "30"), .status(200)])
        #expect(try await send(.get, through: script).status.code == 503)
        #expect(script.attempts == 1)
    }

    @Test func aKeyStillInFlightIsAskedAgainUntilItReplays() async throws {
        let keyed = Script([.status(409, retryAfter: "0"), .status(409, retryAfter: "0"), .status(201)])
        #expect(try await send(.post, idempotencyKey: "k1", body: HTTPBody("{}"), through: keyed).status.code == 201)
        #expect(keyed.attempts == 3)
        // A 409 without Retry-After is a real conflict (stock, duplicates): an answer.
        let conflict = Script([.status(409), .status(201)])
        #expect(try await send(.post, idempotencyKey: "k2", body: HTTPBody("{}"), through: conflict).status.code == 409)
        #expect(conflict.attempts == 1)
        // Without a key nothing is repeated.
        let unkeyed = Script([.status(409, retryAfter: "0"), .status(201)])
        #expect(try await send(.post, body: HTTPBody("{}"), through: unkeyed).status.code == 409)
        #expect(unkeyed.attempts == 1)
    }

    @Test func aRetryAfterDateIsHonoured() async throws {
        let past = Script([.status(503, retryAfter: "Sun, 06 Nov 1994 08:49:37 GMT"), .status(200)])
        #expect(try await send(.get, through: past).status.code == 200)
        #expect(past.attempts == 2)
        let farAhead = Script([.status(503, retryAfter: "Fri, 31 Dec 9999 23:59:59 GMT"), .status(200)])
        #expect(try await send(.get, through: farAhead).status.code == 503)
        #expect(farAhead.attempts == 1)
    }

    @Test func everyContractOperationHasAnAccessRule() throws {
        let ids = try ContractCoverageTests.contractOperationIDs()
        let admin = ids.filter { OperationAccess.of(operationID: $0) == .admin }
        #expect(admin == ["adminCreateProduct", "adminUpdateProduct", "adminDeleteProduct", "adminListActivity",
                          "adminAdvanceClock", "adminKeySession"])
        #expect(OperationAccess.of(operationID: "signIn") == .guestMerge)
        #expect(OperationAccess.of(operationID: "register") == .guestMerge)
        #expect(OperationAccess.of(operationID: "placeOrder") == .session)
        #expect(OperationAccess.of(operationID: "listProducts") == .anonymous)
        #expect(OperationAccess.of(operationID: "refreshSession") == .anonymous)
    }
}
