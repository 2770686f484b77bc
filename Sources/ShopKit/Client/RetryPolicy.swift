/// When and how fast the client retries a failed request.
///
/// Only requests that are safe to repeat are retried: idempotent methods (GET, PUT, DELETE,
/// HEAD) and requests carrying an `Idempotency-Key` (the client adds one to every POST).
/// They are retried after connection failures, timeouts, 408, 429 and 5xx, with exponential
/// backoff: the ceiling after attempt *n* is `min(maxDelay, baseDelay × 2ⁿ⁻¹)`, and with
/// ``Jitter/full`` the actual wait is uniformly random in `0...ceiling` (so many clients that
/// failed together do not retry together). A `Retry-After` from the gateway replaces the
/// backoff; one longer than ``maxDelay`` ends the retries.
public struct RetryPolicy: Sendable, Hashable {
    /// How the wait is randomised.
    public enum Jitter: Sendable, Hashable {
        /// Wait exactly the backoff ceiling.
        case none
        /// Wait a uniformly random time between 0 and the backoff ceiling ("full jitter").
        case full
    }

    /// Attempts in all, the first included (1 disables retries).
    public var maxAttempts: Int
    /// The backoff ceiling after the first failed attempt.
    public var baseDelay: Duration
    /// The largest wait between attempts.
    public var maxDelay: Duration
    /// How the wait is randomised.
    public var jitter: Jitter

    /// Creates a retry policy.
    public init(maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(5),
                jitter: Jitter = .full) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
    }

    /// Four attempts, 200 ms base, 5 s cap, full jitter.
    public static let `default` = RetryPolicy()

    /// A single attempt: no retries.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The backoff ceiling after failed attempt `attempt` (1-based):
    /// `min(maxDelay, baseDelay × 2^(attempt−1))`.
    public func ceiling(afterAttempt attempt: Int) -> Duration {
        let exponent = max(0, min(attempt - 1, 30))  // 2^30 × anything sane is past any cap
        let backoff = baseDelay * (1 << exponent)
        return min(backoff, maxDelay)
    }

    /// How long to wait after failed attempt `attempt` (1-based) before the next one.
    /// A `Retry-After` (in seconds) replaces the backoff.
    public func delay(afterAttempt attempt: Int, retryAfter: Duration? = nil,
                      using generator: inout some RandomNumberGenerator) -> Duration {
        if let retryAfter { return retryAfter }
        let ceiling = ceiling(afterAttempt: attempt)
        switch jitter {
        case .none:
            return ceiling
        case .full:
            let ceilingNanoseconds = ceiling.nanoseconds
            guard ceilingNanoseconds > 0 else { return .zero }
            return .nanoseconds(Int64.random(in: 0...ceilingNanoseconds, using: &generator))
        }
    }

    /// ``delay(afterAttempt:retryAfter:using:)`` with the system random generator.
    public func delay(afterAttempt attempt: Int, retryAfter: Duration? = nil) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return delay(afterAttempt: attempt, retryAfter: retryAfter, using: &generator)
    }

    /// True when a `Retry-After` is short enough to wait for.
    public func accepts(retryAfter: Duration) -> Bool { retryAfter <= maxDelay }

    /// Statuses worth retrying: 408, 429 and 5xx.
    public static func isRetryableStatus(_ status: Int) -> Bool {
        status == 408 || status == 429 || (500...599).contains(status)
    }
}

extension Duration {
    /// The whole duration in nanoseconds (saturating).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : scaled + attoseconds / 1_000_000_000
    }
}
