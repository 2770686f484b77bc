import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSH
import ShopKit
import Synchronization

/// `shop serve`: the shop over SSH, one runtime per person, all in this process.
///
/// ```swift
/// let server = try await SSHShopServer.start(configuration)
/// print("ssh -p \(server.port) localhost")
/// await server.stop()   // tells everyone the shop is closing
/// ```
public final class SSHShopServer: Sendable {
    /// The port it listens on (the one chosen when asked for 0).
    public let port: Int
    private let listener: any Channel
    private let services: SessionServices
    private let logger: Logger
    private let stopped = Mutex(false)

    private init(port: Int, listener: any Channel, services: SessionServices) {
        self.port = port
        self.listener = listener
        self.services = services
        self.logger = services.logger
    }

    /// Sessions running now.
    public var sessionCount: Int { services.registry.count }

    /// The objects of sessions and connections still alive, by kind ("runtime", "backend",
    /// "gateway client", "connection", …); empty once every session has ended and been freed.
    public var liveObjects: [String: Int] { services.liveObjects.counts }

    /// Listens and serves until ``stop()``.
    public static func start(_ configuration: SSHServeConfiguration) async throws -> SSHShopServer {
        // NIO's process-wide loops (one per core), never shut down: a session's last effects
        // (an inbox poll, a retry after its backoff) can still reach the gateway client after
        // stop(), and on loops of our own, shut down by then, NIO traps in debug builds ("leaking
        // promise", which ended the test process). On these they fail with a clean error.
        let group = MultiThreadedEventLoopGroup.singleton
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 32)
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        // A gateway answer whose body stops half-way fails after the gateway timeout, never hangs.
        httpConfiguration.timeout.read = TimeAmount(configuration.gatewayTimeout)
        let httpClient = HTTPClient(eventLoopGroup: group, configuration: httpConfiguration)
        let services = SessionServices(configuration: configuration, httpClient: httpClient)
        let limiter = ConnectionRateLimiter(burst: configuration.connectionBurst, perSecond: configuration.connectionsPerSecond)
        let hostKey = configuration.hostKey
        let logger = configuration.logger

        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                let address = channel.remoteAddress?.ipAddress ?? "unknown"
                guard limiter.admit(address) else {
                    logger.warning("too many connections from one address", metadata: ["address": "\(address)"])
                    return channel.eventLoop.makeFailedFuture(ConnectionRefused.rateLimited)
                }
                return channel.eventLoop.makeCompletedFuture {
                    try Self.setUpConnection(channel, address: address, hostKey: hostKey, services: services)
                }
            }
        do {
            let listener = try await bootstrap.bind(host: configuration.host, port: configuration.port).get()
            let port = listener.localAddress?.port ?? configuration.port
            logger.info("serving the shop over SSH", metadata: ["port": "\(port)", "hostKey": "\(hostKey.fingerprint)"])
            return SSHShopServer(port: port, listener: listener, services: services)
        } catch {
            try? await httpClient.shutdown()
            throw error
        }
    }

    /// One TCP connection: SSH with our host key, the shopper's identity from user
    /// authentication, and one shop per session channel.
    private static func setUpConnection(_ channel: any Channel, address: String, hostKey: HostKey, services: SessionServices) throws {
        let identity = ConnectionIdentity()
        // Held by the connection's handlers only: alive exactly as long as the connection is.
        services.liveObjects.track(identity, as: "connection")
        let sessions = ConnectionSessions(connection: channel)
        let banner = SSHServerConfiguration.UserAuthBanner(
            message: "Welcome to the shop. No SSH key? Press Enter at the password prompt to shop as a guest.\r\n",
            languageTag: "en")
        let configuration = SSHServerConfiguration(
            hostKeys: [hostKey.sshKey], userAuthDelegate: ShopperAuthenticationDelegate(identity: identity),
            globalRequestDelegate: nil, banner: banner)
        let handler = NIOSSHHandler(
            role: .server(configuration), allocator: channel.allocator,
            inboundChildChannelInitializer: { child, type in
                guard case .session = type, let who = identity.identity else {
                    // Port forwarding (direct-tcpip) and anything else: refused.
                    return child.eventLoop.makeFailedFuture(ConnectionRefused.channelType)
                }
                services.logger.info("connected", metadata: ["who": "\(who)", "address": "\(address)"])
                sessions.opened(child)
                return child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(ShopSessionHandler(services: services, identity: who, address: address))
                }
            })
        try channel.pipeline.syncOperations.addHandler(handler)
        try channel.pipeline.syncOperations.addHandler(ConnectionErrorHandler(logger: services.logger, address: address))
        // A connection that has not signed in and opened a session within 30 s holds nothing
        // more; the timer goes with the connection.
        let setUpTimer = channel.eventLoop.scheduleTask(in: .seconds(30)) {
            sessions.closeIfNeverUsed()
        }
        channel.closeFuture.whenComplete { _ in setUpTimer.cancel() }
    }

    /// Stops listening, tells every session the shop is closing, waits (briefly) for them to
    /// go, then lets go of the gateway connections and threads.
    public func stop() async {
        guard stopped.withLock({ done in defer { done = true }; return !done }) else { return }
        try? await listener.close()
        let sessions = services.registry.all
        logger.info("stopping", metadata: ["sessions": "\(sessions.count)"])
        for session in sessions {
            session.end(saying: "The shop is closing now. Thank you for shopping, and see you soon!")
        }
        // Every runtime ends once its input has; wait for them (bounded), then give the goodbyes
        // a moment to reach the clients before the threads stop.
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(30)
        while services.runningRuntimes.load(ordering: .relaxed) > 0 && clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        let stillRunning = services.runningRuntimes.load(ordering: .relaxed)
        if stillRunning > 0 {
            logger.warning("stopped with sessions still ending; their gateway requests now fail", metadata: ["sessions": "\(stillRunning)"])
        }
        try? await Task.sleep(for: .milliseconds(200))
        // Requests made after this fail with `alreadyShutdown` (the loops stay up).
        try? await services.httpClient.shutdown()
    }
}

enum ConnectionRefused: Error {
    case rateLimited
    case channelType
}

/// Closes a connection whose SSH protocol failed (garbage bytes, a bad handshake) without
/// disturbing any other.
final class ConnectionErrorHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = Any
    let logger: Logger
    let address: String

    init(logger: Logger, address: String) {
        self.logger = logger
        self.address = address
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.debug("connection closed on an error", metadata: ["address": "\(address)", "error": "\(error)"])
        context.close(promise: nil)
    }
}
