import ShopKit
import ShopTestSupport
import Testing

@Suite("RetryPolicy")
struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 6, baseDelay: .milliseconds(100), maxDelay: .seconds(1), jitter: .none)

    @Test func ceilingDoublesUpToTheCap() {
        #expect(policy.ceiling(afterAttempt: 1) == .milliseconds(100))
        #expect(policy.ceiling(afterAttempt: 2) == .milliseconds(200))
        #expect(policy.ceiling(afterAttempt: 3) == .milliseconds(400))
        #expect(policy.ceiling(afterAttempt: 4) == .milliseconds(800))
        #expect(policy.ceiling(afterAttempt: 5) == .seconds(1))
        #expect(policy.ceiling(afterAttempt: 60) == .seconds(1))
    }

    @Test func withoutJitterTheDelayIsTheCeiling() {
        var generator = SplitMix64(seed: 1)
        #expect(policy.delay(afterAttempt: 3, using: &generator) == .milliseconds(400))
    }

    @Test func fullJitterStaysWithinZeroAndTheCeilingAndSpreads() {
        var jittered = policy
        jittered.jitter = .full
        var generator = SplitMix64(seed: 42)
        for attempt in 1...6 {
            var seen = Set<Duration>()
            for _ in 0..<200 {
                let delay = jittered.delay(afterAttempt: attempt, using: &generator)
                #expect(delay >= .zero)
                #expect(delay <= jittered.ceiling(afterAttempt: attempt))
                seen.insert(delay)
            }
            #expect(seen.count > 150, "full jitter should spread the waits")
        }
    }

    @Test func retryAfterReplacesTheBackoff() {
        var generator = SplitMix64(seed: 7)
        #expect(policy.delay(afterAttempt: 4, retryAfter: .seconds(0), using: &generator) == .zero)
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(1), using: &generator) == .seconds(1))
        #expect(policy.accepts(retryAfter: .seconds(1)))
        #expect(!policy.accepts(retryAfter: .seconds(2)))
    }

    @Test func retryableStatuses() {
        for status in [408, 429, 500, 502, 503, 504] { #expect(RetryPolicy.isRetryableStatus(status)) }
        for status in [200, 400, 401, 402, 404, 409, 422] { #expect(!RetryPolicy.isRetryableStatus(status)) }
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
        #expect(RetryPolicy.none.maxAttempts == 1)
    }

    @Test func errorsKnowWhetherTheyAreRetryable() {
        #expect(ShopError.timeout.isRetryable)
        #expect(ShopError.transport("reset").isRetryable)
        #expect(ShopError.server(ProblemDetails(status: 503, title: "Unavailable")).isRetryable)
        #expect(!ShopError.server(ProblemDetails(status: 409, title: "Conflict")).isRetryable)
        #expect(!ShopError.cancelled.isRetryable)
        #expect(!ShopError.decoding("x").isRetryable)
        #expect(ShopError.server(ProblemDetails(status: 503, title: "Unavailable")).userMessage
            == "The shop is busy right now. Please try again in a moment.")
        #expect(ShopError.server(ProblemDetails(status: 409, title: "Out of stock", detail: "Only 3 left."))
            .userMessage == "Only 3 left.")
    }
}
