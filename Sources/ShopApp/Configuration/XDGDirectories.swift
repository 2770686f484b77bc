import Foundation

/// Where `shop` keeps its files, following the XDG Base Directory specification.
///
/// Configuration in `$XDG_CONFIG_HOME/shop` (default `~/.config/shop`), data such as the embedded
/// gateway's database and the saved session in `$XDG_DATA_HOME/shop` (`~/.local/share/shop`),
/// and logs in `$XDG_STATE_HOME/shop` (`~/.local/state/shop`).
public struct XDGDirectories: Sendable, Equatable {
    public var config: URL
    public var data: URL
    public var state: URL

    public init(config: URL, data: URL, state: URL) {
        self.config = config
        self.data = data
        self.state = state
    }

    /// Resolves the directories from an environment; relative XDG values are ignored, as the
    /// specification requires.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = URL(fileURLWithPath: environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory())
        func base(_ variable: String, _ fallback: String) -> URL {
            if let value = environment[variable], value.hasPrefix("/") {
                return URL(fileURLWithPath: value)
            }
            return home.appendingPathComponent(fallback)
        }
        config = base("XDG_CONFIG_HOME", ".config").appendingPathComponent("shop")
        data = base("XDG_DATA_HOME", ".local/share").appendingPathComponent("shop")
        state = base("XDG_STATE_HOME", ".local/state").appendingPathComponent("shop")
    }

    /// `config.yaml` in the configuration directory.
    public var configFile: URL { config.appendingPathComponent("config.yaml") }
    /// The saved session (token and refresh token), so the cart survives restarts.
    public var sessionFile: URL { data.appendingPathComponent("session.json") }
    /// The embedded gateway's data directory.
    public var gatewayData: URL { data.appendingPathComponent("gateway") }
    /// The client's log file.
    public var logFile: URL { state.appendingPathComponent("shop.log") }

    /// Creates `directory` (and its parents) readable by the owner only.
    public static func ensurePrivateDirectory(_ directory: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true,
                                    attributes: [.posixPermissions: 0o700])
        // createDirectory leaves an existing directory's mode alone; tighten it.
        try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
    }
}
