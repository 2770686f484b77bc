import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Turns every non-2xx answer into a thrown ``ShopError/server(_:)`` before the generated
/// decoder sees it, so the facade deals with one error type instead of one enum case per
/// documented status.
struct ProblemMiddleware: ClientMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let (response, responseBody) = try await next(request, body, baseURL)
        guard response.status.kind != .successful else { return (response, responseBody) }
        var data = Data()
        if let responseBody {
            data = (try? await Data(collecting: responseBody, upTo: 1024 * 1024)) ?? Data()
        }
        throw ShopError.server(ProblemMiddleware.problem(from: response, body: data,
                                                         requestID: request.headerFields[.requestID]))
    }

    /// Decodes problem+json; an answer without one (a proxy's HTML page, say) still yields
    /// problem details from its status.
    static func problem(from response: HTTPResponse, body: Data, requestID: String?) -> ProblemDetails {
        let retryAfter = response.headerFields[.retryAfter].flatMap { RetryAfter.seconds($0) }
        let echoedRequestID = response.headerFields[.requestID] ?? requestID
        if let wire = try? JSONDecoder().decode(Components.Schemas.Problem.self, from: body) {
            return ProblemDetails(
                status: response.status.code, type: wire._type, title: wire.title, detail: wire.detail,
                instance: wire.instance, requestID: wire.requestId ?? echoedRequestID,
                fieldErrors: (wire.errors ?? []).map { FieldError(field: $0.field, message: $0.message) },
                productID: wire.productId, available: wire.available, retryAfterSeconds: retryAfter)
        }
        return ProblemDetails(status: response.status.code, title: response.status.reasonPhrase,
                              requestID: echoedRequestID, retryAfterSeconds: retryAfter)
    }
}
