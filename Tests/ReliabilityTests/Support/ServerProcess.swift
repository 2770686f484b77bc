import Foundation
import Synchronization

/// The built `shop-mock-server`, run as a subprocess.
final class ServerProcess: Sendable {
    /// `.build/<config>/shop-mock-server` next to the test bundle, or under the package root.
    static let binary: String? = {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("shop-mock-server"))
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/shop-mock-server"))
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    final class Output: Sendable {
        private let text = Mutex(Data())
        func append(_ data: Data) { text.withLock { $0.append(data) } }
        var data: Data { text.withLock { $0 } }
        var string: String { String(decoding: data, as: UTF8.self) }
    }

    let process: Process
    let stdout: Output
    let stderr: Output
    /// The base URL from the banner.
    let base: String

    private init(process: Process, base: String, stdout: Output, stderr: Output) {
        self.process = process
        self.base = base
        self.stdout = stdout
        self.stderr = stderr
    }

    /// Starts the server with `arguments` (plus `--port 0`) and waits for its banner.
    static func start(_ arguments: [String]) async throws -> ServerProcess {
        guard let binary else { throw HarnessFailure("shop-mock-server is not built") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--port", "0"] + arguments
        let stdout = Output(), stderr = Output()
        let outPipe = Pipe(), errPipe = Pipe()
        outPipe.fileHandleForReading.readabilityHandler = { stdout.append($0.availableData) }
        errPipe.fileHandleForReading.readabilityHandler = { stderr.append($0.availableData) }
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        let prefix = "Serving the shop gateway at "
        for _ in 0..<600 {
            if let line = stdout.string.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) {
                return ServerProcess(
                    process: process, base: String(line.dropFirst(prefix.count)), stdout: stdout, stderr: stderr)
            }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        throw HarnessFailure("shop-mock-server did not start; stderr: \(stderr.string)")
    }

    /// SIGKILL, then wait until it is gone.
    func killNine() async {
        kill(process.processIdentifier, SIGKILL)
        await waitForExit()
    }

    /// SIGTERM (a graceful stop), then wait; SIGKILL if it is still there (a child can inherit
    /// a test thread's blocked signals), so no server outlives its test.
    func terminate() async {
        if process.isRunning { process.terminate() }
        await waitForExit()
        if process.isRunning { await killNine() }
    }

    func waitForExit() async {
        for _ in 0..<400 where process.isRunning { try? await Task.sleep(for: .milliseconds(25)) }
    }
}
