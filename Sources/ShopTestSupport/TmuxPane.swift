import Foundation
import Testing

/// One program in a pane of a tmux server of its own (a unique `-L` socket), driven by keys and
/// read from the screen as a person at a terminal would. The one pane helper of the end-to-end,
/// reliability and SSH tests.
///
/// Every call runs `tmux` and waits for it, so it blocks its thread: call it inside
/// ``offThePool(isolation:_:)``. A call on the cooperative pool records a test issue instead of
/// quietly stalling the suite's in-process gateways.
public final class TmuxPane: Sendable {
    /// The tmux executable, if installed.
    public static let tmux: String? = BuiltProducts.tool("tmux")

    public let socket: String
    public let session: String

    /// A pane on a new socket named `prefix-XXXXXXXX`; nothing runs until ``start(_:width:height:options:)``.
    public init(socketPrefix prefix: String, session: String = "shop") {
        socket = "\(prefix)-\(UUID().uuidString.prefix(8))"
        self.session = session
    }

    /// Starts `command` (under `sh -c`) in a detached `width`x`height` session. `options` are
    /// tmux commands run first on the new server (each ending in `";"`), e.g.
    /// `["set-option", "-g", "set-clipboard", "on", ";"]`.
    public func start(_ command: String, width: Int, height: Int, options: [String] = []) throws {
        guard Self.tmux != nil else { throw TmuxPaneError("tmux is not installed") }
        // The tmux server this starts keeps inherited descriptors open: do not wait on a pipe.
        try run(options + ["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), command], capture: false)
    }

    /// Whether the session exists (the server is up and the command has not been killed).
    public var exists: Bool {
        ((try? run(["list-sessions", "-F", "#{session_name}"])) ?? "").split(separator: "\n").contains { $0 == session }
    }

    /// Keys in tmux syntax (`Enter`, `C-c`, `Down`) or characters.
    public func keys(_ names: [String]) {
        _ = try? run(["send-keys", "-t", session] + names)
    }

    /// Text typed literally.
    public func type(_ text: String) {
        _ = try? run(["send-keys", "-t", session, "-l", text])
    }

    /// The screen's text; with `padded`, every row keeps its trailing spaces (`capture-pane -N`).
    public func screen(padded: Bool = false) throws -> String {
        try run(["capture-pane", "-p"] + (padded ? ["-N"] : []) + ["-t", session])
    }

    /// A tmux format evaluated for the pane, e.g. `#{pane_title}`.
    public func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", session, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The program in the foreground of the pane (`sleep` once the pane's command has moved on).
    public var currentCommand: String {
        (try? display("#{pane_current_command}")) ?? ""
    }

    /// The paste buffers (OSC 52 clipboard writes land here when tmux accepts them).
    public func pasteBuffers() throws -> String {
        try run(["list-buffers"])
    }

    /// Ends the session, if it is running, and waits until tmux no longer lists it.
    public func killSession(timeout: Duration = .seconds(10)) {
        _ = try? run(["kill-session", "-t", session])
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline, exists { Thread.sleep(forTimeInterval: 0.1) }
    }

    /// Waits, sleeping the thread, until the screen holds `text`; answers that screen.
    @discardableResult
    public func waitForScreen(containing text: String, timeout: Duration = .seconds(20)) throws -> String {
        try waitForScreen(timeout: timeout, "“\(text)”") { $0.contains(text) }
    }

    /// Waits, sleeping the thread, until the screen satisfies `condition` (`what` names it in
    /// the failure); answers that screen.
    @discardableResult
    public func waitForScreen(timeout: Duration = .seconds(20), _ what: String, _ condition: (String) -> Bool) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var last = ""
        while ContinuousClock.now < deadline {
            last = (try? screen()) ?? ""
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxPaneError("timed out waiting for \(what); the screen was:\n\(last)")
    }

    /// Everything the pane started ends, by pid: SIGKILL to the pane's process group and to the
    /// server (children of a test thread inherit its blocked signals, so SIGTERM and the SIGHUP
    /// of `kill-server` may never arrive). The socket file goes too.
    public func tearDown() {
        let ids = (try? display("#{pid} #{pane_pid}")) ?? ""
        let pids = ids.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int32($0) }
        if pids.count == 2 {
            kill(-pids[1], SIGKILL)  // the pane's process group: its shell and what it runs
            kill(pids[1], SIGKILL)   // the pane's first process, should it have left the group
            kill(pids[0], SIGKILL)   // the tmux server of this socket
        }
        let tmuxDirectory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(tmuxDirectory)/tmux-\(getuid())/\(socket)")
    }

    /// Runs `tmux -L socket arguments`; with `capture`, waits for it and answers its output.
    @discardableResult
    public func run(_ arguments: [String], capture: Bool = true) throws -> String {
        guard let tmux = Self.tmux else { throw TmuxPaneError("tmux is not installed") }
        guard !capture else { return try processOutput(tmux, ["-L", socket] + arguments, caller: "TmuxPane") }
        if !BlockingWorkExecutor.isCurrentThread {
            Issue.record("TmuxPane blocks its thread: call it inside offThePool { } (the cooperative pool is the whole suite's)")
        }
        // Foundation learns that a child exited when every copy of a descriptor it shares with
        // it is closed; the tmux server started here keeps one, so do not wait for it.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux)
        process.arguments = ["-L", socket] + arguments
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return ""
    }
}

public struct TmuxPaneError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
