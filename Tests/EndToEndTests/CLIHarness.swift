import Foundation
import Logging
import ShopKit
import ShopMockServer
import Testing

/// Runs the built `shop` binary's subcommands as a script would: no terminal, pipes and files
/// only, against a mock gateway started in this process on an ephemeral loopback port, in
/// temporary XDG directories of its own.
final class CLIHarness: @unchecked Sendable {
    /// What one run of `shop` gave.
    struct Run: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String

        /// The standard output as JSON.
        func json() throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
            return try #require(object as? [String: Any], "not a JSON object: \(stdout)")
        }

        /// The `result` of a `--json` answer.
        func result() throws -> [String: Any] {
            try #require(try json()["result"] as? [String: Any], "no result object: \(stdout)")
        }

        var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
    }

    static var binary: URL? { Harness.binDirectory?.appendingPathComponent("shop") }

    let root: URL
    let gateway: RunningGateway
    var url: URL { gateway.url }

    private init(root: URL, gateway: RunningGateway) {
        self.root = root
        self.gateway = gateway
    }

    static func start(failRate: Double = 0) async throws -> CLIHarness {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("shop-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let logger = Logger(label: "shop.cli-tests", factory: { _ in SwiftLogNoOpLogHandler() })
        // The gateway's clock stands (almost) still at a fixed date: orders stay where they were
        // placed and the human output's dates are the same on every run.
        let clock = GatewayClock(start: Date(timeIntervalSince1970: 1_780_315_200), timeScale: 0.000_001)  // 2026-06-01 12:00 UTC
        let gateway = try await MockGateway.start(GatewayConfiguration(port: 0, failRate: failRate, bcryptCost: 4, logger: logger, clock: clock))
        return CLIHarness(root: root, gateway: gateway)
    }

    func stop() async {
        await gateway.stop()
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs `shop ARGUMENTS --gateway URL` with `input` on standard input, 80 columns, no colour.
    func shop(_ arguments: [String], input: String? = nil, gateway: URL? = nil) async throws -> Run {
        try await Self.run(arguments + ["--gateway", (gateway ?? url).absoluteString], input: input, root: root)
    }

    /// A script's environment: no terminal, 80 columns, no colour, the XDG directories under `root`.
    static func environment(root: URL) -> [String: String] {
        [
            "PATH": "/usr/bin:/bin",
            "HOME": root.path,
            "XDG_DATA_HOME": root.appendingPathComponent("data").path,
            "XDG_CONFIG_HOME": root.appendingPathComponent("config").path,
            "XDG_STATE_HOME": root.appendingPathComponent("state").path,
            "COLUMNS": "80",
            "NO_COLOR": "1",
        ]
    }

    static func run(_ arguments: [String], input: String? = nil, root: URL) async throws -> Run {
        let binary = try #require(binary, "shop is not built")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment(root: root)
        // Files, not pipes: a long answer cannot fill a pipe nobody reads while we wait.
        let name = UUID().uuidString
        let outURL = root.appendingPathComponent("\(name).out")
        let errURL = root.appendingPathComponent("\(name).err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        let exited = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { exited.continuation.yield($0.terminationStatus); exited.continuation.finish() }
        try process.run()
        if let input { try stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        var status: Int32 = -1
        for await code in exited.stream { status = code }
        let stdout = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
        return Run(status: status, stdout: stdout, stderr: stderr)
    }

    /// A ShopKit client on the session file the CLI keeps, to check what the gateway holds.
    func client() -> ShopClient {
        ShopClient(configuration: ShopClientConfiguration(
            baseURL: url, sessionStore: FileSessionStore(url: root.appendingPathComponent("data/shop/session.json"))))
    }

    /// The orders the gateway holds for the CLI's session.
    func orderCount() async throws -> Int {
        let client = client()
        do {
            let count = try await client.orders.listPage(limit: 100).items.count
            try await client.shutdown()
            return count
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    static let address = ["--email", "grace@example.com", "--name", "Grace Hopper", "--line1", "1 Navy Way", "--city", "Arlington",
                          "--region", "VA", "--postal-code", "22201", "--country", "US"]
    static let goodCard = "4242 4242 4242 4242\n12/2030\n123\n"
}
