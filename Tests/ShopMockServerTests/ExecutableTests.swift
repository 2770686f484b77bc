import AsyncHTTPClient
import Foundation
import Synchronization
import Testing

/// The built `shop-mock-server` binary, run as a user would.
@Suite struct ExecutableTests {
    /// `.build/debug/shop-mock-server` next to the test bundle, or under the package root.
    static let binary: String? = {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("shop-mock-server"))
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/shop-mock-server"))
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    final class Output: Sendable {
        private let text = Mutex("")
        func append(_ data: Data) { text.withLock { $0 += String(decoding: data, as: UTF8.self) } }
        var value: String { text.withLock { $0 } }
    }

    struct Launched {
        let process: Process
        let stdout: Output
        let stderr: Output
    }

    func launch(_ arguments: [String]) throws -> Launched {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary!)
        process.arguments = arguments
        let stdout = Output(), stderr = Output()
        let outPipe = Pipe(), errPipe = Pipe()
        outPipe.fileHandleForReading.readabilityHandler = { stdout.append($0.availableData) }
        errPipe.fileHandleForReading.readabilityHandler = { stderr.append($0.availableData) }
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        return Launched(process: process, stdout: stdout, stderr: stderr)
    }

    func waitForExit(_ process: Process, seconds: Int = 20) async throws {
        for _ in 0..<(seconds * 20) where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
    }

    @Test(.enabled(if: binary != nil, "build shop-mock-server first (swift build --product shop-mock-server)"))
    func servesOnAFreePortAndStopsOnSIGTERM() async throws {
        let launched = try launch(["--port", "0", "--admin-token", "cli-admin", "--log-level", "warning"])
        var url: String?
        for _ in 0..<400 {
            if let line = launched.stdout.value.split(separator: "\n").first(where: { $0.hasPrefix("Serving the shop gateway at ") }) {
                url = String(line.dropFirst("Serving the shop gateway at ".count))
                break
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        let base = try #require(url, "no banner; stderr: \(launched.stderr.value)")
        #expect(!launched.stdout.value.contains("Admin token:"))  // it was given

        let request = HTTPClientRequest(url: base + "/v1/products?limit=2")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        #expect(response.status.code == 200)
        let body = try await response.body.collect(upTo: 1 << 20)
        let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        #expect((object?["items"] as? [Any])?.count == 2)

        launched.process.terminate()  // SIGTERM
        try await waitForExit(launched.process)
        #expect(!launched.process.isRunning)
        #expect(launched.process.terminationStatus == 0)
    }

    @Test(.enabled(if: binary != nil, "build shop-mock-server first"))
    func printsAGeneratedAdminToken() async throws {
        let launched = try launch(["--port", "0"])
        for _ in 0..<400 where !launched.stdout.value.contains("Admin token:") {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(launched.stdout.value.contains("Admin token: adm_"))
        launched.process.interrupt()  // SIGINT
        try await waitForExit(launched.process)
        #expect(launched.process.terminationStatus == 0)
    }

    @Test(.enabled(if: binary != nil, "build shop-mock-server first"), arguments: [
        (["--catalog", "/nonexistent/catalog.json", "--port", "0"], "/nonexistent/catalog.json"),
        (["--fail-rate", "2"], "--fail-rate"),
        (["--latency", "300..100"], "--latency"),
        (["--port", "70000"], "--port"),
    ])
    func badOptionsExitNonZeroWithAMessage(arguments: [String], expected: String) async throws {
        let launched = try launch(arguments)
        try await waitForExit(launched.process)
        #expect(!launched.process.isRunning)
        #expect(launched.process.terminationStatus != 0)
        try await Task.sleep(for: .milliseconds(100))
        #expect(launched.stderr.value.contains(expected), "stderr: \(launched.stderr.value)")
    }
}
