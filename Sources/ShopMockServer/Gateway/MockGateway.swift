import Foundation
import Hummingbird
import Logging
import OpenAPIHummingbird
import OpenAPIRuntime
import ServiceLifecycle
import Synchronization

/// Starts mock gateways: the whole contract, with real business rules, in-process.
///
/// ```swift
/// var configuration = GatewayConfiguration(port: 0, adminToken: "secret")
/// let gateway = try await MockGateway.start(configuration)
/// defer { Task { await gateway.stop() } }
/// // talk to gateway.url
/// ```
/// Nothing is global: any number of gateways can run in one process.
public enum MockGateway {
    /// The version reported by `/healthz`.
    public static let version = "1.0.0"

    /// Loads the catalog (and the data directory, if any), binds the port and starts serving.
    ///
    /// - Throws: ``CatalogLoadError`` for a bad catalog file, ``GatewayStartError`` for an
    ///   unusable data directory, or the error that kept the server from binding (port in
    ///   use, bad host).
    public static func start(_ configuration: GatewayConfiguration) async throws -> RunningGateway {
        let clock = configuration.clock
        let catalog = try CatalogLoader.load(file: configuration.catalogFile, now: clock.now())
        var database: GatewayDatabase?
        if let directory = configuration.dataDirectory {
            let logger = configuration.logger
            do {
                database = try GatewayDatabase(directory: directory) { notice in logger.notice("\(notice)") }
            } catch let error as GatewayStartError {
                throw error
            } catch {
                throw GatewayStartError(message: "cannot use the data directory \(directory): \(error)")
            }
        }
        let store = try await GatewayStore(
            catalog: catalog, database: database, clock: clock, tokenLifetime: configuration.tokenLifetime,
            logger: configuration.logger)

        let router = Router()
        router.middlewares.add(RequestLogMiddleware(logger: configuration.logger))
        router.middlewares.add(ProblemMiddleware(logger: configuration.logger, maxBodyBytes: configuration.limits.maxBodyBytes))
        router.middlewares.add(GuardVerdictMiddleware())
        router.middlewares.add(
            FaultInjectionMiddleware(
                latency: configuration.latency, failRate: configuration.failRate,
                retryAfterSeconds: configuration.retryAfterSeconds))
        router.middlewares.add(AuthMiddleware(store: store, adminToken: configuration.adminToken))
        router.middlewares.add(BodylessOperationMiddleware(maxBodyBytes: configuration.limits.maxBodyBytes))
        router.middlewares.add(NullFieldMiddleware(maxBodyBytes: configuration.limits.maxBodyBytes))
        router.middlewares.add(IdempotencyMiddleware(store: store))
        let limits = configuration.limits
        let passwords = PasswordHasher(
            threads: limits.passwordHashingThreads, queueLimit: limits.passwordHashingQueue, cost: configuration.bcryptCost,
            retryAfterSeconds: limits.busyRetryAfterSeconds)
        let api = GatewayAPI(
            store: store, clock: clock, passwords: passwords,
            signInThrottle: SignInThrottle(policy: limits.signInLockout, clock: clock, capacity: limits.rateLimiterCapacity),
            logger: configuration.logger, decoyHash: try await passwords.hash(RandomToken.hex(byteCount: 16)))
        // Compact JSON: the runtime's default (sorted keys, pretty printed) costs encoding time
        // and bytes on every response, and no client reads the whitespace.
        try api.registerHandlers(on: router, configuration: OpenAPIRuntime.Configuration(jsonEncodingOptions: []))

        let readCache =
            configuration.cachesCatalogReads && configuration.latency == nil && configuration.failRate == 0
            ? CatalogResponseCache(revision: store.catalogRevision) : nil
        let logger = configuration.logger

        let bound = BoundPort()
        let application = GatewayApplication(
            responder: router.buildResponder(),
            server: GuardedHTTP1Channel.server(limits: limits, logger: logger) {
                readCache.map { [CatalogReadHandler(cache: $0, logger: logger)] } ?? []
            },
            configuration: .init(address: .hostname(configuration.host, port: configuration.port)),
            logger: configuration.logger,
            onServerRunning: { channel in bound.resolve(.success(channel.localAddress?.port ?? configuration.port)) })
        // A service group, so that stop() is a graceful shutdown: cancelling the server task
        // instead made Hummingbird log an error on every clean stop.
        let group = ServiceGroup(
            configuration: .init(
                services: [application],
                gracefulShutdownSignals: configuration.handlesTerminationSignals ? [.sigterm, .sigint] : [],
                logger: configuration.logger))
        let serverTask = Task {
            do {
                try await group.run()
                bound.resolve(.failure(GatewayStartError(message: "the server stopped before it was listening")))
            } catch {
                bound.resolve(.failure(error))
                throw error
            }
        }
        let port: Int
        do { port = try await bound.value() } catch {
            serverTask.cancel()
            await store.close()
            await passwords.shutdown()
            throw error
        }
        let url = URL(string: "http://\(urlHost(configuration.host)):\(port)")!
        return RunningGateway(
            url: url, port: port, clock: clock, catalogReadCache: readCache, serverTask: serverTask, group: group, store: store,
            passwords: passwords)
    }

    private static func urlHost(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }
}

/// Why a gateway could not start.
public struct GatewayStartError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { "Cannot start the gateway: \(message)" }
}

/// The port the server bound, delivered once from its start callback.
private final class BoundPort: Sendable {
    private enum State {
        case waiting([CheckedContinuation<Int, any Error>])
        case done(Result<Int, any Error>)
    }

    private let state = Mutex(State.waiting([]))

    func resolve(_ result: Result<Int, any Error>) {
        let waiters: [CheckedContinuation<Int, any Error>] = state.withLock { state in
            guard case .waiting(let waiters) = state else { return [] }
            state = .done(result)
            return waiters
        }
        for waiter in waiters { waiter.resume(with: result) }
    }

    func value() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let ready: Result<Int, any Error>? = state.withLock { state in
                switch state {
                case .waiting(let waiters):
                    state = .waiting(waiters + [continuation])
                    return nil
                case .done(let result):
                    return result
                }
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
