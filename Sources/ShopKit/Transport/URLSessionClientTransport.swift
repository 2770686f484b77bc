import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import OpenAPIRuntime

/// Carries ShopKit's requests over Foundation's `URLSession`: the default transport on Apple
/// platforms, and available on Linux for tools that already use `URLSession`.
///
/// ```swift
/// let client = ShopClient(configuration: configuration, transport: URLSessionClientTransport())
/// ```
///
/// Bodies are sent and received whole (the gateway's are small JSON documents). Each request
/// is given ``ShopClientConfiguration/timeout`` as its `timeoutInterval` when made by
/// ``ShopClient``; a `URLError.timedOut` becomes ``ShopError/timeout``.
public struct URLSessionClientTransport: ClientTransport {
    /// The session requests go through.
    public let session: URLSession
    /// How long one request may wait for data before it fails.
    public let timeout: Duration
    /// The largest request body sent (larger bodies fail before anything is sent).
    private static let maximumRequestBody = 4 * 1024 * 1024

    /// Creates a transport over `session` (the shared session by default).
    public init(session: URLSession = .shared, timeout: Duration = .seconds(15)) {
        self.session = session
        self.timeout = timeout
    }

    public func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var urlRequest = URLRequest(url: try Self.url(of: request, baseURL: baseURL))
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.timeoutInterval = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        for field in request.headerFields {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name.canonicalName)
        }
        if let body {
            urlRequest.httpBody = try await Data(collecting: body, upTo: Self.maximumRequestBody)
        }
        let (data, response) = try await session.data(for: urlRequest)
        guard let httpResponse = response as? HTTPURLResponse else {
            throw URLError(.badServerResponse)
        }
        var fields = HTTPFields()
        for case let (name as String, value as String) in httpResponse.allHeaderFields {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        let answer = HTTPResponse(status: .init(code: httpResponse.statusCode), headerFields: fields)
        return (answer, data.isEmpty ? nil : HTTPBody(data))
    }

    /// The base URL with the request's path and query (already percent-encoded) appended.
    static func url(of request: HTTPRequest, baseURL: URL) throws -> URL {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false),
              let requested = URLComponents(string: request.path ?? "") else {
            throw URLError(.badURL)
        }
        components.percentEncodedPath += requested.percentEncodedPath
        components.percentEncodedQuery = requested.percentEncodedQuery
        guard let url = components.url else { throw URLError(.badURL) }
        return url
    }
}
