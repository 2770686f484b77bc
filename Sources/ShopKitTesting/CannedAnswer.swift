import Foundation
import ShopKit

/// One answer a ``StubTransport`` gives: a status, header fields and a body, as the gateway
/// would send them.
public struct CannedAnswer: Sendable {
    /// The HTTP status. It must be one the contract documents for the operation (201 for
    /// creations, 204 for deletions, 200 otherwise), or ShopKit refuses the answer.
    public var status: Int
    /// Header fields beside `Content-Type` (`Retry-After`, `X-Request-ID`, …).
    public var headers: HTTPFields
    /// The body.
    public var body: Data

    /// An answer with a raw body.
    public init(status: Int, headers: HTTPFields = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON answer, e.g. `.json(#"{"status":"ok","version":"1","time":"2026-01-01T00:00:00Z"}"#)`.
    public static func json(_ json: String, status: Int = 200, headers: HTTPFields = [:]) -> CannedAnswer {
        var fields = headers
        fields[.contentType] = "application/json"
        return CannedAnswer(status: status, headers: fields, body: Data(json.utf8))
    }

    /// An empty answer (204 by default), as for deletions.
    public static func noContent(status: Int = 204) -> CannedAnswer {
        CannedAnswer(status: status)
    }

    /// An error answer: RFC 9457 problem details as the gateway sends them, so the client
    /// throws ``ShopError/server(_:)`` with this ``ProblemCode``.
    /// - Parameters:
    ///   - code: The kind of problem, e.g. ``ProblemCode/cardDeclined``.
    ///   - status: The HTTP status, e.g. 402.
    ///   - detail: What went wrong, for people.
    ///   - retryAfter: Seconds to wait, sent as `Retry-After` (429 and 503).
    public static func problem(_ code: ProblemCode, status: Int, detail: String? = nil,
                               retryAfter: Int? = nil) -> CannedAnswer {
        var problem: [String: Any] = [
            "type": "https://shop.example/problems/\(code.rawValue)", "title": code.rawValue, "status": status,
        ]
        if let detail { problem["detail"] = detail }
        var fields: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfter { fields[.retryAfter] = String(retryAfter) }
        let body = (try? JSONSerialization.data(withJSONObject: problem, options: [.sortedKeys])) ?? Data()
        return CannedAnswer(status: status, headers: fields, body: body)
    }

    /// A guest session valid for a day, as `createGuestSession` answers it. ``StubTransport``
    /// gives it by default, since ShopKit starts a guest session before the first call that
    /// needs one.
    public static let guestSession = CannedAnswer.json("""
        {"token":"stub-guest-token","refreshToken":"stub-refresh-token","expiresAt":"2099-01-01T00:00:00Z",
         "user":{"id":"usr_stub_guest","isGuest":true,"createdAt":"2026-01-01T00:00:00Z"}}
        """, status: 201)
}
