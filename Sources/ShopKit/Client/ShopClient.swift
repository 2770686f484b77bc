import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime

/// The entry point of ShopKit: one client per gateway, with one namespace per service.
///
/// ```swift
/// let client = ShopClient(baseURL: URL(string: "http://127.0.0.1:8080")!)
/// for try await product in client.catalog.products(category: "kitchen") { print(product.name) }
/// try await client.shutdown()
/// ```
///
/// Every call is `async` and throws ``ShopError``. A guest session is started the first time a
/// call needs one; ``SessionsService/signIn(email:password:)`` then merges that guest's cart.
/// Calls that fail on the way are retried according to ``ShopClientConfiguration/retryPolicy``.
public final class ShopClient: Sendable {
    /// The configuration the client was made with.
    public let configuration: ShopClientConfiguration

    /// Guest sessions, sign-in, registration, refresh and sign-out.
    public let sessions: SessionsService
    /// The signed-in user's profile, saved addresses and activity.
    public let account: AccountService
    /// Products, categories and search.
    public let catalog: CatalogService
    /// Stock on hand.
    public let inventory: InventoryService
    /// Offered currencies and conversion.
    public let currency: CurrencyService
    /// The caller's cart.
    public let cart: CartService
    /// Shipping quotes and shipment tracking.
    public let shipping: ShippingService
    /// Card checks without charging.
    public let payment: PaymentService
    /// Placing an order, exactly once.
    public let checkout: CheckoutService
    /// The caller's orders: history, details, cancellation, tracking and invoices.
    public let orders: OrdersService
    /// The caller's inbox.
    public let notifications: NotificationsService
    /// Products to suggest.
    public let recommendations: RecommendationsService
    /// Advertisements.
    public let ads: AdsService
    /// Catalog administration, the gateway-wide audit trail and the gateway clock (needs
    /// ``ShopClientConfiguration/adminToken``).
    public let admin: AdminService

    private let gateway: Gateway
    private let ownedHTTPClient: HTTPClient?

    /// Creates a client with its own HTTP connection pool (keep-alive connections reused across
    /// calls).
    ///
    /// - Important: Call ``shutdown()`` before the client goes away; AsyncHTTPClient traps in
    ///   debug builds when a pool it owns is released while still running.
    public convenience init(configuration: ShopClientConfiguration) {
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.connectionPool = .init(
            idleTimeout: TimeAmount(configuration.connectionIdleTimeout),
            concurrentHTTP1ConnectionsPerHostSoftLimit: configuration.maximumConnectionsPerHost)
        // A refused connection should fail fast and go through our RetryPolicy, not be retried
        // silently by the pool until the request's deadline.
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        // Connecting is part of an attempt: without this AsyncHTTPClient gives up on a connection
        // after its own 10 s, whatever `timeout` says. A gateway whose accept loop is busy (100
        // sessions connecting at once to an embedded gateway on two cores) then failed requests
        // that had 600 s to live with "took too long" (ManyRuntimesTests).
        httpConfiguration.timeout.connect = TimeAmount(configuration.timeout)
        httpConfiguration.decompression = .enabled(limit: .ratio(20))
        let httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: httpConfiguration)
        self.init(configuration: configuration, httpClient: httpClient, ownsHTTPClient: true)
    }

    /// Creates a client of the gateway at `baseURL` with the default configuration.
    public convenience init(baseURL: URL) {
        self.init(configuration: ShopClientConfiguration(baseURL: baseURL))
    }

    /// Creates a client over an HTTP client the caller owns (and shuts down itself);
    /// ``shutdown()`` then leaves it running.
    public convenience init(configuration: ShopClientConfiguration, httpClient: HTTPClient) {
        self.init(configuration: configuration, httpClient: httpClient, ownsHTTPClient: false)
    }

    private init(configuration: ShopClientConfiguration, httpClient: HTTPClient, ownsHTTPClient: Bool) {
        self.configuration = configuration
        self.ownedHTTPClient = ownsHTTPClient ? httpClient : nil
        let transport = AsyncHTTPClientTransport(configuration: .init(
            client: httpClient, timeout: TimeAmount(configuration.timeout)))
        let logger = configuration.logger
        let retry = RetryMiddleware(policy: configuration.retryPolicy, logger: logger)
        let logging = LoggingMiddleware(logger: logger)

        // Outermost first. Problems are decoded above auth and retry, which need raw statuses;
        // the idempotency key is set above retry so every attempt carries the same one.
        let sessionWire = Client(
            serverURL: configuration.baseURL, configuration: ShopClient.wireConfiguration, transport: transport,
            middlewares: [RequestIDMiddleware(), logging, ProblemMiddleware(), IdempotencyKeyMiddleware(), retry]
                + configuration.middlewares)
        let sessions = SessionManager(store: configuration.sessionStore, wire: sessionWire, logger: logger)
        let wire = Client(
            serverURL: configuration.baseURL, configuration: ShopClient.wireConfiguration, transport: transport,
            middlewares: [OperationNameMiddleware(), ListItemToleranceMiddleware(), RequestIDMiddleware(), logging, ProblemMiddleware(), IdempotencyKeyMiddleware(),
                          AuthMiddleware(sessions: sessions, adminToken: configuration.adminToken), retry]
                + configuration.middlewares)
        let gateway = Gateway(wire: wire, sessions: sessions, configuration: configuration)
        self.gateway = gateway

        self.sessions = SessionsService(gateway: gateway)
        self.account = AccountService(gateway: gateway)
        self.catalog = CatalogService(gateway: gateway)
        self.inventory = InventoryService(gateway: gateway)
        self.currency = CurrencyService(gateway: gateway)
        self.cart = CartService(gateway: gateway)
        self.shipping = ShippingService(gateway: gateway)
        self.payment = PaymentService(gateway: gateway)
        self.checkout = CheckoutService(gateway: gateway)
        self.orders = OrdersService(gateway: gateway)
        self.notifications = NotificationsService(gateway: gateway)
        self.recommendations = RecommendationsService(gateway: gateway)
        self.ads = AdsService(gateway: gateway)
        self.admin = AdminService(gateway: gateway)
    }

    /// Dates on the wire are ISO 8601 with or without fractional seconds.
    private static let wireConfiguration = Configuration(dateTranscoder: FlexibleISO8601DateTranscoder())

    /// Is the gateway up? Answers its version and clock.
    public func health() async throws(ShopError) -> Health {
        try await gateway.call { Health(wire: try await $0.getHealth().ok.body.json) }
    }

    /// The current session (guest or account), or `nil` before the first call that needed one.
    public var currentSession: Session? {
        get async { await gateway.sessions.current() }
    }

    /// Closes the client's own connection pool. Does nothing for an injected HTTP client.
    public func shutdown() async throws {
        try await ownedHTTPClient?.shutdown()
    }

    /// A fresh random idempotency key, for callers that want to store it before placing an order.
    public static func makeIdempotencyKey() -> String { IdempotencyKey.make() }
}
