import ShopFlows
import ShopKit
import Testing

/// What each ShopKit error means to both front ends.
@Suite("Failure kinds")
struct FailureKindTests {
    static let table: [(ShopError, FailureKind)] = [
        (.transport("refused"), .unreachable),
        (.timeout, .unreachable),
        (.decoding("bad"), .other),
        (.cancelled, .other),
        (.server(ProblemDetails(status: 401, title: "Unauthorized")), .signInNeeded),
        (.server(ProblemDetails(status: 402, title: "Declined")), .paymentRefused),
        (.server(ProblemDetails(status: 404, title: "Not found")), .notFound),
        (.server(ProblemDetails(status: 409, type: "https://shop.example/problems/out-of-stock", title: "Out", available: 1)), .conflict),
        (.server(ProblemDetails(status: 409, type: "https://shop.example/problems/idempotency-key-in-flight", title: "Wait",
                                retryAfterSeconds: 1)), .unavailable),
        (.server(ProblemDetails(status: 422, title: "Invalid")), .invalidInput),
        (.server(ProblemDetails(status: 400, title: "Bad")), .invalidInput),
        (.server(ProblemDetails(status: 429, title: "Slow down")), .unavailable),
        (.server(ProblemDetails(status: 503, title: "Busy")), .unavailable),
        (.server(ProblemDetails(status: 418, title: "Teapot")), .other),
    ]

    @Test("Each error has its kind", arguments: table)
    func kind(_ error: ShopError, _ expected: FailureKind) {
        #expect(FailureKind(error) == expected)
    }
}
