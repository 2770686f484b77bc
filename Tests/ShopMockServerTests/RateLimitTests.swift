import AsyncHTTPClient
import Foundation
import Testing
@testable import ShopMockServer

/// Rate limits and the sign-in lockout (issue 17): what one address or one account may ask,
/// the 429 beyond it, and that the limiter's memory stays bounded.
@Suite struct RateLimitTests {
    static let guestLimit = RateLimit(burst: 50, perSecond: 5)

    @Test func tenThousandGuestSessionsFromOneAddress() async throws {
        let gateway = try await TestGateway.start { $0.limits.guestSessionsPerAddress = RateLimitTests.guestLimit }
        let started = ContinuousClock.now
        let statuses: [Int: Int]
        do {
            statuses = try await Self.floodWithGuestSessions(gateway, workers: 8, each: 1_250)
        } catch {
            await gateway.running.stop()
            throw error
        }
        let elapsed = ContinuousClock.now - started
        await gateway.running.stop()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let allowed = Self.guestLimit.burst + Int((seconds * Self.guestLimit.perSecond).rounded(.up))
        let created = statuses[201, default: 0]
        #expect(Set(statuses.keys).isSubset(of: [201, 429]), "\(statuses)")
        #expect(statuses.values.reduce(0, +) == 10_000)
        #expect(created >= Self.guestLimit.burst)
        #expect(created <= allowed, "\(created) created in \(elapsed)")
        print("guest sessions: 10,000 asked from one address in \(elapsed): \(created) created, \(statuses[429, default: 0]) answered 429")
    }

    /// `workers` clients ask for `each` guest sessions at once, while a well-behaved client is served.
    static func floodWithGuestSessions(_ gateway: TestGateway, workers: Int, each: Int) async throws -> [Int: Int] {
        let flood = Task {
            var all: [Int: Int] = [:]
            try await withThrowingTaskGroup(of: [Int: Int].self) { group in
                for worker in 0..<workers {
                    group.addTask { try await askForGuestSessions(gateway, count: each, worker: worker) }
                }
                for try await counts in group { all.merge(counts, uniquingKeysWith: +) }
            }
            return all
        }
        try await ConnectionGuardTests.expectServed(gateway, "/v1/products?limit=5")
        return try await flood.value
    }

    /// One client's share of the flood: the statuses it got, counted.
    static func askForGuestSessions(_ gateway: TestGateway, count: Int, worker: Int) async throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for index in 0..<count {
            let response = try await gateway.post("/v1/sessions/guest")
            counts[response.status, default: 0] += 1
            if response.status == 429, index % 100 == worker {
                #expect(response.problemSlug == "too-many-requests")
                #expect(Int(response.header("Retry-After") ?? "") ?? 0 >= 1)
            }
        }
        return counts
    }

    @Test func aThousandWrongPasswordsLockTheAccount() async throws {
        // Only the account's lockout acts here (no per-address sign-in limit).
        try await TestGateway.with({ $0.limits.signInsPerAddress = nil }) { gateway in
            let email = "target@example.com"
            _ = try await gateway.register(email: email, password: "the right password")
            let other = "bystander@example.com"
            _ = try await gateway.register(email: other, password: "another password")
            var statuses: [Int: Int] = [:]
            for attempt in 0..<1_000 {
                let response = try await gateway.post("/v1/sessions", json: ["email": email, "password": "guess \(attempt)"])
                statuses[response.status, default: 0] += 1
                if response.status == 429 {
                    #expect(response.problemSlug == "sign-in-locked")
                    #expect(Int(response.header("Retry-After") ?? "") ?? 0 >= 1)
                }
            }
            #expect(Set(statuses.keys).isSubset(of: [401, 429]), "\(statuses)")
            // Five free failures, then one more per doubling wait (1 s, 2 s, 4 s, …): even a
            // test that ran for an hour could not have had more than 5 + 12 answered.
            #expect((5...17).contains(statuses[401, default: 0]), "\(statuses)")
            // The right password right after is refused too: the account is waiting.
            let locked = try await gateway.post("/v1/sessions", json: ["email": email, "password": "the right password"])
            #expect(locked.status == 429)
            #expect(locked.problemSlug == "sign-in-locked")
            // Another account is not affected.
            #expect(try await gateway.post("/v1/sessions", json: ["email": other, "password": "another password"]).status == 200)
            // Once the wait is over, the right password works and clears the record.
            gateway.clock.advance(by: 3600)
            #expect(try await gateway.post("/v1/sessions", json: ["email": email, "password": "the right password"]).status == 200)
            #expect(try await gateway.post("/v1/sessions", json: ["email": email, "password": "wrong"]).status == 401)
            print("sign-in lockout: 1,000 wrong passwords: \(statuses[401, default: 0]) answered 401, \(statuses[429, default: 0]) answered 429")
        }
    }

    @Test func signInsPerAddressAreLimited() async throws {
        try await TestGateway.with({ $0.limits.signInsPerAddress = RateLimit(burst: 5, perSecond: 0.01) }) { gateway in
            var statuses: [Int] = []
            for index in 0..<8 {
                statuses.append(try await gateway.post("/v1/sessions", json: ["email": "u\(index)@example.com", "password": "x"]).status)
            }
            #expect(statuses == [401, 401, 401, 401, 401, 429, 429, 429])
            let refused = try await gateway.post("/v1/users", json: ["email": "new@example.com", "password": "long enough", "name": "N"])
            #expect(refused.status == 429)
            #expect(refused.problemSlug == "too-many-requests")
            #expect(refused.header("Retry-After").flatMap(Int.init) ?? 0 >= 1)
        }
    }

    @Test func requestsPerAddressAreLimitedButHealthIsNot() async throws {
        try await TestGateway.with({ $0.limits.requestsPerAddress = RateLimit(burst: 20, perSecond: 0.01) }) { gateway in
            var statuses: [Int] = []
            for _ in 0..<25 { statuses.append(try await gateway.get("/v1/categories").status) }
            #expect(statuses.prefix(20).allSatisfy { $0 == 200 })
            #expect(statuses.suffix(5).allSatisfy { $0 == 429 })
            let refused = try await gateway.get("/v1/products/p001-cast-iron-skillet-26-cm")
            #expect(refused.status == 429)
            #expect(refused.isProblem)
            #expect(try await gateway.get("/healthz").status == 200)
        }
    }

    @Test func theLimiterForgetsTheQuietestFirstAndStaysBounded() {
        let now = Shared(0.0)
        let buckets = KeyedTokenBuckets(limit: RateLimit(burst: 1, perSecond: 0.001), capacity: 100, now: { now.withLock { $0 } })
        #expect(buckets.take("attacker") == nil)
        #expect(buckets.take("attacker") != nil)
        for index in 0..<10_000 {
            now.withLock { $0 += 0.001 }
            _ = buckets.take("flood-\(index)")
        }
        #expect(buckets.count <= 100)
    }

    @Test func theLockoutTableStaysBoundedAndKeepsRealLockouts() {
        let clock = GatewayClock()
        let throttle = SignInThrottle(policy: SignInLockoutPolicy(freeFailures: 2), clock: clock, capacity: 50)
        for _ in 0..<6 { throttle.recordFailure(for: "Victim@Example.com") }
        #expect(throttle.wait(for: "victim@example.com") != nil)
        // A flood of made-up e-mails, one failure each, cannot wipe the victim's lockout.
        for index in 0..<5_000 { throttle.recordFailure(for: "made-up-\(index)@example.com") }
        #expect(throttle.count <= 50)
        #expect(throttle.wait(for: "victim@example.com") != nil)
        throttle.recordSuccess(for: "victim@example.com")
        #expect(throttle.wait(for: "victim@example.com") == nil)
    }

    @Test func theLockoutDelayGrowsAndIsCapped() {
        let policy = SignInLockoutPolicy(freeFailures: 5, firstDelay: .seconds(1), maxDelay: .seconds(60))
        #expect(policy.delay(afterFailures: 0) == .zero)
        #expect(policy.delay(afterFailures: 4) == .zero)
        #expect(policy.delay(afterFailures: 5) == .seconds(1))
        #expect(policy.delay(afterFailures: 6) == .seconds(2))
        #expect(policy.delay(afterFailures: 8) == .seconds(8))
        #expect(policy.delay(afterFailures: 1_000) == .seconds(60))
    }
}
