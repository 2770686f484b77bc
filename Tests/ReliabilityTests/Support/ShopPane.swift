import Foundation

/// The real `shop` binary in a tmux pane of its own socket, driven by keys and read from the
/// screen, as a person at a terminal would. The pane's command prints `shop-exit=N` when the
/// app ends, so a test can read the exit status.
final class ShopPane: Sendable {
    /// `.build/<config>/shop` next to the test bundle, or under the package root.
    static let binary: String? = {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("shop"))
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/shop"))
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let tmux: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Why the pane cannot run here, if it cannot.
    static var missingPrerequisite: String? {
        if binary == nil { return "shop is not built" }
        if tmux == nil { return "tmux is not installed" }
        return nil
    }

    let socket = "shop-pane-\(UUID().uuidString.prefix(8))"
    let session = "shop"
    let home: String

    /// Starts `shop --gateway gateway` at `width` x `height`, with XDG directories of its own.
    init(gateway: URL, width: Int, height: Int) throws {
        guard let binary = Self.binary, Self.tmux != nil else { throw HarnessFailure(Self.missingPrerequisite ?? "") }
        home = temporaryDirectory("shop-pane")
        let environment = ["data", "config", "state"].map { "XDG_\($0.uppercased())_HOME=\(home)/\($0)" } + ["TERM=xterm-256color"]
        let command = "env \(environment.joined(separator: " ")) \(binary) --gateway \(gateway.absoluteString) --no-mouse; echo shop-exit=$?; sleep 120"
        try run(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), command], capture: false)
    }

    func keys(_ names: String...) {
        _ = try? run(["send-keys", "-t", session] + names)
    }

    func type(_ text: String) {
        _ = try? run(["send-keys", "-t", session, "-l", text])
    }

    func screen() -> String {
        (try? run(["capture-pane", "-p", "-t", session])) ?? ""
    }

    /// The app has not ended: the pane's command prints `shop-exit=` and sleeps once it does.
    var isRunning: Bool {
        let command = (try? run(["display-message", "-p", "-t", session, "#{pane_current_command}"])) ?? ""
        return command.trimmingCharacters(in: .whitespacesAndNewlines) != "sleep" && !screen().contains("shop-exit=")
    }

    /// Waits until the screen holds `text`; the last screen otherwise.
    func waitForScreen(containing text: String, timeout: Duration = .seconds(20)) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var last = ""
        while clock.now < deadline {
            last = screen()
            if last.contains(text) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw HarnessFailure("timed out waiting for “\(text)”; the screen was:\n\(last)")
    }

    /// Everything this pane started ends, by pid (SIGKILL: children of a test thread may not
    /// see SIGTERM), and its files go.
    func tearDown() {
        let ids = (try? run(["display-message", "-p", "-t", session, "#{pid} #{pane_pid}"])) ?? ""
        let pids = ids.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int32($0) }
        if pids.count == 2 {
            kill(-pids[1], SIGKILL)
            kill(pids[0], SIGKILL)
        }
        try? FileManager.default.removeItem(atPath: home)
        let tmuxDirectory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(tmuxDirectory)/tmux-\(getuid())/\(socket)")
    }

    @discardableResult
    private func run(_ arguments: [String], capture: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.tmux!)
        process.arguments = ["-L", socket] + arguments
        process.standardError = FileHandle.nullDevice
        guard capture else {
            // The tmux server started here keeps inherited descriptors open: do not wait on them.
            process.standardOutput = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            return ""
        }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
