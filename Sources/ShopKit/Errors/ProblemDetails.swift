/// An error answer of the gateway: RFC 9457 problem details plus the gateway's extensions.
public struct ProblemDetails: Sendable, Codable, Hashable {
    /// The HTTP status, e.g. 409.
    public var status: Int
    /// A URI naming the kind of problem, e.g. `https://shop.example/problems/out-of-stock`.
    public var type: String
    /// A short summary of the kind of problem.
    public var title: String
    /// What went wrong this time, for people.
    public var detail: String?
    /// The resource concerned.
    public var instance: String?
    /// The request id (`X-Request-ID`) to quote when reporting the problem.
    public var requestID: String?
    /// Field by field validation problems.
    public var fieldErrors: [FieldError]
    /// For stock conflicts: the product concerned.
    public var productID: String?
    /// For stock conflicts: the units that can still be had.
    public var available: Int?
    /// How long the gateway asked to wait before retrying (`Retry-After`), in seconds.
    public var retryAfterSeconds: Int?

    /// Creates problem details.
    public init(status: Int, type: String = "about:blank", title: String, detail: String? = nil,
                instance: String? = nil, requestID: String? = nil, fieldErrors: [FieldError] = [],
                productID: String? = nil, available: Int? = nil, retryAfterSeconds: Int? = nil) {
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.instance = instance
        self.requestID = requestID
        self.fieldErrors = fieldErrors
        self.productID = productID
        self.available = available
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The kind of problem: the last path segment of ``type``, e.g. ``ProblemCode/outOfStock``
    /// for `…/problems/out-of-stock`. Switch on it; a code this version does not know is
    /// ``ProblemCode/unknown(_:)``.
    public var code: ProblemCode {
        ProblemCode(rawValue: type.split(separator: "/").last.map(String.init) ?? type)
    }
}
