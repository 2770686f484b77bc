import Foundation

/// How much one client may ask of the gateway: timeouts, sizes, connections and rates.
///
/// The defaults keep a public gateway usable while one client misbehaves (slowloris, idle
/// floods, huge bodies, password guessing, session farming) and stay out of the way of an
/// honest client. docs/mock-server.md lists each limit with its `shop-mock-server` option;
/// docs/security.md says what each one promises and which test proves it.
public struct GatewayLimits: Sendable, Hashable {
    /// Once the first byte of a request arrives, its whole head must arrive within this
    /// (else 408 and the connection closes).
    public var requestHeadTimeout: Duration = .seconds(10)
    /// Once the head arrives, the whole body must arrive within this (else 408 and close).
    public var requestBodyTimeout: Duration = .seconds(30)
    /// A connection with no request in progress is closed after this long without a byte.
    public var idleTimeout: Duration = .seconds(60)
    /// Open connections beyond this are answered 503 with `Retry-After` and closed.
    public var maxConnections: Int = 512
    /// The largest request body accepted (413 beyond it).
    public var maxBodyBytes: Int = 1 << 20
    /// The largest request head (request line and headers) accepted (431 beyond it).
    public var maxHeaderBytes: Int = 16 << 10
    /// The `Retry-After` seconds sent when the gateway is too busy (connections, hashing).
    public var busyRetryAfterSeconds: Int = 1
    /// Requests of any kind per client address; nil for no limit (`/healthz` is never limited).
    public var requestsPerAddress: RateLimit? = nil
    /// Guest sessions one client address may start.
    public var guestSessionsPerAddress: RateLimit? = RateLimit(burst: 200, perSecond: 2)
    /// Sign-in and registration attempts from one client address (each costs a bcrypt).
    public var signInsPerAddress: RateLimit? = RateLimit(burst: 60, perSecond: 1)
    /// The growing delay after repeated wrong passwords for one account.
    public var signInLockout: SignInLockoutPolicy = SignInLockoutPolicy()
    /// Threads that run bcrypt, away from the threads that handle requests.
    public var passwordHashingThreads: Int = max(1, ProcessInfo.processInfo.activeProcessorCount / 2)
    /// Hashing jobs that may wait for a thread; beyond it sign-ins are answered 503 with `Retry-After`.
    public var passwordHashingQueue: Int = 32
    /// Client addresses (or accounts) the rate limiters remember at most; the least recently
    /// seen are forgotten first, so the limiter's memory stays bounded under any flood.
    public var rateLimiterCapacity: Int = 10_000

    /// The defaults described on each property.
    public init() {}
}

/// A token bucket: up to `burst` at once, refilled at `perSecond`.
public struct RateLimit: Sendable, Hashable {
    /// How many may be used at once after a quiet period.
    public var burst: Int
    /// How many come back per second.
    public var perSecond: Double

    public init(burst: Int, perSecond: Double) {
        self.burst = max(1, burst)
        self.perSecond = max(0.001, perSecond)
    }
}

/// After `freeFailures` wrong passwords in a row for one account, each further attempt must
/// wait: `firstDelay`, doubled for each further failure, at most `maxDelay`. A success clears it.
/// While an account waits, sign-in is answered 429 without looking at the password, so guessing
/// costs the guesser time, not the gateway.
public struct SignInLockoutPolicy: Sendable, Hashable {
    public var freeFailures: Int = 5
    public var firstDelay: Duration = .seconds(1)
    public var maxDelay: Duration = .seconds(15 * 60)

    public init(freeFailures: Int = 5, firstDelay: Duration = .seconds(1), maxDelay: Duration = .seconds(15 * 60)) {
        self.freeFailures = max(0, freeFailures)
        self.firstDelay = firstDelay
        self.maxDelay = max(firstDelay, maxDelay)
    }

    /// The wait after `failures` consecutive failures (zero while they are still free).
    public func delay(afterFailures failures: Int) -> Duration {
        guard failures >= freeFailures, failures > 0 else { return .zero }
        let doublings = min(failures - freeFailures, 30)
        return min(firstDelay * (1 << doublings), maxDelay)
    }
}
