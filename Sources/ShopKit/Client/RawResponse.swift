import Foundation
import HTTPTypes

/// An answer of the gateway as it came off the wire: what ``ShopClient/withRawResponse(_:)``
/// answers beside the typed value, for the headers, the request id or fields this version of
/// ShopKit does not decode.
public struct RawResponse: Sendable, Hashable {
    /// The HTTP status, e.g. 200.
    public var status: Int
    /// The response's header fields (`Content-Type`, `Retry-After`, `X-Request-ID`, …).
    public var headers: HTTPFields
    /// The body as sent (JSON for every answer of the gateway; empty for 204).
    public var body: Data
    /// The operation of the contract that was called, e.g. `getProduct`.
    public var operationID: String

    /// Creates a raw response.
    public init(status: Int, headers: HTTPFields, body: Data, operationID: String) {
        self.status = status
        self.headers = headers
        self.body = body
        self.operationID = operationID
    }

    /// The request id the gateway echoed (`X-Request-ID`): quote it in a bug report.
    public var requestID: String? { headers[.requestID] }

    /// The body as text (UTF-8), for logging or a look at fields ShopKit does not decode.
    public var text: String { String(decoding: body, as: UTF8.self) }
}
