import Foundation
import Testing

@Suite struct FaultInjectionTests {
    @Test func failRateAnswers503WithRetryAfter() async throws {
        try await TestGateway.with({ $0.failRate = 0.3; $0.retryAfterSeconds = 7 }) { gateway in
            var failures = 0
            let total = 400
            for _ in 0..<total {
                let response = try await gateway.get("/v1/categories")
                if response.status == 503 {
                    failures += 1
                    #expect(response.isProblem)
                    #expect(response.header("Retry-After") == "7")
                    #expect(response.problemSlug == "service-unavailable")
                } else {
                    #expect(response.status == 200)
                }
            }
            // 30% of 400 is 120; a binomial standard deviation is about 9.
            #expect((80...160).contains(failures), "\(failures) failures")
            // Health checks are never failed.
            for _ in 0..<20 { #expect(try await gateway.get("/healthz").status == 200) }
        }
    }

    @Test func latencyDelaysRequests() async throws {
        try await TestGateway.with({ $0.latency = 120...150 }) { gateway in
            let started = ContinuousClock.now
            let status = try await gateway.get("/v1/categories").status
            #expect(status == 200)
            #expect(ContinuousClock.now - started >= .milliseconds(120))
        }
    }
}
