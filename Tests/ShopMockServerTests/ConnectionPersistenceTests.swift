import Testing
@testable import ShopMockServer

/// When the gateway closes a connection after a response (RFC 9112 §9.3, §9.6): after a request
/// with the `close` option, in any case or list, and after an HTTP/1.0 request without
/// `keep-alive`. The idle timeout here is the test gateway's five minutes, far past
/// ``RawConnection/patience``: a connection left open until then fails the test instead of
/// ending it, so every assertion is on the end of the stream, none on time.
@Suite struct ConnectionPersistenceTests {
    static func request(_ path: String, version: String = "HTTP/1.1", _ fields: [String] = []) -> String {
        ([["GET \(path) \(version)"], version == "HTTP/1.1" ? ["Host: shop"] : [], fields].flatMap { $0 })
            .joined(separator: "\r\n") + "\r\n\r\n"
    }

    /// The requests after which the connection ends. `/v1/categories` is a catalog read, which
    /// the read cache answers on the connection's event loop when it can.
    static let closingRequests = [
        request("/healthz", version: "HTTP/1.0"),
        request("/v1/categories", version: "HTTP/1.0"),
        request("/healthz", ["Connection: close"]),
        request("/healthz", ["Connection: Close"]),
        request("/v1/categories", ["Connection: TE, close"]),
    ]

    @Test(arguments: closingRequests)
    func theResponseIsFollowedByTheEndOfTheStream(request: String) async throws {
        try await TestGateway.with { gateway in
            let bytes = try await RawConnection.with(port: gateway.running.port) { connection in
                try await connection.send(request)
                return try await connection.readUntilClosed()
            }
            var rest = bytes
            let response = RawResponse.parse(&rest)
            #expect(response?.status == 200)
            #expect(response?.header("Connection") == "close")
            #expect(rest.isEmpty)
        }
    }

    /// A request pipelined behind one that ends the connection is not processed, nor answered
    /// (it was answered 400, "not valid HTTP/1.1", after the first response).
    @Test(arguments: [
        request("/healthz", version: "HTTP/1.0"),
        request("/healthz", ["Connection: close"]),
    ])
    func aRequestAfterTheLastOneIsNotAnswered(first: String) async throws {
        try await TestGateway.with { gateway in
            let bytes = try await RawConnection.with(port: gateway.running.port) { connection in
                try await connection.send(first + Self.request("/v1/categories"))
                return try await connection.readUntilClosed()
            }
            var rest = bytes
            #expect(RawResponse.parse(&rest)?.status == 200)
            #expect(rest.isEmpty, "\(String(decoding: rest, as: UTF8.self))")
        }
    }

    /// HTTP/1.0 with `keep-alive` persists, and each response says so (a 1.0 client assumes the
    /// connection ends otherwise); HTTP/1.1 persists by default and says nothing.
    @Test(arguments: [("HTTP/1.0", ["Connection: keep-alive"], "keep-alive"), ("HTTP/1.1", [], nil)])
    func aPersistentConnectionServesTheNextRequest(version: String, fields: [String], echoed: String?) async throws {
        try await TestGateway.with { gateway in
            let answers = try await RawConnection.with(port: gateway.running.port) { connection in
                var answers: [RawResponse?] = []
                for path in ["/healthz", "/v1/categories", "/v1/categories"] {
                    try await connection.send(Self.request(path, version: version, fields))
                    answers.append(try await connection.readResponse())
                }
                return answers
            }
            #expect(answers.map { $0?.status } == [200, 200, 200])
            #expect(answers.map { $0?.header("Connection") } == [echoed, echoed, echoed])
        }
    }
}
