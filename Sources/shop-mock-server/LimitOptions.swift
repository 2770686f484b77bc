import ArgumentParser
import ShopMockServer

/// The options that bound what one client may cost the gateway (docs/security.md): connection
/// timeouts and caps, request sizes, per-address rates and password hashing. Their defaults are
/// `GatewayLimits`'s.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Seconds a request's head may take once it has begun (408 after).", valueName: "S"))
    var headTimeout = 10.0

    @Option(help: ArgumentHelp("Seconds a request's body may take once its head is in (408 after).", valueName: "S"))
    var bodyTimeout = 30.0

    @Option(help: ArgumentHelp("Seconds a connection may stay open with no request in progress.", valueName: "S"))
    var idleTimeout = 60.0

    @Option(help: ArgumentHelp("Open connections beyond this are answered 503 and closed.", valueName: "N"))
    var maxConnections = 512

    @Option(help: ArgumentHelp("The largest request body accepted (413 beyond).", valueName: "N"))
    var maxBodyBytes = 1 << 20

    @Option(help: ArgumentHelp("The largest request line and headers accepted (431 beyond).", valueName: "N"))
    var maxHeaderBytes = 16 << 10

    @Option(help: ArgumentHelp("Requests per second per client address, in bursts of twice that (429 beyond; 0: no limit).", valueName: "N"))
    var rateLimit = 200.0

    @Option(help: ArgumentHelp("Guest sessions per client address: a burst, then so many per second (0: no limit).", valueName: "BURST:RATE"))
    var guestSessionLimit = "200:2"

    @Option(help: ArgumentHelp("Sign-in and registration attempts per client address: a burst, then so many per second (0: no limit).", valueName: "BURST:RATE"))
    var signInLimit = "60:1"

    @Option(help: ArgumentHelp("Wrong passwords for one account before each attempt must wait (1 s, doubling, at most 15 min).", valueName: "N"))
    var signInFreeFailures = 5

    @Option(help: ArgumentHelp("Threads that run bcrypt (default: half the cores, at least 1).", valueName: "N"))
    var hashingThreads: Int?

    @Option(help: ArgumentHelp("Sign-ins that may wait for a hashing thread (503 beyond).", valueName: "N"))
    var hashingQueue = 32

    func validate() throws {
        for (name, seconds) in [("--head-timeout", headTimeout), ("--body-timeout", bodyTimeout), ("--idle-timeout", idleTimeout)] {
            guard seconds > 0, seconds <= 86_400 else { throw ValidationError("\(name) must be more than 0 and at most 86400 seconds.") }
        }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1.") }
        guard maxBodyBytes >= 1024 else { throw ValidationError("--max-body-bytes must be at least 1024.") }
        guard maxHeaderBytes >= 1024 else { throw ValidationError("--max-header-bytes must be at least 1024.") }
        guard rateLimit >= 0 else { throw ValidationError("--rate-limit must not be negative.") }
        _ = try limits
        guard signInFreeFailures >= 0 else { throw ValidationError("--sign-in-free-failures must not be negative.") }
        if let hashingThreads, !(1...64).contains(hashingThreads) { throw ValidationError("--hashing-threads must be 1 to 64.") }
        guard hashingQueue >= 0 else { throw ValidationError("--hashing-queue must not be negative.") }
    }

    /// The gateway's limits from these options (throws for a malformed `BURST:RATE`).
    var limits: GatewayLimits {
        get throws {
            var limits = GatewayLimits()
            limits.requestHeadTimeout = .milliseconds(Int64(headTimeout * 1000))
            limits.requestBodyTimeout = .milliseconds(Int64(bodyTimeout * 1000))
            limits.idleTimeout = .milliseconds(Int64(idleTimeout * 1000))
            limits.maxConnections = maxConnections
            limits.maxBodyBytes = maxBodyBytes
            limits.maxHeaderBytes = maxHeaderBytes
            limits.requestsPerAddress = rateLimit > 0 ? RateLimit(burst: Int((rateLimit * 2).rounded(.up)), perSecond: rateLimit) : nil
            limits.guestSessionsPerAddress = try Self.parseLimit(guestSessionLimit, option: "--guest-session-limit")
            limits.signInsPerAddress = try Self.parseLimit(signInLimit, option: "--sign-in-limit")
            limits.signInLockout.freeFailures = signInFreeFailures
            if let hashingThreads { limits.passwordHashingThreads = hashingThreads }
            limits.passwordHashingQueue = hashingQueue
            return limits
        }
    }

    /// `BURST:RATE` (e.g. `200:2`), or `0` for no limit.
    static func parseLimit(_ text: String, option: String) throws -> RateLimit? {
        if text == "0" { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let burst = Int(parts[0]), let rate = Double(parts[1]), burst >= 1, rate > 0 else {
            throw ValidationError("\(option) must look like BURST:RATE (e.g. 200:2), or 0 for no limit.")
        }
        return RateLimit(burst: burst, perSecond: rate)
    }
}
