import AsyncHTTPClient
import Logging
import ShopKit
import Synchronization

/// What every session of one server shares: its configuration, the registry, one HTTP
/// connection pool to the gateway and the admin client that signs people in by key.
final class SessionServices: Sendable {
    let configuration: SSHServeConfiguration
    let registry: SessionRegistry
    let httpClient: HTTPClient
    let adminClient: ShopClient
    let logger: Logger
    /// Runtimes still running: the server waits for them before its threads stop, so no
    /// session writes to a channel whose event loop is gone.
    let runningRuntimes = Atomic<Int>(0)
    /// Every session's objects, weakly: what outlives its connection is a leak.
    let liveObjects = LiveObjects()
    /// Returns freed memory to the system when the shop empties.
    let idleMemoryReturn: IdleMemoryReturn

    init(configuration: SSHServeConfiguration, httpClient: HTTPClient) {
        self.configuration = configuration
        self.registry = SessionRegistry(capacity: configuration.maxSessions)
        self.idleMemoryReturn = IdleMemoryReturn(registry: registry)
        self.httpClient = httpClient
        self.logger = configuration.logger
        self.adminClient = ShopClient(
            configuration: ShopClientConfiguration(baseURL: configuration.gatewayURL, timeout: configuration.gatewayTimeout,
                                                   adminToken: configuration.adminToken),
            httpClient: httpClient)
    }

    /// A client of the gateway for one person, on the shared connection pool.
    func shopperClient(store: any SessionStore) -> ShopClient {
        ShopClient(configuration: ShopClientConfiguration(baseURL: configuration.gatewayURL, timeout: configuration.gatewayTimeout,
                                                          sessionStore: store),
                   httpClient: httpClient)
    }
}
