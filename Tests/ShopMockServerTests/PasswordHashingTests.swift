import AsyncHTTPClient
import Foundation
import Synchronization
import Testing
@testable import ShopMockServer

/// bcrypt runs on its own threads with a bounded queue (issue 17), so sign-ins being hammered
/// do not starve the catalog, the cart or the health check.
@Suite struct PasswordHashingTests {
    @Test func sixteenConcurrentBcryptSignInsLeaveTheCartServed() async throws {
        try await TestGateway.with({
            $0.bcryptCost = 10  // a real cost: this test is about what bcrypt does to the rest
            $0.limits.signInsPerAddress = nil
        }) { gateway in
            let email = "hammered@example.com"
            let token = try await gateway.register(email: email, password: "the right password")
            let signIns = Task { try await Self.wrongSignIns(gateway, count: 16) }
            // The well-behaved client reads its cart and the health check while they run.
            var slowest: Duration = .zero
            for round in 0..<20 {
                let started = ContinuousClock.now
                let response = try await gateway.get(round.isMultiple(of: 2) ? "/v1/cart" : "/healthz", token: token)
                slowest = max(slowest, ContinuousClock.now - started)
                #expect(response.status == 200)
            }
            let statuses = try await signIns.value
            #expect(statuses.allSatisfy { $0 == 401 || $0 == 503 }, "\(statuses)")
            // Generous: this runs beside the whole suite on shared cores (the figure is printed);
            // the test below proves the mechanism without a clock.
            #expect(slowest < .seconds(15), "slowest cart or health read: \(slowest)")
            print("password hashing: 16 concurrent bcrypt(10) sign-ins; slowest of 20 cart/health reads meanwhile: \(slowest)")
        }
    }

    @Test func signInsWaitingForHashingDoNotHoldUpOtherRequests() async throws {
        try await TestGateway.with({ $0.limits.passwordHashingThreads = 1; $0.limits.signInsPerAddress = nil }) { gateway in
            let token = try await gateway.guestToken()
            // Every hashing thread is held, so the sign-ins below wait in the queue.
            let release = DispatchSemaphore(value: 0)
            let hasher = gateway.running.passwords
            let holder = Task { try await hasher.run { release.wait(); return 0 } }
            let signIns = Task { try await Self.wrongSignIns(gateway, count: 16) }
            for _ in 0..<2_000 where hasher.outstandingJobs < 17 { try await Task.sleep(for: .milliseconds(5)) }
            #expect(hasher.outstandingJobs == 17, "the sign-ins are waiting for hashing")
            // Meanwhile everything else is answered.
            for path in ["/healthz", "/v1/cart", "/v1/products?limit=3", "/v1/categories"] {
                #expect(try await gateway.get(path, token: token).status == 200, "\(path)")
            }
            release.signal()
            _ = try await holder.value
            #expect(try await signIns.value.allSatisfy { $0 == 401 })
        }
    }

    /// `count` concurrent sign-ins with wrong passwords; their statuses.
    static func wrongSignIns(_ gateway: TestGateway, count: Int) async throws -> [Int] {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<count {
                group.addTask { try await wrongSignIn(gateway, index: index) }
            }
            var statuses: [Int] = []
            for try await status in group { statuses.append(status) }
            return statuses
        }
    }

    /// One wrong sign-in on a connection of its own (an HTTP client's pool would hold some back).
    static func wrongSignIn(_ gateway: TestGateway, index: Int) async throws -> Int {
        let body = #"{"email":"guess-\#(index)@example.com","password":"wrong \#(index)"}"#
        let answer = try await RawConnection.with(port: gateway.running.port) { connection in
            try await connection.send(
                "POST /v1/sessions HTTP/1.1\r\nHost: shop\r\nContent-Type: application/json\r\n"
                    + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
            return try await connection.readResponse()
        }
        return answer?.status ?? 0
    }

    @Test func aFullQueueIsRefusedAtOnceWith503() async throws {
        let hasher = PasswordHasher(threads: 1, queueLimit: 1, cost: 4, retryAfterSeconds: 3)
        let release = DispatchSemaphore(value: 0)
        // One job holds the only thread; one waits in the queue.
        let running = Task { try await hasher.run { release.wait(); return 1 } }
        let queued = Task { try await hasher.run { 2 } }
        for _ in 0..<2_000 where hasher.outstandingJobs < 2 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(hasher.outstandingJobs == 2)
        // A third is refused at once, not queued.
        await #expect(throws: GatewayProblem.serviceUnavailable(retryAfter: 3)) { try await hasher.run { 3 } }
        release.signal()
        #expect(try await running.value == 1)
        #expect(try await queued.value == 2)
        await hasher.shutdown()
    }
}
