import Foundation
import Logging
import OpenAPIRuntime

/// How a ``ShopClient`` reaches the gateway and behaves when things go wrong.
public struct ShopClientConfiguration: Sendable {
    /// The gateway's address, e.g. `http://127.0.0.1:8080` (paths under `/v1` are added per call).
    public var baseURL: URL
    /// How long one attempt of a request, connecting included, may take before it fails with
    /// ``ShopError/timeout``.
    public var timeout: Duration
    /// When and how fast failed requests are retried.
    public var retryPolicy: RetryPolicy
    /// The bearer token of the gateway's admin operations (``ShopClient/admin``); `nil` when the
    /// client never administers.
    public var adminToken: String?
    /// Where the current session is kept (in memory by default; use ``FileSessionStore`` so a
    /// guest's cart survives a restart).
    public var sessionStore: any SessionStore
    /// Extra middlewares, run closest to the network: they see every attempt as sent, retries
    /// and the client's own session calls included. For logging, metrics and tests.
    public var middlewares: [any ClientMiddleware]
    /// Where the client logs (requests' operation ids, retries, session changes; never bodies,
    /// tokens or card data). Silent by default.
    public var logger: Logger
    /// Connections kept open per host for reuse by concurrent calls (ShopKit's default AsyncHTTPClient pool).
    public var maximumConnectionsPerHost: Int
    /// How long an unused connection is kept open for reuse (ShopKit's default AsyncHTTPClient pool).
    public var connectionIdleTimeout: Duration

    /// Creates a configuration; only the gateway's address is required.
    public init(
        baseURL: URL,
        timeout: Duration = .seconds(15),
        retryPolicy: RetryPolicy = .default,
        adminToken: String? = nil,
        sessionStore: any SessionStore = InMemorySessionStore(),
        middlewares: [any ClientMiddleware] = [],
        logger: Logger = Logger(label: "shopkit", factory: { _ in SwiftLogNoOpLogHandler() }),
        maximumConnectionsPerHost: Int = 8,
        connectionIdleTimeout: Duration = .seconds(60)
    ) {
        self.baseURL = baseURL
        self.timeout = timeout
        self.retryPolicy = retryPolicy
        self.adminToken = adminToken
        self.sessionStore = sessionStore
        self.middlewares = middlewares
        self.logger = logger
        self.maximumConnectionsPerHost = maximumConnectionsPerHost
        self.connectionIdleTimeout = connectionIdleTimeout
    }
}
