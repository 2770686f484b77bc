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

    @Option(help: ArgumentHelp("Answer this share of requests (0...1) with 503.", valueName: "P"))
    var failRate = 0.0

    @Option(help: ArgumentHelp("Retry-After seconds sent with injected 503s.", valueName: "S"))
    var retryAfter = 1

    @Option(help: ArgumentHelp("Make orders progress this many times faster (timestamps stay real).", valueName: "N"))
    var timeScale = 1.0

    @Option(help: ArgumentHelp("The admin bearer token (default: $SHOP_ADMIN_TOKEN, else a random one).", valueName: "T"))
    var adminToken: String?

    @Flag(help: "Answer every catalog read through the handlers (for measuring).")
    var noReadCache = false

    /// The limits against abuse (docs/security.md), listed among the other options in --help.
    @OptionGroup var limitOptions: LimitOptions

    @Option(help: "trace, debug, info, notice, warning, error or critical.")
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
        configuration.limits = try limitOptions.limits

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
