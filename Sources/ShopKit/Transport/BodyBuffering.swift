import Foundation
import OpenAPIRuntime

/// Request bodies are small JSON documents; this bound only guards against a runaway stream.
let maximumBufferedBodyBytes = 8 * 1024 * 1024

extension HTTPBody {
    /// Reads the whole body into memory so the request can be sent more than once
    /// (a retry, or the retry after a token refresh).
    static func replayable(_ body: HTTPBody?) async throws -> HTTPBody? {
        guard let body else { return nil }
        if body.iterationBehavior == .multiple { return body }
        let data = try await Data(collecting: body, upTo: maximumBufferedBodyBytes)
        return HTTPBody(data)
    }
}
