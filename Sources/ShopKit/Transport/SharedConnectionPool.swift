import AsyncHTTPClient
import NIOCore
import Synchronization

/// ShopKit's default connection pools: one AsyncHTTPClient per distinct pool setting, made on
/// first use and kept for the life of the process, like `HTTPClient.shared`.
///
/// Because a pool is never released, no client ever has to be shut down: forgetting
/// ``ShopClient/shutdown()`` cannot crash a debug build, and many `ShopClient`s to the same
/// gateway share keep-alive connections. `HTTPClient.shared` itself is not used because it
/// retries refused connections silently until its 90 s connect timeout and follows
/// redirects, where ShopKit wants a refused connection to fail fast through its ``RetryPolicy``.
enum SharedConnectionPool {
    private struct Settings: Hashable {
        let maximumConnectionsPerHost: Int
        let idleTimeout: Duration
        let attemptTimeout: Duration
    }

    private static let pools = Mutex<[Settings: HTTPClient]>([:])

    /// The process-wide HTTP client for these pool settings.
    static func client(maximumConnectionsPerHost: Int, idleTimeout: Duration, attemptTimeout: Duration) -> HTTPClient {
        let settings = Settings(maximumConnectionsPerHost: maximumConnectionsPerHost, idleTimeout: idleTimeout, attemptTimeout: attemptTimeout)
        return pools.withLock { pools in
            if let existing = pools[settings] { return existing }
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration(settings))
            pools[settings] = client
            return client
        }
    }

    private static func configuration(_ settings: Settings) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: TimeAmount(settings.idleTimeout),
            concurrentHTTP1ConnectionsPerHostSoftLimit: settings.maximumConnectionsPerHost)
        // A refused connection should fail fast and go through our RetryPolicy, not be retried
        // silently by the pool until the request's deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        // Connecting is part of an attempt: without this AsyncHTTPClient gives up on a connection
        // after its own 10 s, whatever the client's `timeout` says. A gateway whose accept loop is
        // busy (100 sessions connecting at once to an embedded gateway on two cores) then failed
        // requests that had 600 s to live with "took too long" (ManyRuntimesTests).
        configuration.timeout.connect = TimeAmount(settings.attemptTimeout)
        // The request's own deadline ends when the head arrives; a body that stops half-way
        // (a connection the gateway never finishes) would then be waited for without end.
        // Nothing read for as long as an attempt may take fails it with `ShopError.timeout`.
        configuration.timeout.read = TimeAmount(settings.attemptTimeout)
        configuration.decompression = .enabled(limit: .ratio(20))
        return configuration
    }
}
