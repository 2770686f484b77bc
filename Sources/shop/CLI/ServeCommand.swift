import ArgumentParser
import Dispatch
import Foundation
import Logging
import ShopApp
import ShopMockServer
import ShopSSH
import TerminalUI

/// `shop serve`: the whole shop over SSH for anyone with an ssh client, many people in this one
/// process (docs/ssh.md).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the shop over SSH: anyone can shop with `ssh -p 2222 HOST`.",
        discussion: """
            Each SSH key is an identity: the same key finds the same cart, addresses and orders.
            Without a key a person shops as a guest. Without --gateway, the offline demo gateway
            runs inside the server on the usual data directory. Stop with Ctrl-C (or SIGTERM):
            everyone connected is told the shop is closing.
            """)

    @Option(name: .customLong("ssh-host"), help: ArgumentHelp("The address to listen on.", valueName: "ADDRESS"))
    var sshHost = "127.0.0.1"

    @Option(name: .customLong("ssh-port"), help: ArgumentHelp("The port to listen on; 0 picks a free one and prints it.", valueName: "PORT"))
    var sshPort = 2222

    @Option(help: ArgumentHelp("Shop at the gateway at this http(s) URL (its admin token in SHOP_ADMIN_TOKEN or --admin-token-file) instead of the offline demo.", valueName: "URL"))
    var gateway: String?

    @Option(name: .customLong("admin-token-file"), help: ArgumentHelp("A file holding the --gateway's admin token (signs people in by key).", valueName: "FILE"))
    var adminTokenFile: String?

    @Option(name: .customLong("host-key"), help: ArgumentHelp("The server's Ed25519 host key; created on first start. Default: $XDG_DATA_HOME/shop/ssh/host_ed25519.", valueName: "FILE"))
    var hostKey: String?

    @Option(name: .customLong("max-sessions"), help: ArgumentHelp("People shopping at once; one more is told the shop is full.", valueName: "N"))
    var maxSessions = 100

    @Option(name: .customLong("idle-timeout"), help: ArgumentHelp("Close a session after this long without a key press (e.g. 30m, 90s, 2h).", valueName: "DURATION"))
    var idleTimeout = "30m"

    @Option(name: .customLong("connection-burst"), help: ArgumentHelp("New connections one address may open at once.", valueName: "N"))
    var connectionBurst = 20

    @Option(name: .customLong("connection-rate"), help: ArgumentHelp("New connections one address may open per second after the burst.", valueName: "N"))
    var connectionRate = 5.0

    @Option(help: ArgumentHelp("A theme name (default, dark, light, high-contrast, mono) or a theme file.", valueName: "NAME|FILE"))
    var theme: String?

    @Option(name: .customLong("log-level"), help: ArgumentHelp("trace, debug, info, notice, warning, error or critical.", valueName: "LEVEL"))
    var logLevel = "info"

    func validate() throws {
        guard (0...65_535).contains(sshPort) else { throw ValidationError("--ssh-port must be 0 to 65535") }
        guard (1...10_000).contains(maxSessions) else { throw ValidationError("--max-sessions must be 1 to 10000") }
        guard (1...100_000).contains(connectionBurst) else { throw ValidationError("--connection-burst must be 1 to 100000") }
        guard connectionRate > 0, connectionRate <= 100_000 else { throw ValidationError("--connection-rate must be above 0 and at most 100000") }
        guard Self.seconds(idleTimeout) != nil else { throw ValidationError("--idle-timeout must be a duration such as 30m, 90s or 2h") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical") }
        if let gateway {
            guard let url = URL(string: gateway), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw ValidationError("--gateway must be an http(s) URL, e.g. http://127.0.0.1:8080")
            }
        }
    }

    /// `30m`, `90s`, `2h` or plain seconds.
    static func seconds(_ text: String) -> Int? {
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600]
        var digits = Substring(text)
        var unit = 1
        if let last = text.last, let factor = units[last] {
            unit = factor
            digits = text.dropLast()
        }
        guard let value = Int(digits), value > 0, value <= 7 * 86_400 / unit else { return nil }
        return value * unit
    }

    @_optimize(none)  // as `serve`, below
    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            // The embedded gateway's request log would drown who connected.
            handler.logLevel = label.hasPrefix("shop.gateway") ? max(level, .warning) : level
            return handler
        }
        let directories = XDGDirectories(environment: environment)
        var settings: ClientSettings
        do {
            settings = try ClientSettings.load(from: directories.configFile)
        } catch {
            throw Self.failure(error.description)
        }
        if let theme { settings.theme = theme }
        let shownTheme: Theme
        do {
            shownTheme = try ThemeLoader.named(settings.theme)
        } catch {
            throw Self.failure("theme '\(settings.theme)': \(error)")
        }

        let keyFile = hostKey.map { URL(fileURLWithPath: $0) }
            ?? directories.data.appendingPathComponent("ssh").appendingPathComponent("host_ed25519")
        let key: HostKey
        let created: Bool
        do {
            (key, created) = try HostKey.loadOrCreate(at: keyFile)
        } catch {
            throw Self.failure("host key: \(error)")
        }

        let command = UncheckedSendable(self)
        let demoSpeed = settings.demoSpeed
        try runBlocking {
            try await command.value.serve(key: key, keyFile: keyFile, created: created, theme: shownTheme,
                                          directories: directories, demoSpeed: demoSpeed, environment: environment)
        }
    }

    // Unoptimised on purpose: optimised, Swift 6.3.1's IR generation crashes on this function
    // (signal 11 in a release build, after the optimiser explodes its theme argument). It runs
    // once, at start; the sessions' code is optimised as usual.
    @_optimize(none)
    private func serve(key: HostKey, keyFile: URL, created: Bool, theme: Theme, directories: XDGDirectories,
                       demoSpeed: Double, environment: [String: String]) async throws {
        let gatewayURL: URL
        let adminToken: String
        let label: String
        var embedded: RunningGateway?
        if let gateway, let url = URL(string: gateway) {
            gatewayURL = url
            label = url.host ?? gateway
            if let adminTokenFile {
                guard let text = try? String(contentsOfFile: adminTokenFile, encoding: .utf8) else {
                    throw Self.failure("cannot read --admin-token-file \(adminTokenFile)")
                }
                adminToken = text.trimmingCharacters(in: .whitespacesAndNewlines)
            } else if let token = environment["SHOP_ADMIN_TOKEN"], !token.isEmpty {
                adminToken = token
            } else {
                throw Self.failure("--gateway needs the gateway's admin token (SHOP_ADMIN_TOKEN or --admin-token-file) to sign people in by key")
            }
        } else {
            do {
                try XDGDirectories.ensurePrivateDirectory(directories.gatewayData)
                adminToken = GatewayConfiguration.randomAdminToken()
                var configuration = GatewayConfiguration(port: 0, dataDirectory: directories.gatewayData.path, timeScale: demoSpeed,
                                                         adminToken: adminToken, logger: Logger(label: "shop.gateway"))
                // Every shopper reaches this gateway from the server's own address: its per-address
                // limits would make one person's guest sign-ups everyone's. The SSH side limits
                // connections per address instead; the per-account sign-in lockout stays.
                configuration.limits.guestSessionsPerAddress = nil
                configuration.limits.signInsPerAddress = nil
                let running = try await MockGateway.start(configuration)
                embedded = running
                gatewayURL = running.url
                label = "offline demo"
            } catch {
                throw Self.failure("cannot start the offline demo gateway: \(error)")
            }
        }

        let configuration = SSHServeConfiguration(
            host: sshHost, port: sshPort, hostKey: key, gatewayURL: gatewayURL, adminToken: adminToken, gatewayLabel: label,
            maxSessions: maxSessions, idleTimeout: .seconds(Self.seconds(idleTimeout) ?? 1800),
            connectionBurst: connectionBurst, connectionsPerSecond: connectionRate, theme: theme,
            logger: Logger(label: "shop.serve"))
        let server: SSHShopServer
        do {
            server = try await SSHShopServer.start(configuration)
        } catch {
            await embedded?.stop()
            throw Self.failure("cannot listen on \(sshHost):\(sshPort): \(error)")
        }

        let portOption = server.port == 22 ? "" : "-p \(server.port) "
        let host = ["127.0.0.1", "::1", "0.0.0.0", "::"].contains(sshHost) ? "localhost" : sshHost
        Self.say("""
            shop is open over SSH on \(sshHost) port \(server.port) (gateway: \(label)).
            Host key \(key.fingerprint) (\(created ? "new, saved in" : "from") \(keyFile.path))
            Connect with:  ssh \(portOption)\(host)
            Stop with Ctrl-C.
            """)

        let report = Self.reportOnSignal(server, logger: Logger(label: "shop.serve"))
        await Self.waitForStopSignal()
        report.cancel()
        Self.say("Closing the shop (\(server.sessionCount) connected)…")
        await server.stop()
        await embedded?.stop()
    }

    /// A line on standard output, written at once (scripts and tests read the port from it).
    private static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// On SIGUSR1, logs what the server holds: its sessions and their objects still alive
    /// (`kill -USR1 PID`; with the resident memory, tells a leak from the allocator keeping freed pages).
    private static func reportOnSignal(_ server: SSHShopServer, logger: Logger) -> any DispatchSourceSignal {
        signal(SIGUSR1, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGUSR1, queue: DispatchQueue(label: "shop.serve.report"))
        source.setEventHandler {
            let live = server.liveObjects.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            logger.notice("report", metadata: ["sessions": "\(server.sessionCount)", "alive": "\(live.isEmpty ? "none" : live)"])
        }
        source.resume()
        return source
    }

    /// Returns on SIGINT or SIGTERM (the default actions are turned off so the shop can say goodbye).
    private static func waitForStopSignal() async {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let queue = DispatchQueue(label: "shop.serve.signals")
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumed = ResumeOnce(continuation)
            let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: queue) }
            for source in sources {
                source.setEventHandler {
                    for each in sources { each.cancel() }
                    resumed.resume()
                }
                source.resume()
            }
        }
    }

    private static func failure(_ message: String) -> some Error {
        FileHandle.standardError.write(Data("shop serve: \(message)\n".utf8))
        return ExitCode(1)
    }
}

/// Resumes a continuation once, whichever signal comes first.
private final class ResumeOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?

    init(_ continuation: CheckedContinuation<Void, Never>) {
        self.continuation = continuation
    }

    func resume() {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume()
    }
}
