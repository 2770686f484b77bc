import Foundation
import ShopKit
import ShopTestSupport
import Testing

/// Buys a product with key presses alone: the built `shop` binary runs in tmux against a
/// `shop-mock-server` subprocess, and ShopKit then checks the gateway has exactly one order
/// with the right total. Everything lives in temporary XDG directories.
@Suite("End to end", .serialized)
struct EndToEndTests {
    @Test("Browse, add, check out with the test card and place one order",
          .enabled(if: Harness.missingPrerequisite == nil, "\(Harness.missingPrerequisite ?? "")"),
          .timeLimit(.minutes(3)))
    func buyByKeyPresses() async throws {
        try await offThePool {
            let harness = try Harness()
            defer { harness.tearDown() }
            let gatewayURL = try harness.startGateway()
            try harness.startShop(gateway: gatewayURL)

            // Browse: the catalog arrives, + adds the selected (first) product.
            try harness.waitForScreen(containing: "All products")
            try harness.waitForScreen(containing: "★")
            harness.keys("+")
            try harness.waitForScreen(containing: "cart 1")

            // Cart, then the checkout steps.
            harness.keys("c")
            try harness.waitForScreen(containing: "Your cart")
            try harness.waitForScreen(containing: "Total")
            harness.keys("Enter")
            try harness.waitForScreen(containing: "Contact")
            harness.type("grace@example.com")
            harness.keys("Enter")
            try harness.waitForScreen(containing: "Where should we ship it?")
            for (index, text) in ["Grace Hopper", "1 Navy Way", "", "Arlington", "VA", "22201", "US"].enumerated() {
                if index > 0 { harness.keys("Tab") }
                if !text.isEmpty { harness.type(text) }
            }
            harness.keys("Enter")
            try harness.waitForScreen(containing: "arrives by")
            harness.keys("Enter")
            try harness.waitForScreen(containing: "Card number")
            harness.type("4242 4242 4242 4242")
            harness.keys("Tab")
            harness.type("12/2030")
            harness.keys("Tab")
            harness.type("123")
            harness.keys("Enter")
            try harness.waitForScreen(containing: "Enter to place the order")
            let review = try harness.screen()
            #expect(!review.contains("4242 4242 4242 4242"))  // only the last four after the field

            // Place, pressing Enter twice at once: the second must not order again.
            harness.keys("Enter", "Enter")
            try harness.waitForScreen(containing: "Your order is placed", timeout: 30)
            let confirmation = try harness.screen()
            harness.keys("q")
            try harness.waitForExit()

            // Through ShopKit, with the session the app saved.
            let client = ShopClient(configuration: ShopClientConfiguration(
                baseURL: gatewayURL, sessionStore: FileSessionStore(url: harness.dataHome.appendingPathComponent("shop/session.json"))))
            let orders = try await client.orders.listPage()
            #expect(orders.items.count == 1)
            let summary = try #require(orders.items.first)
            let order = try await client.orders.get(id: summary.id)
            let first = try #require(try await client.catalog.productsPage(limit: 1).items.first)
            #expect(order.lines.count == 1)
            #expect(order.lines.first?.productID == first.id)
            #expect(order.lines.first?.quantity == 1)
            #expect(order.subtotal == first.price)
            // Standard shipping is 8.99 USD for a cart that is not empty (the shipping service's rule).
            #expect(order.shippingOption.id == .standard)
            #expect(order.shipping == Money(amount: 899, currency: .usd))
            #expect(order.total == first.price + order.shipping)
            #expect(order.cardLast4 == "4242")
            #expect(confirmation.contains(order.id))
            #expect(confirmation.contains(order.trackingID))
            try await client.shutdown()
        }
    }
}

/// Runs the gateway and the app for one test and tidies up after it.
final class Harness: @unchecked Sendable {
    /// Why the test cannot run here, if it cannot.
    static let missingPrerequisite: String? = {
        guard binDirectory != nil else {
            return "shop and shop-mock-server are not built; run `swift build` first"
        }
        guard TmuxPane.tmux != nil else { return "tmux is not installed" }
        return nil
    }()

    /// The directory holding the built `shop` and `shop-mock-server`.
    static let binDirectory: URL? = BuiltProducts.directory(containing: ["shop", "shop-mock-server"])

    static func findExecutable(_ name: String) -> String? { BuiltProducts.tool(name) }

    let root: URL
    var dataHome: URL { root.appendingPathComponent("data") }
    private var gateway: Process?
    /// The app's pane: a tmux server of its own.
    let pane = TmuxPane(socketPrefix: "shop-e2e")

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("shop-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// A second window: its own tmux server, the same XDG directories as `other` (the same
    /// configuration, session file and offline-demo data directory).
    init(sharingDirectoriesWith other: Harness) {
        root = other.root
    }

    func startGateway(arguments: [String] = []) throws -> URL {
        let process = Process()
        process.executableURL = Self.binDirectory!.appendingPathComponent("shop-mock-server")
        process.arguments = ["--port", "0", "--log-level", "warning"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        gateway = process
        // "Serving the shop gateway at http://127.0.0.1:PORT"
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.contains("http://") }),
               let range = line.range(of: "http://") {
                let url = String(line[range.lowerBound...]).trimmingCharacters(in: .whitespaces)
                if let parsed = URL(string: url) { return parsed }
            }
        }
        throw HarnessError("shop-mock-server did not print its URL: \(text)")
    }

    /// Starts `shop` in a tmux pane. With `acceptsClipboardWrites`, tmux takes OSC 52 from the
    /// pane into a paste buffer (its default, `set-clipboard external`, ignores them), so a test
    /// can see whether the app let one through. Without a `gateway`, `shop` runs the offline
    /// demo: its embedded gateway on the data directory under this harness's XDG_DATA_HOME.
    func startShop(gateway: URL?, acceptsClipboardWrites: Bool = false) throws {
        let binary = Self.binDirectory!.appendingPathComponent("shop").path
        let environment = [
            "XDG_DATA_HOME=\(root.appendingPathComponent("data").path)",
            "XDG_CONFIG_HOME=\(root.appendingPathComponent("config").path)",
            "XDG_STATE_HOME=\(root.appendingPathComponent("state").path)",
            "TERM=xterm-256color",
        ]
        let gatewayOption = gateway.map { "--gateway \($0.absoluteString) " } ?? ""
        let command = "env \(environment.joined(separator: " ")) \(binary) \(gatewayOption)--no-mouse; sleep 30"
        let options = acceptsClipboardWrites ? ["set-option", "-g", "set-clipboard", "on", ";"] : []
        try pane.start(command, width: 120, height: 40, options: options)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if pane.exists { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw HarnessError("tmux did not start")
    }

    /// Starts `shop` again on the same XDG directories, after it quit: the tmux session of the
    /// last run goes and a new one comes.
    func restartShop(gateway: URL?) throws {
        pane.killSession()
        try startShop(gateway: gateway)
    }

    func keys(_ names: String...) {
        pane.keys(names)
        Thread.sleep(forTimeInterval: 0.15)
    }

    func type(_ text: String) {
        pane.type(text)
        Thread.sleep(forTimeInterval: 0.2)
    }

    func screen() throws -> String {
        try pane.screen()
    }

    /// The screen with every row padded to the pane's width (`capture-pane -N` keeps trailing spaces).
    func paddedScreen() throws -> String {
        try pane.screen(padded: true)
    }

    /// A tmux format evaluated for the pane, e.g. `#{pane_title}`.
    func display(_ format: String) throws -> String {
        try pane.display(format)
    }

    /// The tmux paste buffers (OSC 52 clipboard writes land here when tmux accepts them).
    func pasteBuffers() throws -> String {
        try pane.pasteBuffers()
    }

    func waitForScreen(containing text: String, timeout: TimeInterval = 20) throws {
        try waitForScreen(timeout: timeout, "“\(text)”") { $0.contains(text) }
    }

    /// Waits until the screen satisfies `condition`; answers that screen.
    @discardableResult
    func waitForScreen(timeout: TimeInterval = 20, _ what: String, _ condition: (String) -> Bool) throws -> String {
        do {
            return try pane.waitForScreen(timeout: .milliseconds(Int(timeout * 1000)), what, condition)
        } catch let error as TmuxPaneError {
            throw HarnessError(error.description)
        }
    }

    /// The app quit: its pane now shows the shell command's `sleep`, not the UI.
    func waitForExit(timeout: TimeInterval = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if pane.currentCommand == "sleep" { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw HarnessError("shop did not quit")
    }

    /// Ends the pane's processes and the gateway (SIGKILL, by pid) and removes the files.
    func tearDown() {
        pane.tearDown()
        if let gateway, gateway.isRunning {
            kill(gateway.processIdentifier, SIGKILL)
            gateway.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: root)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
