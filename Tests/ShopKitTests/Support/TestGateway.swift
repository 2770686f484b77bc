import Foundation
import Logging
import OpenAPIRuntime
import ShopKit
import ShopMockServer

/// A mock gateway on an ephemeral loopback port plus clients talking to it, torn down together.
final class TestGateway: Sendable {
    static let adminToken = "adm_test_token"

    let running: RunningGateway
    let recorder = RequestRecorder()

    private init(running: RunningGateway) {
        self.running = running
    }

    var url: URL { running.url }

    /// Starts a gateway, runs `body`, and stops the gateway (and shuts down clients made with
    /// ``client(retryPolicy:sessionStore:adminToken:)``) whatever happens.
    static func with(
        failRate: Double = 0, latency: ClosedRange<Int>? = nil, tokenLifetime: TimeInterval = 3600,
        clockStart: Date = Date(), limits: GatewayLimits = GatewayLimits(),
        _ body: (TestGateway) async throws -> Void
    ) async throws {
        var configuration = GatewayConfiguration(
            port: 0, latency: latency, failRate: failRate, retryAfterSeconds: 0, adminToken: adminToken,
            tokenLifetime: tokenLifetime, bcryptCost: 4,
            logger: Logger(label: "test-gateway", factory: { _ in SwiftLogNoOpLogHandler() }),
            clock: GatewayClock(start: clockStart, timeScale: 1))
        configuration.limits = limits
        let gateway = TestGateway(running: try await MockGateway.start(configuration))
        do {
            try await body(gateway)
            await gateway.shutDownClients()
            await gateway.running.stop()
        } catch {
            await gateway.shutDownClients()
            await gateway.running.stop()
            throw error
        }
    }

    private let clients = ClientList()

    /// A client of this gateway, recording its requests in ``recorder``.
    func client(
        retryPolicy: RetryPolicy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(1), maxDelay: .milliseconds(20)),
        sessionStore: any SessionStore = InMemorySessionStore(),
        adminToken: String? = TestGateway.adminToken,
        recorder: RequestRecorder? = nil,
        timeout: Duration = .seconds(20),
        baseURL: URL? = nil,
        faults: [any ClientMiddleware] = []
    ) -> ShopClient {
        let client = ShopClient(configuration: ShopClientConfiguration(
            baseURL: baseURL ?? url, timeout: timeout, retryPolicy: retryPolicy, adminToken: adminToken,
            sessionStore: sessionStore, middlewares: [recorder ?? self.recorder] + faults))
        clients.append(client)
        return client
    }

    private func shutDownClients() async {
        for client in clients.drain() { try? await client.shutdown() }
    }
}

private final class ClientList: Sendable {
    private let clients = Mutex<[ShopClient]>([])
    func append(_ client: ShopClient) { clients.withLock { $0.append(client) } }
    func drain() -> [ShopClient] { clients.withLock { list in defer { list = [] }; return list } }
}

import Synchronization
