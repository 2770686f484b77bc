import ArgumentParser
import Foundation
import Logging
import ShopApp
import ShopKit
import ShopMockServer
import TerminalCurses
import TerminalUI

/// `shop`: the terminal shopping client. With no `--gateway` it starts the mock gateway
/// in-process (the offline demo), keeping its data under the XDG data directory.
/// With no subcommand it opens the full-screen client; the subcommands (docs/cli.md) do the same
/// things one at a time for scripts.
@main
struct ShopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shop",
        abstract: "Browse, search, buy and track orders from your terminal.",
        discussion: """
            Settings are read from $XDG_CONFIG_HOME/shop/config.yaml; options override them.
            Without --gateway, an offline demo gateway runs inside the app. Press ? in the app for keys.
            With a subcommand, does one thing and prints it (as JSON with --json); see docs/cli.md.
            """,
        version: "1.0.0",
        subcommands: scriptCommands)

    /// The subcommands, for scripts (docs/cli.md).
    static let scriptCommands: [any ParsableCommand.Type] = [
        ProductsCommand.self, SearchCommand.self, ShowCommand.self, CartCommand.self, CheckoutCommand.self,
        OrdersCommand.self, InboxCommand.self, AccountCommand.self, CurrencyCommand.self, CompletionCommand.self,
        ServeCommand.self,
    ]

    /// Without a subcommand, parses and runs exactly as before (the full-screen client). With
    /// one, parses through `ShopScriptCommand`, whose root has no options: ArgumentParser gives
    /// an option both a parent and a child declare to the parent, so `shop search lamp
    /// --gateway URL` would otherwise lose its `--gateway`. Shared options typed before the
    /// subcommand (`shop --gateway URL cart`) are moved behind it first. A usage error there is one line on
    /// standard error (a JSON object with --json) with exit status 2, as docs/cli.md documents.
    static func main() {
        guard let arguments = LeadingSharedOptions.reordered(Array(CommandLine.arguments.dropFirst()), root: ShopScriptCommand.self) else {
            do {
                var command = try parseAsRoot()
                try command.run()
            } catch {
                exit(withError: error)
            }
            Foundation.exit(0)
        }
        do {
            var command = try ShopScriptCommand.parseAsRoot(arguments)
            try command.run()
        } catch {
            guard ShopScriptCommand.exitCode(for: error) != .success, !(error is ExitCode) else { ShopScriptCommand.exit(withError: error) }
            let path = LeadingSharedOptions.commandPath(arguments, root: ShopScriptCommand.self).joined(separator: " ")
            let flags = arguments.filter { $0 == "--json" || $0 == "--no-color" }
            let output = CLIOutput(command: path, options: (try? CLIOptions.parse(flags)) ?? CLIOptions())
            let message = CLIOutput.oneLine(ShopScriptCommand.message(for: error))
            output.report(CLIFailure(.usage, "\(message) (see shop \(path) --help)"))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
    }

    @Option(help: ArgumentHelp("Use the gateway at this http(s) URL instead of the offline demo.", valueName: "URL"))
    var gateway: String?

    @Option(help: ArgumentHelp("A theme name (default, dark, light, high-contrast, mono) or a theme file.", valueName: "NAME|FILE"))
    var theme: String?

    @Option(help: ArgumentHelp("Show prices in USD, EUR, CAD, JPY, GBP or TRY.", valueName: "CODE"))
    var currency: String?

    @Flag(inversion: .prefixedNo, help: "Use the mouse for clicks and the wheel.")
    var mouse: Bool?

    @Flag(name: .customLong("no-color"), help: "No colours (same as NO_COLOR).")
    var noColor = false

    func validate() throws {
        try SharedOptionRules.validate(gateway: gateway, currency: currency)
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let directories = XDGDirectories(environment: environment)
        let settings = try resolvedSettings(directories: directories, environment: environment)
        let theme = try loadTheme(settings.theme)

        // No terminal, no screen: say so before anything starts.
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            fail(TerminalError.notATerminal(stream: isatty(STDIN_FILENO) == 0 ? "input" : "output").message)
        }
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else { fail(TerminalError.dumbTerminal(term: term).message) }

        // Logs go to a file from the start, so the embedded gateway's request log goes there too.
        do {
            let factory = try FileLogHandler.open(directories.logFile)
            LoggingSystem.bootstrap(factory)
        } catch {
            fail("cannot open the log file \(directories.logFile.path): \(error)")
        }
        let logger = Logger(label: "shop")

        var embedded: RunningGateway?
        let baseURL: URL
        let label: String
        if let url = settings.gateway {
            baseURL = url
            label = url.absoluteString
        } else {
            do {
                try XDGDirectories.ensurePrivateDirectory(directories.gatewayData)
                let configuration = GatewayConfiguration(port: 0, dataDirectory: directories.gatewayData.path, timeScale: settings.demoSpeed,
                                                         logger: Logger(label: "shop.gateway"))
                let running = try runBlocking { try await MockGateway.start(configuration) }
                embedded = running
                baseURL = running.url
                label = "offline demo"
                logger.info("embedded gateway at \(running.url.absoluteString)")
            } catch {
                fail("cannot start the offline demo gateway: \(error)")
            }
        }

        do {
            try XDGDirectories.ensurePrivateDirectory(directories.data)
        } catch {
            fail("cannot create \(directories.data.path): \(error)")
        }
        let client = ShopClient(configuration: ShopClientConfiguration(
            baseURL: baseURL, sessionStore: FileSessionStore(url: directories.sessionFile), logger: Logger(label: "shopkit")))
        defer {
            try? runBlocking { try await client.shutdown() }
            if let embedded { try? runBlocking { await embedded.stop() } }
        }

        var terminalEnvironment = environment
        if !settings.color { terminalEnvironment["NO_COLOR"] = "1" }
        let terminal = CursesTerminal(theme: theme, options: .init(mouse: settings.mouse, rawKeys: true, environment: terminalEnvironment,
                                                                   crashLogPath: directories.logFile.path))
        // The locale's character set decides whether anything beyond ASCII can be shown.
        setlocale(LC_ALL, "")
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        let backend: CursesBackend
        do {
            backend = try CursesBackend(terminal: terminal, codeset: codeset)
        } catch let error as TerminalError {
            fail(error.message)
        } catch {
            fail("cannot set up the terminal: \(error)")
        }
        defer { backend.stop() }

        let queue = ActionQueue()
        let configFile = directories.configFile
        let runner = EffectRunner(
            service: ShopClientService(client: client), queue: queue, logger: Logger(label: "shop.effects"),
            makeKey: { ShopClient.makeIdempotencyKey() },
            saveCurrency: { currency in
                do { try SettingsWriter.setValue(currency.code, forKey: "currency", in: configFile) }
                catch { Logger(label: "shop").warning("could not save the currency: \(error)") }
            })
        let state = AppState(size: backend.size, now: Date(), currency: CurrencyCode(code: settings.currency) ?? .usd,
                             gatewayLabel: label, mouseEnabled: settings.mouse)
        let shownTheme = backend.capabilities.colors == .none ? .mono : theme
        logger.info("started", metadata: ["gateway": "\(label)"])
        #if DEBUG
        DebugCrash.armIfAsked(environment)
        #endif
        try runBlocking {
            let runtime = AppRuntime(state: state, backend: backend, runner: runner, queue: queue, theme: shownTheme, logger: logger)
            await runtime.run()
        }
    }

    /// config.yaml, then the command line, then NO_COLOR.
    private func resolvedSettings(directories: XDGDirectories, environment: [String: String]) throws -> ClientSettings {
        var settings: ClientSettings
        do {
            settings = try ClientSettings.load(from: directories.configFile)
        } catch {
            fail(error.description)
        }
        if let gateway { settings.gateway = URL(string: gateway) }
        if let theme { settings.theme = theme }
        if let currency { settings.currency = currency.uppercased() }
        if let mouse { settings.mouse = mouse }
        if noColor { settings.color = false }
        if let value = environment["NO_COLOR"], !value.isEmpty { settings.color = false }
        return settings
    }

    private func loadTheme(_ name: String) throws -> Theme {
        do {
            return try ThemeLoader.named(name)
        } catch {
            fail("theme '\(name)': \(error)")
        }
    }

    private func fail(_ message: String) -> Never {
        let text = message.hasPrefix("shop ") ? message : "shop: \(message)"
        try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
        Foundation.exit(1)
    }
}

/// The root `shop` parses subcommands with: the same subcommands and name, no options of its own.
struct ShopScriptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shop", abstract: ShopCommand.configuration.abstract, version: ShopCommand.configuration.version,
        subcommands: ShopCommand.scriptCommands)
}
