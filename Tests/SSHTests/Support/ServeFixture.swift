import Foundation
import Logging
import NIOPosix
import ShopKit
import ShopMockServer
import ShopSSH
import TerminalUI

/// A gateway and an SSH shop in the test process, with the limits a test asks for, plus an
/// event loop for scripted clients and an admin client to look at the gateway afterwards.
final class ServeFixture: Sendable {
    static let adminToken = "ssh-test-admin"

    let gateway: RunningGateway
    let server: SSHShopServer
    let clients: MultiThreadedEventLoopGroup
    let admin: ShopClient

    var port: Int { server.port }

    private init(gateway: RunningGateway, server: SSHShopServer, clients: MultiThreadedEventLoopGroup, admin: ShopClient) {
        self.gateway = gateway
        self.server = server
        self.clients = clients
        self.admin = admin
    }

    static func with<T: Sendable>(_ configure: @Sendable (inout SSHServeConfiguration) -> Void = { _ in },
                                  _ body: (ServeFixture) async throws -> T) async throws -> T {
        var gatewayConfiguration = GatewayConfiguration(port: 0, adminToken: adminToken, bcryptCost: 4,
                                                        logger: testLogger("test.gateway"))
        // Every shopper reaches the gateway from the SSH server's address, as in `shop serve`.
        gatewayConfiguration.limits.guestSessionsPerAddress = nil
        gatewayConfiguration.limits.signInsPerAddress = nil
        let gateway = try await MockGateway.start(gatewayConfiguration)
        var configuration = SSHServeConfiguration(
            host: "127.0.0.1", port: 0, hostKey: HostKey(), gatewayURL: gateway.url, adminToken: adminToken,
            gatewayLabel: "test", connectionBurst: 200, connectionsPerSecond: 100, theme: try ThemeLoader.named("default"),
            logger: testLogger("test.serve"))
        configure(&configuration)
        let server = try await SSHShopServer.start(configuration)
        let fixture = ServeFixture(
            gateway: gateway, server: server, clients: MultiThreadedEventLoopGroup(numberOfThreads: 1),
            admin: ShopClient(configuration: ShopClientConfiguration(baseURL: gateway.url, adminToken: adminToken)))
        do {
            let result = try await body(fixture)
            await fixture.tearDown()
            return result
        } catch {
            await fixture.tearDown()
            throw error
        }
    }

    /// Silent, unless `SHOP_SSH_TEST_LOG` names a level (`debug`, `trace`): then on standard error,
    /// to read what the server and the gateway did in a run that failed.
    static func testLogger(_ label: String) -> Logger {
        guard let name = ProcessInfo.processInfo.environment["SHOP_SSH_TEST_LOG"], let level = Logger.Level(rawValue: name) else {
            return Logger(label: label, factory: { _ in SwiftLogNoOpLogHandler() })
        }
        var logger = Logger(label: label, factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = level
        return logger
    }

    func connect(_ credential: ScriptedSSHClient.Credential, pty: (width: Int, height: Int)? = (80, 24)) async throws -> ScriptedSSHClient {
        try await ScriptedSSHClient.connect(port: port, group: clients, credential: credential, pty: pty)
    }

    /// Waits until no session is running and every object of every session and connection has
    /// been freed; fails with what is still alive.
    func waitUntilEverySessionIsFreed(timeout: Duration = .seconds(30)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if server.sessionCount == 0 && server.liveObjects.isEmpty { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ScriptError("\(server.sessionCount) sessions running; still alive: \(server.liveObjects)")
    }

    /// Runs `body` with the gateway as the key's account sees it (what its next connection would see).
    func asShopper<T: Sendable>(_ key: ScriptedSSHClient.Curve25519PrivateKey, _ body: (ShopClient) async throws -> T) async throws -> T {
        let session = try await admin.admin.keySession(fingerprint: KeyFingerprint.of(key.key.publicKey))
        let client = ShopClient(configuration: ShopClientConfiguration(baseURL: gateway.url, sessionStore: InMemorySessionStore(session)))
        do {
            let result = try await body(client)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func tearDown() async {
        await server.stop()
        try? await admin.shutdown()
        await gateway.stop()
        try? await clients.shutdownGracefully()
    }
}
