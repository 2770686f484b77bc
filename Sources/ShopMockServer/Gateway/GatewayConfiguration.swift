import Foundation
import Logging

/// Everything that shapes one running mock gateway.
///
/// The defaults describe a quiet, in-memory gateway on `127.0.0.1:8080` with the bundled
/// catalog. Tests usually set `port = 0` (any free port), a low `bcryptCost` and their own
/// ``GatewayClock``.
public struct GatewayConfiguration: Sendable {
    /// The address to listen on.
    public var host: String
    /// The port to listen on; 0 picks any free port (see ``RunningGateway/url``).
    public var port: Int
    /// A catalog JSON file to load instead of the bundled one (same shape; see docs/mock-server.md).
    public var catalogFile: String?
    /// Where to keep state in SQLite; `nil` keeps everything in memory.
    public var dataDirectory: String?
    /// When set, every request but `/healthz` waits a random number of milliseconds in this range.
    public var latency: ClosedRange<Int>?
    /// The share of requests (0...1, not `/healthz`) answered with 503 before they are handled.
    public var failRate: Double
    /// The `Retry-After` seconds sent with injected 503s.
    public var retryAfterSeconds: Int
    /// Gateway seconds per real second; used when the configuration builds its own clock.
    public var timeScale: Double
    /// The bearer token that admin operations require.
    public var adminToken: String
    /// Seconds an access token stays valid (on the gateway clock).
    public var tokenLifetime: TimeInterval
    /// The bcrypt cost for password hashes (4...31; tests use 4 to stay fast).
    public var bcryptCost: Int
    /// Where request logs and warnings go.
    public var logger: Logger
    /// The clock orders, tokens and cards are judged by.
    public var clock: GatewayClock
    /// When true, SIGINT and SIGTERM shut the gateway down gracefully (a standalone process);
    /// in-process users leave it off and call ``RunningGateway/stop()``.
    public var handlesTerminationSignals: Bool = false
    /// When true (the default), repeated catalog reads (the product list, a product, search,
    /// categories, stock) are answered from the encoded answer kept for their URL until the
    /// catalog changes. Always off while faults are injected (`latency`, `failRate`).
    public var cachesCatalogReads: Bool = true
    /// Timeouts, sizes, connection cap, rate limits and the password hashing pool (see ``GatewayLimits``).
    public var limits = GatewayLimits()

    /// Creates a configuration; every argument has a usable default.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        catalogFile: String? = nil,
        dataDirectory: String? = nil,
        latency: ClosedRange<Int>? = nil,
        failRate: Double = 0,
        retryAfterSeconds: Int = 1,
        timeScale: Double = 1,
        adminToken: String = GatewayConfiguration.randomAdminToken(),
        tokenLifetime: TimeInterval = 3600,
        bcryptCost: Int = 10,
        logger: Logger = Logger(label: "shop.mock-gateway"),
        clock: GatewayClock? = nil
    ) {
        self.host = host
        self.port = port
        self.catalogFile = catalogFile
        self.dataDirectory = dataDirectory
        self.latency = latency
        self.failRate = failRate
        self.retryAfterSeconds = retryAfterSeconds
        self.timeScale = timeScale
        self.adminToken = adminToken
        self.tokenLifetime = tokenLifetime
        self.bcryptCost = bcryptCost
        self.logger = logger
        self.clock = clock ?? GatewayClock(timeScale: timeScale)
    }

    /// A fresh unguessable admin token (`adm_` followed by 32 hex digits).
    public static func randomAdminToken() -> String {
        "adm_" + RandomToken.hex(byteCount: 16)
    }
}
