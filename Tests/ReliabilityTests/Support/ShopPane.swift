import Foundation
import ShopTestSupport
import Testing

/// The real `shop` binary in a tmux pane of its own socket, driven by keys and read from the
/// screen, as a person at a terminal would. The pane's command prints `shop-exit=N` when the
/// app ends, so a test can read the exit status.
final class ShopPane: Sendable {
    /// `.build/<config>/shop` next to the test bundle, or under the package root.
    static let binary: String? = BuiltProducts.directory(containing: ["shop"])?.appendingPathComponent("shop").path

    /// Why the pane cannot run here, if it cannot.
    static var missingPrerequisite: String? {
        if binary == nil { return "shop is not built" }
        if TmuxPane.tmux == nil { return "tmux is not installed" }
        return nil
    }

    let pane = TmuxPane(socketPrefix: "shop-pane")
    let home: String

    /// Starts `shop --gateway gateway` at `width` x `height`, with XDG directories of its own.
    init(gateway: URL, width: Int, height: Int) throws {
        guard let binary = Self.binary, TmuxPane.tmux != nil else { throw HarnessFailure(Self.missingPrerequisite ?? "") }
        home = temporaryDirectory("shop-pane")
        let environment = ["data", "config", "state"].map { "XDG_\($0.uppercased())_HOME=\(home)/\($0)" } + ["TERM=xterm-256color"]
        let command = "env \(environment.joined(separator: " ")) \(binary) --gateway \(gateway.absoluteString) --no-mouse; echo shop-exit=$?; sleep 120"
        try pane.start(command, width: width, height: height)
    }

    func keys(_ names: String...) {
        pane.keys(names)
    }

    func type(_ text: String) {
        pane.type(text)
    }

    func screen() -> String {
        (try? pane.screen()) ?? ""
    }

    /// The app has not ended: the pane's command prints `shop-exit=` and sleeps once it does.
    var isRunning: Bool {
        pane.currentCommand != "sleep" && !screen().contains("shop-exit=")
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

    /// Everything this pane started ends, by pid, and its files go.
    func tearDown() {
        pane.tearDown()
        try? FileManager.default.removeItem(atPath: home)
    }
}
