import Foundation
import ShopKit

/// A request a ``StubTransport`` received, as ShopKit sent it.
public struct RecordedRequest: Sendable {
    /// The contract's operation id, e.g. `placeOrder`.
    public var operationID: String
    /// The HTTP method.
    public var method: HTTPRequest.Method
    /// The path and query, e.g. `/v1/products?limit=20`.
    public var path: String
    /// The header fields (`Authorization`, `Idempotency-Key`, `X-Request-ID`, …).
    public var headers: HTTPFields
    /// The body (empty when none was sent).
    public var body: Data

    /// The body as text (UTF-8).
    public var text: String { String(decoding: body, as: UTF8.self) }
}
