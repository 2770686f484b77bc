import Hummingbird

/// Makes the gateway slow or flaky on request, so clients can prove their retries:
/// a random delay in `latency`, and a `failRate` share of requests answered 503 with
/// `Retry-After` before they are handled. `/healthz` is never touched.
struct FaultInjectionMiddleware<Context: RequestContext>: RouterMiddleware {
    let latency: ClosedRange<Int>?
    let failRate: Double
    let retryAfterSeconds: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path != "/healthz" else { return try await next(request, context) }
        if let latency, latency.upperBound > 0 {
            try await Task.sleep(for: .milliseconds(Int.random(in: latency)))
        }
        if failRate > 0, Double.random(in: 0..<1) < failRate {
            throw GatewayProblem.serviceUnavailable(retryAfter: retryAfterSeconds)
        }
        return try await next(request, context)
    }
}
