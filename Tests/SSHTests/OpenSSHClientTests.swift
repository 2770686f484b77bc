import Foundation
import Logging
import ShopKit
import ShopMockServer
import ShopTestSupport
import Testing

/// The real OpenSSH client, in tmux, against the real `shop serve`: a purchase typed key by key
/// that ends on the tracker, with the order in the gateway under the key's account; then the
/// server is stopped with SIGTERM and the person is told the shop is closing.
@Suite("shop serve: with OpenSSH", .serialized, .timeLimit(.minutes(3)))
struct OpenSSHClientTests {
    @Test(.enabled(if: OpenSSHHarness.missingPrerequisite == nil, "\(OpenSSHHarness.missingPrerequisite ?? "")"))
    func aPurchaseKeyByKeyEndsOnTheTracker() async throws {
        let adminToken = "openssh-test-admin"
        var configuration = GatewayConfiguration(port: 0, adminToken: adminToken, bcryptCost: 4,
                                                 logger: Logger(label: "test.gateway", factory: { _ in SwiftLogNoOpLogHandler() }))
        configuration.limits.guestSessionsPerAddress = nil
        let gateway = try await MockGateway.start(configuration)
        // The harness waits for tmux, ssh-keygen and the server's output: off the pool, whose two
        // threads the gateway in this process answers on.
        do {
            try await offThePool {
                let harness = try OpenSSHHarness()
                defer { harness.tearDown() }
                try harness.startServe(gateway: gateway.url, adminToken: adminToken)
                let key = try harness.makeClientKey()
                try harness.connect(key: key)

                try await harness.waitForScreen(containing: "All products")
                try await harness.waitForScreen(containing: "★")
                await harness.keys("+")
                try await harness.waitForScreen(containing: "cart 1")
                await harness.keys("c")
                try await harness.waitForScreen(containing: "Total")
                await harness.keys("Enter")
                try await harness.waitForScreen(containing: "Contact")
                await harness.type("grace@example.com")
                await harness.keys("Enter")
                try await harness.waitForScreen(containing: "Where should we ship it?")
                for (index, text) in ["Grace Hopper", "1 Navy Way", "", "Arlington", "VA", "22201", "US"].enumerated() {
                    if index > 0 { await harness.keys("Tab") }
                    if !text.isEmpty { await harness.type(text) }
                }
                await harness.keys("Enter")
                try await harness.waitForScreen(containing: "arrives by")
                await harness.keys("Enter")
                try await harness.waitForScreen(containing: "Card number")
                await harness.type("4242 4242 4242 4242")
                await harness.keys("Tab")
                await harness.type("12/2030")
                await harness.keys("Tab")
                await harness.type("123")
                await harness.keys("Enter")
                try await harness.waitForScreen(containing: "Enter to place the order")
                await harness.keys("Enter")
                try await harness.waitForScreen(containing: "Your order is placed", timeout: 30)

                // The order, as the gateway has it under the key's account.
                let admin = ShopClient(configuration: ShopClientConfiguration(baseURL: gateway.url, adminToken: adminToken))
                let session = try await admin.admin.keySession(fingerprint: try harness.fingerprint(of: key))
                let shopper = ShopClient(configuration: ShopClientConfiguration(baseURL: gateway.url, sessionStore: InMemorySessionStore(session)))
                let orders = try await shopper.orders.listPage()
                #expect(orders.items.count == 1)
                let order = try await shopper.orders.get(id: try #require(orders.items.first).id)

                // Enter follows it in the tracker.
                await harness.keys("Enter")
                try await harness.waitForScreen(containing: order.trackingID)
                try await harness.waitForScreen(containing: "Placed")
                #expect(try harness.screen().contains(order.id))

                harness.stopServe()
                try await harness.waitForScreen(containing: "The shop is closing now")
                try await shopper.shutdown()
                try await admin.shutdown()
            }
        } catch {
            await gateway.stop()
            throw error
        }
        await gateway.stop()
    }
}

/// `shop serve` as a subprocess and OpenSSH in a tmux pane, in a temporary directory. Its calls
/// block their thread (tmux, ssh-keygen, the server's output): make them inside `offThePool`.
final class OpenSSHHarness: @unchecked Sendable {
    static let missingPrerequisite: String? = {
        guard binDirectory != nil else { return "shop is not built; run `swift build` first" }
        for tool in ["tmux", "ssh", "ssh-keygen"] where BuiltProducts.tool(tool) == nil {
            return "\(tool) is not installed (apt-get install tmux openssh-client)"
        }
        return nil
    }()

    static let binDirectory: URL? = BuiltProducts.directory(containing: ["shop"])

    let root: URL
    let pane = TmuxPane(socketPrefix: "shop-ssh", session: "ssh")
    private(set) var port = 0
    private var serve: Process?

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("shop-ssh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func startServe(gateway: URL, adminToken: String) throws {
        let process = Process()
        process.executableURL = Self.binDirectory!.appendingPathComponent("shop")
        process.arguments = ["serve", "--ssh-port", "0", "--gateway", gateway.absoluteString,
                             "--host-key", root.appendingPathComponent("host/host_ed25519").path, "--log-level", "warning"]
        var environment = ProcessInfo.processInfo.environment
        environment["SHOP_ADMIN_TOKEN"] = adminToken
        environment["XDG_DATA_HOME"] = root.appendingPathComponent("data").path
        environment["XDG_CONFIG_HOME"] = root.appendingPathComponent("config").path
        environment["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        serve = process
        // "shop is open over SSH on 127.0.0.1 port PORT (gateway: …)."
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: #"port (\d+)"#, options: .regularExpression),
               let number = Int(text[range].dropFirst(5)) {
                port = number
                return
            }
        }
        throw ScriptError("shop serve did not print its port: \(text)")
    }

    /// A new Ed25519 client key (no passphrase); answers its private key file.
    func makeClientKey() throws -> URL {
        let file = root.appendingPathComponent("key-\(UUID().uuidString.prefix(6))")
        try run("/usr/bin/env", ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", file.path])
        return file
    }

    /// The key's fingerprint as `ssh-keygen -l` prints it.
    func fingerprint(of key: URL) throws -> String {
        let line = try run("/usr/bin/env", ["ssh-keygen", "-l", "-f", key.path + ".pub"])
        return String(line.split(separator: " ")[1])
    }

    func connect(key: URL) throws {
        let command = "ssh -p \(port) -i \(key.path) -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no "
            + "-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR 127.0.0.1; sleep 30"
        try pane.start(command, width: 120, height: 40)
    }

    func keys(_ names: String...) async {
        pane.keys(names)
        try? await Task.sleep(for: .milliseconds(150))
    }

    func type(_ text: String) async {
        pane.type(text)
        try? await Task.sleep(for: .milliseconds(200))
    }

    func screen() throws -> String {
        try pane.screen()
    }

    func waitForScreen(containing text: String, timeout: TimeInterval = 20) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? ""
            if last.contains(text) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ScriptError("timed out waiting for “\(text)”; the screen was:\n\(last)")
    }

    /// SIGTERM, as a service manager stops it.
    func stopServe() {
        if let serve, serve.isRunning { kill(serve.processIdentifier, SIGTERM) }
    }

    func tearDown() {
        pane.tearDown()
        if let serve, serve.isRunning {
            kill(serve.processIdentifier, SIGKILL)
            serve.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: root)
    }

    @discardableResult
    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        try processOutput(executable, arguments, caller: "OpenSSHHarness")
    }
}
