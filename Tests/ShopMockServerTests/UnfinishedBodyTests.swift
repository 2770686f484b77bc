import Foundation
import GRDB
import Testing
@testable import ShopMockServer

/// A request whose declared body never fully arrives is answered 408 and has no effect, whether
/// or not its route reads the body; a whole request is served as before (split across reads,
/// chunked, pipelined, with `Expect: 100-continue`). Over raw sockets: no HTTP client sends
/// half a body.
@Suite struct UnfinishedBodyTests {
    /// Only the body timeout is short: an idle timer must not race the 408 under load.
    static func shortBodyTimeout(_ configuration: inout GatewayConfiguration) {
        configuration.limits.requestBodyTimeout = .seconds(1)
    }

    static let json = "Content-Type: application/json"

    static func head(_ method: String, _ path: String, token: String? = nil, _ fields: [String] = []) -> String {
        var lines = ["\(method) \(path) HTTP/1.1", "Host: shop"] + fields
        if let token { lines.append("Authorization: Bearer \(token)") }
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }

    /// Sends `text`, then waits for the answer until the gateway closes.
    static func sendAndWait(_ text: String, port: Int) async throws -> RawResponse? {
        try await RawConnection.with(port: port) { connection in
            try await connection.send(text)
            return RawResponse.first(in: try await connection.readUntilClosed())
        }
    }

    static func expectTimedOut(_ answer: RawResponse?) {
        #expect(answer?.status == 408)
        #expect(answer?.problemSlug == "request-timeout")
        #expect(answer?.header("Connection") == "close")
        #expect(answer?.header("Content-Type") == "application/problem+json")
    }

    /// The guest route reads no body: it answered 201 before the body was due, and the guest
    /// existed. Counted in the database, beside a whole request that does create one. Without a
    /// JSON content type no middleware read the body either; with one, a middleware did.
    @Test(arguments: [[], ["Content-Type: application/json"], ["Content-Type: text/plain"]])
    func aGuestSessionWhoseBodyNeverArrivesIsNotCreated(fields: [String]) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shop-unfinished-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await TestGateway.with({ Self.shortBodyTimeout(&$0); $0.dataDirectory = directory }) { gateway in
            let port = gateway.running.port
            let cut = try await Self.sendAndWait(Self.head("POST", "/v1/sessions/guest", fields + ["Content-Length: 5"]) + "{\"a", port: port)
            Self.expectTimedOut(cut)
            let whole = try await Self.sendAndWait(
                Self.head("POST", "/v1/sessions/guest", ["Content-Length: 2", "Connection: close"]) + "{}", port: port)
            #expect(whole?.status == 201)
        }
        let database = try DatabaseQueue(path: (directory as NSString).appendingPathComponent("gateway.sqlite"))
        defer { try? database.close() }
        let guests = try await database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM users WHERE is_guest = 1") }
        #expect(guests == 1)
    }

    /// An unauthenticated add (not declared JSON, so no middleware read its body) was answered
    /// 401 before its body was due; now it waits for it.
    @Test(arguments: [[], ["Content-Type: application/json"]])
    func anUnauthenticatedAddWhoseBodyNeverArrivesIs408Not401(fields: [String]) async throws {
        try await TestGateway.with(Self.shortBodyTimeout) { gateway in
            let answer = try await Self.sendAndWait(
                Self.head("POST", "/v1/cart/items", fields + ["Content-Length: 50"]) + "{\"productId\":", port: gateway.running.port)
            Self.expectTimedOut(answer)
        }
    }

    @Test func anAddWhoseBodyStopsShortLeavesTheCartAlone() async throws {
        try await TestGateway.with(Self.shortBodyTimeout) { gateway in
            let token = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            let body = "{\"productId\":\"\(product.id)\",\"quantity\":3}"
            let answer = try await Self.sendAndWait(
                Self.head("POST", "/v1/cart/items", token: token, [Self.json, "Content-Length: \(body.utf8.count + 1)"]) + body,
                port: gateway.running.port)
            Self.expectTimedOut(answer)
            let cart = try await gateway.get("/v1/cart", token: token)
            #expect(cart.status == 200)
            #expect((cart.object["lines"] as? [Any])?.isEmpty == true, "\(cart.text)")
        }
    }

    /// A chunked body without its last chunk never ends either.
    @Test func aChunkedBodyThatNeverEndsIs408() async throws {
        try await TestGateway.with(Self.shortBodyTimeout) { gateway in
            let answer = try await Self.sendAndWait(
                Self.head("POST", "/v1/sessions/guest", ["Transfer-Encoding: chunked"]) + "2\r\n{}\r\n", port: gateway.running.port)
            Self.expectTimedOut(answer)
        }
    }

    /// Whole requests, as clients send them: a body in several writes, a chunked body, and
    /// three pipelined requests in one write, answered in order on one kept-alive connection.
    @Test func wholeRequestsAreServedAsBefore() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.guestToken()
            let product = try await gateway.anyProduct()
            let body = "{\"productId\":\"\(product.id)\",\"quantity\":1}"
            let port = gateway.running.port
            let answers = try await RawConnection.with(port: port) { connection in
                var answers: [RawResponse?] = []
                // The body in three writes.
                try await connection.send(Self.head("POST", "/v1/cart/items", token: token, [Self.json, "Content-Length: \(body.utf8.count)"]))
                try await connection.send(String(body.prefix(10)))
                try await connection.send(String(body.dropFirst(10)))
                answers.append(try await connection.readResponse())
                // Chunked, in two chunks.
                let half = body.utf8.count / 2
                try await connection.send(
                    Self.head("POST", "/v1/cart/items", token: token, [Self.json, "Transfer-Encoding: chunked"])
                        + String(half, radix: 16) + "\r\n" + body.prefix(half) + "\r\n"
                        + String(body.utf8.count - half, radix: 16) + "\r\n" + body.dropFirst(half) + "\r\n0\r\n\r\n")
                answers.append(try await connection.readResponse())
                // Pipelined: a guest session, a read, an add, in one write.
                try await connection.send(
                    Self.head("POST", "/v1/sessions/guest", ["Content-Length: 2"]) + "{}"
                        + "GET /healthz HTTP/1.1\r\nHost: shop\r\n\r\n"
                        + Self.head("POST", "/v1/cart/items", token: token, [Self.json, "Content-Length: \(body.utf8.count)"]) + body)
                for _ in 0..<3 { answers.append(try await connection.readResponse()) }
                return answers
            }
            #expect(answers.map { $0?.status } == [200, 200, 201, 200, 200])
            #expect(answers.allSatisfy { $0?.header("Connection") != "close" })
            let lines = answers[4]?.object["lines"] as? [[String: Any]]
            #expect(lines?.first?["quantity"] as? Int == 3, "three adds of one")
        }
    }

    /// `Expect: 100-continue`: the body is asked for, and the interim answer never overtakes the
    /// answer to an earlier pipelined request (held back here by injected latency).
    @Test func expectContinueIsAnsweredInOrder() async throws {
        try await TestGateway.with({ $0.latency = 300...300 }) { gateway in
            let answers = try await RawConnection.with(port: gateway.running.port) { connection in
                try await connection.send(
                    "GET /v1/categories HTTP/1.1\r\nHost: shop\r\n\r\n"
                        + Self.head("POST", "/v1/sessions/guest", ["Content-Length: 2", "Expect: 100-continue"]))
                let first = try await connection.readResponse()
                let interim = try await connection.readResponse()
                try await connection.send("{}")
                return [first, interim, try await connection.readResponse()]
            }
            #expect(answers.map { $0?.status } == [200, 100, 201])
        }
    }

    /// The `Date` header: RFC 9110's IMF-fixdate, the second the answer was written (between the
    /// seconds the request left and the answer came back), twice a second apart: on the router's
    /// answers, and on catalog reads (the second one answered from the read cache).
    @Test(arguments: ["/healthz", "/v1/categories"])
    func theDateHeaderIsCurrent(path: String) async throws {
        try await TestGateway.with { gateway in
            for round in 0..<2 {
                if round == 1 { try await Task.sleep(for: .milliseconds(1100)) }  // into another second
                let sent = Date().timeIntervalSince1970.rounded(.down)
                let response = try await gateway.get(path)
                let received = Date().timeIntervalSince1970
                let text = try #require(response.header("Date"))
                let formatter = Self.imfFixdate()
                let date = try #require(formatter.date(from: text), "\(text)")
                #expect(formatter.string(from: date) == text)
                #expect((sent...received).contains(date.timeIntervalSince1970), "\(text)")
            }
        }
    }

    static func imfFixdate() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }
}
