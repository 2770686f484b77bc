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
/// ```
///
/// Nothing needs closing when you are done: drop the client.
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

    /// Creates a client over ShopKit's default transport: AsyncHTTPClient on Linux, `URLSession`
    /// on Apple platforms.
    ///
    /// Nothing needs closing afterwards: the connection pool is shared by every client of the
    /// process with the same ``ShopClientConfiguration/maximumConnectionsPerHost`` and
    /// ``ShopClientConfiguration/connectionIdleTimeout``, and lives as long as the process.
    public convenience init(configuration: ShopClientConfiguration) {
        self.init(configuration: configuration, transport: ShopClient.defaultTransport(for: configuration))
    }

    /// Creates a client of the gateway at `baseURL` with the default configuration.
    public convenience init(baseURL: URL) {
        self.init(configuration: ShopClientConfiguration(baseURL: baseURL))
    }

    /// Creates a client over an AsyncHTTPClient the caller owns (and shuts down itself).
    public convenience init(configuration: ShopClientConfiguration, httpClient: HTTPClient) {
        self.init(configuration: configuration, transport: AsyncHTTPClientTransport(configuration: .init(
            client: httpClient, timeout: TimeAmount(configuration.timeout))))
    }

    /// Creates a client over any transport: ``URLSessionClientTransport``, an
    /// `AsyncHTTPClientTransport` over your own `HTTPClient`, or `ShopKitTesting`'s stub.
    ///
    /// ShopKit's own middlewares (request ids, sessions, idempotency keys, retries, problem
    /// details) run above the transport; ``ShopClientConfiguration/middlewares`` run closest
    /// to it. A transport enforces its own timeouts.
    public init(configuration: ShopClientConfiguration, transport: any ClientTransport) {
        self.configuration = configuration
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
                + configuration.middlewares + [RawResponseMiddleware()])
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

    /// AsyncHTTPClient on Linux, where it is the server-side norm; `URLSession` on Apple
    /// platforms, where it is the system's own stack.
    private static func defaultTransport(for configuration: ShopClientConfiguration) -> any ClientTransport {
        #if canImport(Darwin)
        URLSessionClientTransport(timeout: configuration.timeout)
        #else
        AsyncHTTPClientTransport(configuration: .init(
            client: SharedConnectionPool.client(
                maximumConnectionsPerHost: configuration.maximumConnectionsPerHost,
                idleTimeout: configuration.connectionIdleTimeout,
                attemptTimeout: configuration.timeout),
            timeout: TimeAmount(configuration.timeout)))
        #endif
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

    /// Kept for source compatibility: there is nothing to close. The default connection pool
    /// lives as long as the process, and an injected `HTTPClient` or transport is the caller's.
    public func shutdown() async throws {}

    /// Runs `call` and answers its value with the gateway's answer as sent: status, headers,
    /// request id and body (fields this version of ShopKit does not decode included).
    ///
    /// ```swift
    /// let (product, raw) = try await client.withRawResponse { try await client.catalog.product(id: id) }
    /// print(raw.status, raw.requestID ?? "-", raw.headers[.contentType] ?? "-")
    /// ```
    ///
    /// The raw response is that of the last request `call` made, as the gateway sent it (after
    /// any retries: the final attempt). Requests the client makes on its own (starting or
    /// refreshing a session) are never the one answered. When `call` fails, the error is thrown as is
    /// (a ``ShopError/server(_:)`` already carries the status, problem and request id).
    /// - Throws: ``ShopError/decoding(_:)`` when `call` made no request at all.
    public func withRawResponse<Value>(
        _ call: () async throws -> Value
    ) async throws(ShopError) -> (value: Value, response: RawResponse) {
        let recorder = RawResponseMiddleware.Recorder()
        let value: Value
        do {
            value = try await RawResponseMiddleware.$recorder.withValue(recorder) { try await call() }
        } catch {
            throw ShopError.from(error)
        }
        guard let response = recorder.last else {
            throw ShopError.decoding("withRawResponse: the call made no request to the gateway")
        }
        return (value, response)
    }

    /// A fresh random idempotency key, for callers that want to store it before placing an order.
    public static func makeIdempotencyKey() -> String { IdempotencyKey.make() }
}
