import Foundation
import HTTPTypes
import OpenAPIRuntime
import Synchronization

/// Records the answers of the calls made inside ``ShopClient/withRawResponse(_:)``. Sits
/// closest to the transport, so it sees each attempt as the gateway sent it; outside such a
/// call (no recorder in the task) it passes answers through untouched and unbuffered.
struct RawResponseMiddleware: ClientMiddleware {
    /// The answers of the current `withRawResponse` scope, in order.
    final class Recorder: Sendable {
        private let answers = Mutex<[RawResponse]>([])

        func record(_ answer: RawResponse) { answers.withLock { $0.append(answer) } }

        /// The last answer recorded: the final attempt of the scope's last call.
        var last: RawResponse? { answers.withLock { $0.last } }
    }

    @TaskLocal static var recorder: Recorder?

    /// Bodies larger than this are not recorded whole (the gateway's are a few KiB).
    static let bodyLimit = 16 * 1024 * 1024

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let (response, responseBody) = try await next(request, body, baseURL)
        guard let recorder = RawResponseMiddleware.recorder else { return (response, responseBody) }
        let data = if let responseBody { try await Data(collecting: responseBody, upTo: Self.bodyLimit) } else { Data() }
        recorder.record(RawResponse(status: response.status.code, headers: response.headerFields, body: data,
                                    operationID: operationID))
        return (response, responseBody == nil ? nil : HTTPBody(data))
    }
}
