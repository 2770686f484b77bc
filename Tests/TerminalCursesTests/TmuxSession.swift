import Foundation

/// A tmux server of its own (a unique `-L` socket, no user config) running one pane, for
/// driving terminal programs in a real pseudo-terminal. ``close()`` kills the server; call it
/// in a `defer`.
final class TmuxSession {
    /// Whether tmux is installed; tests that need it are skipped with a message otherwise.
    static let isAvailable: Bool = executable(named: "tmux") != nil

    let socket: String
    private let tmux: URL

    /// Starts a detached `width`x`height` session running `command` under `sh -c`.
    init(width: Int = 100, height: Int = 30, command: String) throws {
        guard let tmux = TmuxSession.executable(named: "tmux") else { throw TmuxError("tmux is not installed") }
        self.tmux = tmux
        socket = "tui-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        try run("-f", "/dev/null", "new-session", "-d", "-s", "test", "-x", "\(width)", "-y", "\(height)", command)
        socketPath = try? run("display-message", "-p", "#{socket_path}").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { close() }

    /// The server's socket file, which tmux leaves behind when the server exits.
    private var socketPath: String?

    /// Kills the tmux server (and with it the pane's processes) and removes its socket file.
    func close() {
        _ = try? run("kill-server")
        if let socketPath, !socketPath.isEmpty {
            try? FileManager.default.removeItem(atPath: socketPath)
            self.socketPath = nil
        }
    }

    /// The pane's text, one line per row (`capture-pane -p`).
    func capture() throws -> String {
        try run("capture-pane", "-p", "-t", "test")
    }

    /// The pane's text with its attributes and colours as SGR escape sequences (`capture-pane -e`).
    func captureWithEscapes() throws -> String {
        try run("capture-pane", "-p", "-e", "-t", "test")
    }

    /// Types keys into the pane, in tmux key syntax ("Down", "Enter", "C-z") or literally.
    func send(_ keys: String..., literally: Bool = false) throws {
        try run(["send-keys", "-t", "test"] + (literally ? ["-l"] : []) + keys)
    }

    /// Resizes the window (and the pane with it), as a user resizing the terminal would.
    func resize(width: Int, height: Int) throws {
        try run("resize-window", "-t", "test", "-x", "\(width)", "-y", "\(height)")
    }

    /// The pane's pseudo-terminal device, e.g. /dev/pts/3.
    func paneTTY() throws -> String {
        try run("display-message", "-p", "-t", "test", "#{pane_tty}").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until the screen satisfies `condition`; throws with the last screen if it never does.
    @discardableResult
    func waitForScreen(timeout: Duration = .seconds(15), _ description: String, _ condition: (String) -> Bool) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while ContinuousClock.now < deadline {
            screen = (try? capture()) ?? ""
            if condition(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxError("timed out waiting for \(description); the screen was:\n\(screen)")
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(15)) throws -> String {
        try waitForScreen(timeout: timeout, "'\(text)'") { $0.contains(text) }
    }

    @discardableResult
    private func run(_ arguments: String...) throws -> String {
        try run(arguments)
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        try TmuxSession.runProcess(tmux, ["-L", socket] + arguments)
    }

    /// Runs a program to completion and returns its output; throws if it fails.
    static func runProcess(_ executable: URL, _ arguments: [String]) throws -> String {
        let result = try ChildProcess.run(executable.path, arguments)
        guard result.status == 0 else {
            throw TmuxError("\(executable.lastPathComponent) \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.output)")
        }
        return result.output
    }

    static func executable(named name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
