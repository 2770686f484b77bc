import Foundation
import Logging
import ShopApp
import ShopKit
import ShopMockServer

/// What a subcommand runs with: the same configuration file, stored session and offline-demo
/// data directory as the full-screen client, so signing in here signs in there and back.
final class CLIContext: Sendable {
    let client: ShopClient
    let currency: CurrencyCode
    let directories: XDGDirectories
    let output: CLIOutput
    private let embedded: RunningGateway?

    private init(client: ShopClient, currency: CurrencyCode, directories: XDGDirectories, output: CLIOutput, embedded: RunningGateway?) {
        self.client = client
        self.currency = currency
        self.directories = directories
        self.output = output
        self.embedded = embedded
    }

    /// Reads the settings, starts the embedded gateway when none is configured (as the
    /// full-screen client does) and makes a client on the shared session file.
    static func open(_ options: CLIOptions, output: CLIOutput) async throws -> CLIContext {
        let environment = ProcessInfo.processInfo.environment
        let directories = XDGDirectories(environment: environment)
        var settings: ClientSettings
        do {
            settings = try ClientSettings.load(from: directories.configFile)
        } catch {
            throw CLIFailure(.usage, error.description)
        }
        if let gateway = options.gateway { settings.gateway = URL(string: gateway) }
        if let currency = options.currency { settings.currency = currency.uppercased() }

        LoggingSystem.bootstrap(Self.logHandlerFactory(directories))

        let embedded: RunningGateway?
        let baseURL: URL
        if let url = settings.gateway {
            embedded = nil
            baseURL = url
        } else {
            do {
                try XDGDirectories.ensurePrivateDirectory(directories.gatewayData)
                let configuration = GatewayConfiguration(port: 0, dataDirectory: directories.gatewayData.path, timeScale: settings.demoSpeed,
                                                         logger: Logger(label: "shop.gateway"))
                let running = try await MockGateway.start(configuration)
                embedded = running
                baseURL = running.url
            } catch {
                throw CLIFailure(.unreachable, "cannot start the offline demo gateway: \(error)")
            }
        }
        do {
            try XDGDirectories.ensurePrivateDirectory(directories.data)
        } catch {
            if let embedded { await embedded.stop() }
            throw CLIFailure(.failure, "cannot create \(directories.data.path): \(error)")
        }
        let client = ShopClient(configuration: ShopClientConfiguration(
            baseURL: baseURL, sessionStore: FileSessionStore(url: directories.sessionFile), logger: Logger(label: "shopkit")))
        return CLIContext(client: client, currency: CurrencyCode(code: settings.currency) ?? .usd,
                          directories: directories, output: output, embedded: embedded)
    }

    func close() async {
        try? await client.shutdown()
        if let embedded { await embedded.stop() }
    }

    /// Logs go to the client's log file, never to the terminal a script reads.
    private static func logHandlerFactory(_ directories: XDGDirectories) -> @Sendable (String) -> any LogHandler {
        if let factory = try? FileLogHandler.open(directories.logFile) { return factory }
        return { _ in SwiftLogNoOpLogHandler() }
    }
}
