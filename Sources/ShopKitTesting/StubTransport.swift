import Foundation
import ShopKit
import Synchronization

/// A transport that answers ShopKit's requests from canned answers instead of a gateway, so a
/// tool built on ShopKit can be tested without one.
///
/// ```swift
/// let stub = StubTransport()
/// stub.answer("getProduct", with: .json(productJSON))
/// stub.answer("placeOrder", with: .problem(.cardDeclined, status: 402, detail: "Your card was declined."))
/// let client = ShopClient(configuration: .init(baseURL: URL(string: "http://stub")!), transport: stub)
/// // … run the code under test with `client`, then:
/// #expect(stub.requests.map(\.operationID) == ["createGuestSession", "getProduct", "placeOrder"])
/// ```
///
/// Answers are given per operation of the contract (its `operationId`), in the order they were
/// added; the last one of an operation is repeated once the others are used. A guest session
/// (``CannedAnswer/guestSession``) is answered unless you give `createGuestSession` answers of
/// your own. A request without an answer fails with ``ShopError/transport(_:)`` naming the
/// operation, so a missing answer shows in the test.
public final class StubTransport: ClientTransport, Sendable {
    private struct State {
        var answers: [String: [CannedAnswer]] = [:]
        var requests: [RecordedRequest] = []
    }

    /// The error a request without a canned answer fails with.
    public struct NoCannedAnswer: Error, CustomStringConvertible {
        /// The operation that had no answer.
        public var operationID: String
        public var description: String { "StubTransport has no canned answer for \(operationID)" }
    }

    private let state = Mutex(State())

    /// Creates a stub that answers only guest sessions until you add answers.
    public init() {}

    /// Adds answers to `operationID` (e.g. `"searchProducts"`), given in this order.
    public func answer(_ operationID: String, with answers: CannedAnswer...) {
        state.withLock { $0.answers[operationID, default: []] += answers }
    }

    /// Every request received so far, in order.
    public var requests: [RecordedRequest] {
        state.withLock { $0.requests }
    }

    /// The requests of one operation, in order.
    public func requests(of operationID: String) -> [RecordedRequest] {
        requests.filter { $0.operationID == operationID }
    }

    public func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let sent = if let body { try await Data(collecting: body, upTo: 16 * 1024 * 1024) } else { Data() }
        let recorded = RecordedRequest(operationID: operationID, method: request.method, path: request.path ?? "",
                                       headers: request.headerFields, body: sent)
        let answer = state.withLock { state -> CannedAnswer? in
            state.requests.append(recorded)
            guard var queue = state.answers[operationID], let first = queue.first else {
                return operationID == "createGuestSession" ? CannedAnswer.guestSession : nil
            }
            if queue.count > 1 { queue.removeFirst() }
            state.answers[operationID] = queue
            return first
        }
        guard let answer else { throw NoCannedAnswer(operationID: operationID) }
        var fields = answer.headers
        // The gateway echoes the request id; so does the stub.
        if fields[.requestID] == nil, let requestID = request.headerFields[.requestID] {
            fields[.requestID] = requestID
        }
        return (HTTPResponse(status: .init(code: answer.status), headerFields: fields),
                answer.body.isEmpty ? nil : HTTPBody(answer.body))
    }
}
