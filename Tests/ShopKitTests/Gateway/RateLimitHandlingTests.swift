import Foundation
import ShopKit
import ShopMockServer
import Testing

/// ShopKit and the gateway's 429 (issue 17): a short `Retry-After` is waited for and the call
/// succeeds; a long one comes back at once as a typed error the app can show as "try again in N s".
@Suite("Rate limits through ShopKit")
struct RateLimitHandlingTests {
    static func limits(guestSessions: RateLimit) -> GatewayLimits {
        var limits = GatewayLimits()
        limits.guestSessionsPerAddress = guestSessions
        return limits
    }

    @Test func aShortRetryAfterIsWaitedForAndTheCallSucceeds() async throws {
        try await TestGateway.with(limits: Self.limits(guestSessions: RateLimit(burst: 1, perSecond: 1))) { gateway in
            let client = gateway.client(retryPolicy: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .seconds(3)))
            try await client.sessions.startGuest()
            try await client.sessions.startGuest()
            let statuses = gateway.recorder.attempts(of: "createGuestSession").map(\.status)
            #expect(statuses == [201, 429, 201])
        }
    }

    @Test func aLongRetryAfterIsATypedErrorWithTheWait() async throws {
        try await TestGateway.with(limits: Self.limits(guestSessions: RateLimit(burst: 1, perSecond: 0.01))) { gateway in
            let client = gateway.client()
            try await client.sessions.startGuest()
            do throws(ShopError) {
                try await client.sessions.startGuest()
                Issue.record("the second guest session was not refused")
            } catch {
                #expect(error.isRateLimited)
                #expect(error.status == 429)
                #expect(error.retryAfter == .seconds(100))
                #expect(error.isRetryable)
                #expect(error.userMessage == "Too many requests right now. Try again in 100 s.")
            }
            // Not retried: the wait is longer than the policy's longest.
            #expect(gateway.recorder.attempts(of: "createGuestSession").map(\.status) == [201, 429])
        }
    }

    @Test func aLockedAccountSaysHowLongToWait() async throws {
        var limits = GatewayLimits()
        limits.signInLockout = SignInLockoutPolicy(freeFailures: 1, firstDelay: .seconds(600), maxDelay: .seconds(3600))
        try await TestGateway.with(limits: limits) { gateway in
            let client = gateway.client()
            try await client.sessions.register(email: "locked@example.com", password: "correct horse", name: "Lock")
            for expected in [401, 429] {
                do throws(ShopError) {
                    try await client.sessions.signIn(email: "locked@example.com", password: "wrong horse")
                    Issue.record("a wrong password signed in")
                } catch {
                    #expect(error.status == expected)
                    if expected == 429 {
                        #expect(error.retryAfter == .seconds(600))
                        #expect(error.userMessage == "Too many wrong passwords for this account. Try again in 10 min.")
                    }
                }
            }
        }
    }
}
