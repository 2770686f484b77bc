import HTTPTypes

extension HTTPField.Name {
    /// `X-Request-ID`: correlates a request with the gateway's logs and error bodies.
    public static let requestID = HTTPField.Name("X-Request-ID")!
    /// `Idempotency-Key`: makes a POST safe to repeat.
    public static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    /// `Idempotent-Replayed`: set by the gateway when it answered from its idempotency store.
    public static let idempotentReplayed = HTTPField.Name("Idempotent-Replayed")!
}

extension HTTPRequest.Method {
    /// True for methods that may be repeated without changing the result.
    var isIdempotent: Bool {
        self == .get || self == .put || self == .delete || self == .head || self == .options
    }
}
