import Foundation
import Yams

/// The client's settings: from `config.yaml`, then overridden by command-line options.
///
/// ```yaml
/// gateway: http://127.0.0.1:8080   # absent: run the embedded offline gateway
/// theme: dark                      # default, dark, light, high-contrast, mono, or a file path
/// currency: EUR                    # USD, EUR, CAD, JPY, GBP, TRY
/// mouse: true
/// color: false                     # same as NO_COLOR
/// demoSpeed: 60                    # embedded gateway only: how much faster orders progress
/// copy: true                       # y copies ids through OSC 52; false for terminals that refuse it
/// notify: bell                     # bell, osc9, osc777 or off (default: bell, off over SSH)
/// keys:                            # see KeymapConfiguration and docs/keys.md
///   preset: vim
/// ```
public struct ClientSettings: Sendable, Equatable {
    public var gateway: URL?
    public var theme: String = "default"
    public var currency: String = "USD"
    public var mouse: Bool = false
    public var color: Bool = true
    public var demoSpeed: Double = 60
    /// `y` copies through OSC 52.
    public var copy: Bool = true
    /// How news (an order's status, a new inbox message) rings the terminal, when `config.yaml`
    /// says; nil leaves it to `notificationStyle(environment:)`.
    public var notify: NotificationStyle?
    public var keymap: Keymap = .vim

    public init() {}

    /// How news rings: as configured; otherwise a bell, except in a login over SSH, where the
    /// terminal that would ring is a stranger's to this machine and nobody asked for it.
    public func notificationStyle(environment: [String: String]) -> NotificationStyle {
        notify ?? NotificationStyle.default(overSSH: Self.isOverSSH(environment))
    }

    /// Whether this process runs in an SSH login: sshd sets these for the session it starts.
    public static func isOverSSH(_ environment: [String: String]) -> Bool {
        ["SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"].contains { !(environment[$0] ?? "").isEmpty }
    }

    /// The keys `config.yaml` may hold; anything else is reported, so a typo is not silently ignored.
    public static let knownKeys: Set<String> = ["gateway", "theme", "currency", "mouse", "color", "demoSpeed", "copy", "notify", "keys"]
    public static let currencies: Set<String> = ["USD", "EUR", "CAD", "JPY", "GBP", "TRY"]

    /// Reads `file`; a missing file gives the defaults.
    public static func load(from file: URL) throws(SettingsError) -> ClientSettings {
        guard FileManager.default.fileExists(atPath: file.path) else { return ClientSettings() }
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw SettingsError(file: file.path, key: nil, message: "cannot be read as UTF-8 text")
        }
        return try parse(text, file: file.path)
    }

    /// Parses the YAML text of a configuration file named `file` (for messages). An error
    /// names the line of the setting at fault.
    public static func parse(_ text: String, file: String) throws(SettingsError) -> ClientSettings {
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw SettingsError(file: file, key: nil, message: "is not valid YAML (\(error))")
        }
        var lines: [String: Int] = [:]
        for (key, value) in root?.mapping ?? [:] {
            if let name = key.string { lines[name] = key.mark?.line ?? value.mark?.line }
        }
        do {
            var settings = try parseValues(text, file: file)
            if let keys = root?.mapping?["keys"] { settings.keymap = try KeymapConfiguration.keymap(from: keys, file: file) }
            return settings
        } catch {
            var located = error
            if located.line == nil, let key = located.key { located.line = lines[key] }
            throw located
        }
    }

    private static func parseValues(_ text: String, file: String) throws(SettingsError) -> ClientSettings {
        let node: Any?
        do {
            node = try Yams.load(yaml: text)
        } catch {
            throw SettingsError(file: file, key: nil, message: "is not valid YAML (\(error))")
        }
        var settings = ClientSettings()
        guard let node else { return settings }  // an empty file
        guard let map = node as? [String: Any] else {
            throw SettingsError(file: file, key: nil, message: "must be a mapping of keys to values")
        }
        for key in map.keys.sorted() where !knownKeys.contains(key) {
            throw SettingsError(file: file, key: key, message: "is not a setting (known: \(knownKeys.sorted().joined(separator: ", ")))")
        }
        if let value = map["gateway"] {
            guard let text = value as? String, let url = URL(string: text), let scheme = url.scheme,
                  ["http", "https"].contains(scheme), url.host != nil else {
                throw SettingsError(file: file, key: "gateway", message: "must be an http(s) URL")
            }
            settings.gateway = url
        }
        if let value = map["theme"] {
            guard let text = value as? String, !text.isEmpty else {
                throw SettingsError(file: file, key: "theme", message: "must be a theme name or a file path")
            }
            settings.theme = text
        }
        if let value = map["currency"] {
            guard let text = (value as? String)?.uppercased(), currencies.contains(text) else {
                throw SettingsError(file: file, key: "currency", message: "must be one of \(currencies.sorted().joined(separator: ", "))")
            }
            settings.currency = text
        }
        if let value = map["mouse"] {
            guard let flag = value as? Bool else {
                throw SettingsError(file: file, key: "mouse", message: "must be true or false")
            }
            settings.mouse = flag
        }
        if let value = map["color"] {
            guard let flag = value as? Bool else {
                throw SettingsError(file: file, key: "color", message: "must be true or false")
            }
            settings.color = flag
        }
        if let value = map["demoSpeed"] {
            let number = (value as? Double) ?? (value as? Int).map(Double.init)
            guard let number, number >= 1, number <= 100_000 else {
                throw SettingsError(file: file, key: "demoSpeed", message: "must be a number from 1 to 100000")
            }
            settings.demoSpeed = number
        }
        if let value = map["copy"] {
            guard let flag = value as? Bool else {
                throw SettingsError(file: file, key: "copy", message: "must be true or false")
            }
            settings.copy = flag
        }
        if let value = map["notify"] {
            // YAML reads a bare `off` as false.
            let name = (value as? String) ?? ((value as? Bool) == false ? "off" : nil)
            guard let name, let style = NotificationStyle(rawValue: name) else {
                throw SettingsError(file: file, key: "notify", message: "must be one of \(NotificationStyle.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            settings.notify = style
        }
        return settings
    }
}

/// A configuration file that cannot be used, naming the file and the key at fault.
public struct SettingsError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var key: String?
    /// The line of the file at fault (1 is the first), when it is known.
    public var line: Int?
    public var message: String

    public init(file: String, key: String?, line: Int? = nil, message: String) {
        self.file = file
        self.key = key
        self.line = line
        self.message = message
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        if let key { return "\(place): '\(key)' \(message)" }
        return "\(place) \(message)"
    }
}
