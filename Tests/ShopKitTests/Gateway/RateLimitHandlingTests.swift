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
        // One guest session every 2 s: the second call is refused with `Retry-After: 1` or `2`
        // (unless the machine is so slow that 2 s passed between them), and ShopKit waits that long
        // and asks again, which is then answered. (That the wait is exactly `Retry-After` is
        // RetryMiddlewareTests' business.)
        try await TestGateway.with(limits: Self.limits(guestSessions: RateLimit(burst: 1, perSecond: 0.5))) { gateway in
            let client = gateway.client(retryPolicy: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .seconds(3)))
            try await client.sessions.startGuest()
            try await client.sessions.startGuest()
            let statuses = gateway.recorder.attempts(of: "createGuestSession").compactMap(\.status)
            #expect(statuses.filter { $0 == 201 }.count == 2)
            #expect(statuses == [201, 201] || statuses == [201, 429, 201], "\(statuses)")
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
                // 100 s for a token, less the time since the first call.
                let wait = try #require(error.problem?.retryAfterSeconds)
                #expect((60...100).contains(wait))
                #expect(error.retryAfter == .seconds(wait))
                #expect(error.isRetryable)
                #expect(error.userMessage == "Too many requests right now. Try again in \(wait) s.")
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
                        let wait = try #require(error.problem?.retryAfterSeconds)
                        #expect((540...600).contains(wait))  // 600 s, less the time since the failure
                        #expect(error.retryAfter == .seconds(wait))
                        #expect(error.userMessage == "Too many wrong passwords for this account. Try again in 10 min.")
                    }
                }
            }
        }
    }
}
