import Foundation
import HTTPTypes
import OpenAPIRuntime
import ShopKit
import Synchronization
import Testing

/// How gateway answers become `ShopError`s, with a scripted stand-in for the network (a
/// configured middleware sits closest to the network, so it can answer instead of it).
@Suite("Error mapping")
struct ErrorMappingTests {
    /// Answers every request with the same status, content type and body, counting attempts.
    final class CannedAnswer: ClientMiddleware {
        let status: Int
        let contentType: String
        let body: String
        let headers: HTTPFields
        private let count = Mutex(0)
        var attempts: Int { count.withLock { $0 } }

        init(status: Int, contentType: String = "application/problem+json", body: String, headers: HTTPFields = [:]) {
            self.status = status
            self.contentType = contentType
            self.body = body
            self.headers = headers
        }

        func intercept(
            _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
            next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
        ) async throws -> (HTTPResponse, HTTPBody?) {
            count.withLock { $0 += 1 }
            var fields = headers
            fields[.contentType] = contentType
            return (HTTPResponse(status: .init(code: status), headerFields: fields), HTTPBody(self.body))
        }
    }

    func client(answering canned: CannedAnswer) -> ShopClient {
        ShopClient(configuration: ShopClientConfiguration(
            baseURL: URL(string: "http://127.0.0.1:1")!,
            retryPolicy: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1)), middlewares: [canned]))
    }

    @Test func aStockConflictCarriesTheProblemDetails() async throws {
        let canned = CannedAnswer(status: 409, body: """
            {"type":"https://shop.example/problems/out-of-stock","title":"Out of stock","status":409,
             "detail":"Only 3 left of Bamboo Cutting Board.","requestId":"req-1","productId":"p003","available":3}
            """)
        let client = client(answering: canned)
        let error = await #expect(throws: ShopError.self) { try await client.catalog.categories() }
        try await client.shutdown()
        #expect(error?.problem == ProblemDetails(
            status: 409, type: "https://shop.example/problems/out-of-stock", title: "Out of stock",
            detail: "Only 3 left of Bamboo Cutting Board.", requestID: "req-1", productID: "p003", available: 3))
        #expect(error?.problem?.code == .outOfStock)
        #expect(error?.isStockConflict == true)
        #expect(error?.userMessage == "Only 3 left of Bamboo Cutting Board.")
        #expect(canned.attempts == 1, "a conflict is not retried")
    }

    @Test func fieldErrorsComeFirstInTheUserMessage() async throws {
        let canned = CannedAnswer(status: 422, body: """
            {"type":"about:blank","title":"Validation failed","status":422,"detail":"card.number: Credit card info is invalid",
             "errors":[{"field":"card.number","message":"Credit card info is invalid"}]}
            """)
        let client = client(answering: canned)
        let error = await #expect(throws: ShopError.self) { try await client.catalog.categories() }
        try await client.shutdown()
        #expect(error?.fieldErrors == [FieldError(field: "card.number", message: "Credit card info is invalid")])
        #expect(error?.userMessage == "Credit card info is invalid")
    }

    @Test func aNonProblemErrorPageStillBecomesAShopErrorAndIsRetried() async throws {
        let canned = CannedAnswer(status: 502, contentType: "text/html", body: "<html>Bad gateway</html>",
                                  headers: [HTTPField.Name("X-Request-ID")!: "req-proxy"])
        let client = client(answering: canned)
        let error = await #expect(throws: ShopError.self) { try await client.catalog.categories() }
        try await client.shutdown()
        #expect(error?.status == 502)
        #expect(error?.requestID == "req-proxy")
        #expect(error?.isRetryable == true)
        #expect(error?.userMessage == "The shop is busy right now. Please try again in a moment.")
        #expect(canned.attempts == 3)
    }

    @Test func anAnswerOutsideTheContractIsADecodingError() async throws {
        let canned = CannedAnswer(status: 200, contentType: "application/json", body: #"{"items": 42}"#)
        let client = client(answering: canned)
        let error = await #expect(throws: ShopError.self) { try await client.catalog.categories() }
        try await client.shutdown()
        if case .decoding = error {} else { Issue.record("expected a decoding error, got \(String(describing: error))") }
        #expect(error?.isRetryable == false)
    }
}
