import Foundation
import HTTPTypes
import OpenAPIRuntime
import ShopKit
import Synchronization
import Testing

/// Issue 10, item 1: a stored account session is never replaced by a guest's behind the
/// person's back, and a guest session is never started twice for one need.
@Suite("Keeping the stored session")
struct SessionKeepingTests {
    /// A file store that counts its reads and takes a while to answer, so calls made at start
    /// all arrive while the first read is still under way.
    final class SlowCountingStore: SessionStore {
        let file: FileSessionStore
        private let loads = Mutex(0)
        var loadCount: Int { loads.withLock { $0 } }

        init(url: URL) { file = FileSessionStore(url: url) }

        func load() async throws -> Session? {
            loads.withLock { $0 += 1 }
            try await Task.sleep(for: .milliseconds(50))
            return try await file.load()
        }

        func save(_ session: Session?) async throws { try await file.save(session) }
    }

    /// Fails every attempt of one operation as a lost connection would, after the gateway
    /// answered it (`afterSending`) or before it was sent.
    final class DropConnection: ClientMiddleware {
        let operationID: String
        let afterSending: Bool
        private let remaining: Mutex<Int>

        init(_ operationID: String, times: Int, afterSending: Bool) {
            self.operationID = operationID
            self.afterSending = afterSending
            remaining = Mutex(times)
        }

        func intercept(
            _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
            next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
        ) async throws -> (HTTPResponse, HTTPBody?) {
            let drop = operationID == self.operationID && remaining.withLock { left in
                guard left > 0 else { return false }
                left -= 1
                return true
            }
            guard drop else { return try await next(request, body, baseURL) }
            if afterSending { _ = try await next(request, body, baseURL) }
            throw URLError(.networkConnectionLost)
        }
    }

    static func temporarySessionFile() -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("shopkit-session-\(UUID().uuidString)/session.json")
    }

    @Test func aStoredAccountSurvivesTenConcurrentFirstCalls() async throws {
        try await TestGateway.with { gateway async throws in
            let url = Self.temporarySessionFile()
            defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
            let firstRun = gateway.client(sessionStore: FileSessionStore(url: url))
            let account = try await firstRun.sessions.register(
                email: Fixtures.uniqueEmail(), password: "long enough pw", name: "Ada")
            try await firstRun.cart.add(productID: Fixtures.skillet, quantity: 2)

            // The next run: ten calls that need a token start at once.
            let store = SlowCountingStore(url: url)
            let recorder = RequestRecorder()
            let nextRun = gateway.client(sessionStore: store, recorder: recorder)
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<10 { group.addTask { try await nextRun.cart.get().itemCount } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(counts == Array(repeating: 2, count: 10), "every call saw the account's cart")
            #expect(store.loadCount == 1, "the stored session is read once")
            #expect(recorder.attempts(of: "createGuestSession").isEmpty, "no guest session was started")
            let stored = try #require(try await FileSessionStore(url: url).load())
            #expect(stored.user.id == account.user.id)
            #expect(!stored.user.isGuest)
        }
    }

    @Test func aRefreshThatCannotReachTheGatewayKeepsTheAccount() async throws {
        try await TestGateway.with(tokenLifetime: 60) { gateway async throws in
            let url = Self.temporarySessionFile()
            defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
            let store = FileSessionStore(url: url)
            let client = gateway.client(retryPolicy: .none, sessionStore: store,
                                        faults: [DropConnection("refreshSession", times: 1, afterSending: false)])
            let account = try await client.sessions.register(
                email: Fixtures.uniqueEmail(), password: "long enough pw", name: "Ada")
            gateway.running.clock.advance(by: 120)  // the access token is now expired

            let error = await #expect(throws: ShopError.self) { try await client.cart.get() }
            #expect(error?.isRetryable == true, "a network failure, not a refusal")
            #expect(await client.currentSession == account, "the session is kept in memory")
            #expect(try await store.load() == account, "and on disk")

            // Once the network is back, the same session is renewed and still the account's.
            #expect(try await client.cart.get().isEmpty)
            let renewed = try #require(await client.currentSession)
            #expect(renewed.user.id == account.user.id)
            #expect(!renewed.user.isGuest)
        }
    }

    @Test func aGuestSessionRequestThatWasLostIsRepeatedWithTheSameKey() async throws {
        try await TestGateway.with { gateway async throws in
            let client = gateway.client(retryPolicy: .none,
                                        faults: [DropConnection("createGuestSession", times: 1, afterSending: true)])
            await #expect(throws: ShopError.self) { try await client.cart.get() }
            #expect(await client.currentSession == nil)
            #expect(try await client.cart.get().isEmpty)

            let attempts = gateway.recorder.attempts(of: "createGuestSession")
            #expect(attempts.count == 2)
            #expect(Set(attempts.map(\.idempotencyKey)).count == 1, "the second try replays the first")
            #expect(attempts.last?.status == 201)
        }
    }
}
