import Foundation
import ShopKit
import Synchronization

/// Every attempt a client sends, seen closest to the network (retries and the client's own
/// session calls are each one entry): when it went out, when its head and the end of its body
/// came back, and how it ended. A test that waits too long prints the attempts still out, so
/// a wait names the request it waits for and the phase it is stuck in.
final class RequestTrail: ClientMiddleware, Sendable {
    struct Attempt: Sendable {
        var operationID: String
        var method: String
        var path: String
        var requestID: String?
        var sent: ContinuousClock.Instant
        var head: ContinuousClock.Instant?
        var ended: ContinuousClock.Instant?
        /// The status, or the error that ended the attempt.
        var outcome: String?

        /// One line for a failure message: the request, its id and where it is stuck.
        func line(now: ContinuousClock.Instant) -> String {
            let phase = head == nil ? "no answer yet" : "head came back after \(Self.seconds(head! - sent)), body still arriving"
            return "\(method) \(path) (\(operationID), \(requestID ?? "no id")): sent \(Self.seconds(now - sent)) ago, \(phase)"
        }

        static func seconds(_ duration: Duration) -> String {
            let (seconds, attoseconds) = duration.components
            let tenths = (seconds * 10) + attoseconds / 100_000_000_000_000_000
            return "\(tenths / 10).\(tenths % 10) s"
        }
    }

    private let attempts = Mutex<[Attempt]>([])

    /// Attempts that have not ended, oldest first.
    func outstanding() -> [Attempt] {
        attempts.withLock { $0.filter { $0.ended == nil } }
    }

    /// How many attempts went out.
    var count: Int { attempts.withLock { $0.count } }

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let index = attempts.withLock { attempts in
            attempts.append(Attempt(
                operationID: operationID, method: request.method.rawValue, path: request.path ?? "",
                requestID: request.headerFields[HTTPField.Name("X-Request-ID")!], sent: .now))
            return attempts.count - 1
        }
        do {
            let (response, responseBody) = try await next(request, body, baseURL)
            attempts.withLock { $0[index].head = .now }
            // Read the body here, so its end is seen (the retry layer above reads it whole anyway).
            let data = if let responseBody { try await Data(collecting: responseBody, upTo: 16 * 1024 * 1024) } else { Data() }
            attempts.withLock {
                $0[index].ended = .now
                $0[index].outcome = "\(response.status.code)"
            }
            return (response, responseBody == nil ? nil : HTTPBody(data))
        } catch {
            attempts.withLock {
                $0[index].ended = .now
                $0[index].outcome = "\(error)"
            }
            throw error
        }
    }
}
