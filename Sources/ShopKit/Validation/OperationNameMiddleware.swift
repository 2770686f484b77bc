import Foundation
import HTTPTypes
import OpenAPIRuntime
import Synchronization

/// The contract operation a ShopKit call ran, recorded by ``OperationNameMiddleware`` so the
/// answer's check can name it (`listProducts`, not the Swift method).
final class OperationName: Sendable {
    private let value = Mutex<String?>(nil)

    var name: String? { value.withLock { $0 } }

    func record(_ operationID: String) {
        value.withLock { if $0 == nil { $0 = operationID } }
    }

    /// The recorder of the call running in this task, set by ``Gateway/call(_:)``.
    @TaskLocal static var current: OperationName?
}

/// Notes the operation id of the call in the task's ``OperationName``.
struct OperationNameMiddleware: ClientMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        OperationName.current?.record(operationID)
        return try await next(request, body, baseURL)
    }
}
