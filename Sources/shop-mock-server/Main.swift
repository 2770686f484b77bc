import ArgumentParser
import Foundation
import Logging
import ShopMockServer

/// `shop-mock-server`: the mock shop gateway as a standalone process.
@main
struct ShopMockServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shop-mock-server",
        abstract: "Serve the whole shop gateway contract offline, with real business rules.")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free port).")
    var port = 8080

    @Option(name: .customLong("catalog"), help: ArgumentHelp("Load this catalog JSON file instead of the bundled one.", valueName: "FILE"))
    var catalogFile: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("Keep state in SQLite under this directory (default: in memory).", valueName: "DIR"))
    var dataDirectory: String?

    @Option(help: ArgumentHelp("Delay every request by a random MIN..MAX milliseconds.", valueName: "MIN..MAX"))
    var latency: String?

    @Option(name: .customLong("fail-rate"), help: ArgumentHelp("Answer this share of requests (0...1) with 503.", valueName: "P"))
    var failRate = 0.0

    @Option(name: .customLong("retry-after"), help: ArgumentHelp("Retry-After seconds sent with injected 503s.", valueName: "S"))
    var retryAfter = 1

    @Option(name: .customLong("time-scale"), help: ArgumentHelp("Make orders progress this many times faster (timestamps stay real).", valueName: "N"))
    var timeScale = 1.0

    @Option(name: .customLong("admin-token"), help: ArgumentHelp("The admin bearer token (default: $SHOP_ADMIN_TOKEN, else a random one).", valueName: "T"))
    var adminToken: String?

    @Flag(name: .customLong("no-read-cache"), help: "Answer every catalog read through the handlers (for measuring).")
    var noReadCache = false

    @Option(name: .customLong("head-timeout"), help: ArgumentHelp("Seconds a request's head may take once it has begun (408 after).", valueName: "S"))
    var headTimeout = 10.0

    @Option(name: .customLong("body-timeout"), help: ArgumentHelp("Seconds a request's body may take once its head is in (408 after).", valueName: "S"))
    var bodyTimeout = 30.0

    @Option(name: .customLong("idle-timeout"), help: ArgumentHelp("Seconds a connection may stay open with no request in progress.", valueName: "S"))
    var idleTimeout = 60.0

    @Option(name: .customLong("max-connections"), help: ArgumentHelp("Open connections beyond this are answered 503 and closed.", valueName: "N"))
    var maxConnections = 512

    @Option(name: .customLong("max-body-bytes"), help: ArgumentHelp("The largest request body accepted (413 beyond).", valueName: "N"))
    var maxBodyBytes = 1 << 20

    @Option(name: .customLong("max-header-bytes"), help: ArgumentHelp("The largest request line and headers accepted (431 beyond).", valueName: "N"))
    var maxHeaderBytes = 16 << 10

    @Option(name: .customLong("rate-limit"), help: ArgumentHelp("Requests per second per client address, in bursts of twice that (429 beyond; 0: no limit).", valueName: "N"))
    var rateLimit = 200.0

    @Option(name: .customLong("guest-session-limit"), help: ArgumentHelp("Guest sessions per client address: a burst, then so many per second (0: no limit).", valueName: "BURST:RATE"))
    var guestSessionLimit = "200:2"

    @Option(name: .customLong("sign-in-limit"), help: ArgumentHelp("Sign-in and registration attempts per client address: a burst, then so many per second (0: no limit).", valueName: "BURST:RATE"))
    var signInLimit = "60:1"

    @Option(name: .customLong("sign-in-free-failures"), help: ArgumentHelp("Wrong passwords for one account before each attempt must wait (1 s, doubling, at most 15 min).", valueName: "N"))
    var signInFreeFailures = 5

    @Option(name: .customLong("hashing-threads"), help: ArgumentHelp("Threads that run bcrypt (default: half the cores, at least 1).", valueName: "N"))
    var hashingThreads: Int?

    @Option(name: .customLong("hashing-queue"), help: ArgumentHelp("Sign-ins that may wait for a hashing thread (503 beyond).", valueName: "N"))
    var hashingQueue = 32

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535.") }
        guard (0...1).contains(failRate) else { throw ValidationError("--fail-rate must be between 0 and 1.") }
        guard retryAfter >= 0 else { throw ValidationError("--retry-after must not be negative.") }
        guard timeScale > 0 else { throw ValidationError("--time-scale must be positive.") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical.")
        }
        if let latency { _ = try Self.parseLatency(latency) }
        if let adminToken, adminToken.isEmpty { throw ValidationError("--admin-token must not be empty.") }
        for (name, seconds) in [("--head-timeout", headTimeout), ("--body-timeout", bodyTimeout), ("--idle-timeout", idleTimeout)] {
            guard seconds > 0, seconds <= 86_400 else { throw ValidationError("\(name) must be more than 0 and at most 86400 seconds.") }
        }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1.") }
        guard maxBodyBytes >= 1024 else { throw ValidationError("--max-body-bytes must be at least 1024.") }
        guard maxHeaderBytes >= 1024 else { throw ValidationError("--max-header-bytes must be at least 1024.") }
        guard rateLimit >= 0 else { throw ValidationError("--rate-limit must not be negative.") }
        _ = try Self.parseLimit(guestSessionLimit, option: "--guest-session-limit")
        _ = try Self.parseLimit(signInLimit, option: "--sign-in-limit")
        guard signInFreeFailures >= 0 else { throw ValidationError("--sign-in-free-failures must not be negative.") }
        if let hashingThreads, !(1...64).contains(hashingThreads) { throw ValidationError("--hashing-threads must be 1 to 64.") }
        guard hashingQueue >= 0 else { throw ValidationError("--hashing-queue must not be negative.") }
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

    static func parseLatency(_ text: String) throws -> ClosedRange<Int> {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]), low >= 0, low <= high else {
            throw ValidationError("--latency must look like MIN..MAX in milliseconds, e.g. 50..300.")
        }
        return low...high
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in StandardErrorLogHandler(label: label, logLevel: level) }
        var logger = Logger(label: "shop.mock-gateway")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info

        let environmentToken = ProcessInfo.processInfo.environment["SHOP_ADMIN_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let token = adminToken ?? environmentToken
        var configuration = GatewayConfiguration(
            host: host, port: port, catalogFile: catalogFile, dataDirectory: dataDirectory,
            latency: try latency.map(Self.parseLatency), failRate: failRate, retryAfterSeconds: retryAfter,
            timeScale: timeScale, adminToken: token ?? GatewayConfiguration.randomAdminToken(), logger: logger)
        configuration.handlesTerminationSignals = true
        configuration.cachesCatalogReads = !noReadCache
        configuration.limits = try limits

        let gateway: RunningGateway
        do {
            gateway = try await MockGateway.start(configuration)
        } catch {
            try? FileHandle.standardError.write(contentsOf: Data("shop-mock-server: \(error)\n".utf8))
            throw ExitCode(1)
        }
        // Written straight to the file handle: a pipe would hold print's buffer back.
        var banner = "Serving the shop gateway at \(gateway.url.absoluteString)\n"
        if token == nil { banner += "Admin token: \(configuration.adminToken)\n" }
        try? FileHandle.standardOutput.write(contentsOf: Data(banner.utf8))

        // SIGINT/SIGTERM end it gracefully: in-flight requests finish, then the database closes.
        do { try await gateway.waitUntilStopped() } catch {
            try? FileHandle.standardError.write(contentsOf: Data("shop-mock-server: \(error)\n".utf8))
            throw ExitCode(1)
        }
        await gateway.stop()
        try? FileHandle.standardOutput.write(contentsOf: Data("Stopped.\n".utf8))
    }
}
