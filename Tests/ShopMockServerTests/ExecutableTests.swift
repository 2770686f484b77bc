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
        (["--head-timeout", "0"], "--head-timeout"),
        (["--max-connections", "0"], "--max-connections"),
        (["--guest-session-limit", "5"], "BURST:RATE"),
        (["--sign-in-limit", "1:0"], "--sign-in-limit"),
        (["--hashing-threads", "65"], "--hashing-threads"),
    ])
    func badOptionsExitNonZeroWithAMessage(arguments: [String], expected: String) async throws {
        let launched = try launch(arguments)
        try await waitForExit(launched.process)
        #expect(!launched.process.isRunning)
        #expect(launched.process.terminationStatus != 0)
        try await Task.sleep(for: .milliseconds(100))
        #expect(launched.stderr.value.contains(expected), "stderr: \(launched.stderr.value)")
    }

    /// Starts the binary and waits for its banner; returns the base URL.
    @Test(.enabled(if: binary != nil, "build shop-mock-server first"))
    func logsOneWholeLinePerRequestOnStandardError() async throws {
        let (launched, base) = try await serve(["--port", "0", "--admin-token", "cli-admin"])
        // Concurrent requests from several connections: their lines must not run into each other.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    var request = HTTPClientRequest(url: base + "/v1/products?limit=1")
                    request.headers.add(name: "X-Request-ID", value: "log-\(index)")
                    _ = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
                }
            }
            try await group.waitForAll()
        }
        launched.process.terminate()
        try await waitForExit(launched.process)
        var lines: [Substring] = []
        for _ in 0..<100 {  // the pipe's reader may still be catching up
            lines = launched.stderr.value.split(separator: "\n").filter { $0.contains("request-id=log-") }
            if lines.count >= 40 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(lines.count == 40)
        for line in lines {
            #expect(line.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ info shop\.mock-gateway: GET \/v1\/products 200 method=GET ms=\d+\.\d path=\/v1\/products request-id=log-\d+ status=200/) != nil, "\(line)")
        }
    }

    func serve(_ arguments: [String]) async throws -> (Launched, String) {
        let launched = try launch(arguments)
        for _ in 0..<400 {
            if let line = launched.stdout.value.split(separator: "\n").first(where: { $0.hasPrefix("Serving the shop gateway at ") }) {
                return (launched, String(line.dropFirst("Serving the shop gateway at ".count)))
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        launched.process.terminate()
        throw CancellationError()
    }

    func call(_ method: String, _ url: String, token: String? = nil, json: String? = nil, key: String? = nil) async throws -> (Int, [String: Any]) {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let key { request.headers.add(name: "Idempotency-Key", value: key) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(Array(json.utf8))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        let object = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
        return (Int(response.status.code), object)
    }

    @Test(.enabled(if: binary != nil, "build shop-mock-server first"))
    func anAcknowledgedOrderSurvivesKillNine() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shop-kill-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (first, base) = try await serve(["--port", "0", "--data-dir", directory, "--log-level", "warning"])
        let (_, session) = try await call("POST", base + "/v1/sessions/guest")
        let token = try #require(session["token"] as? String)
        let (_, page) = try await call("GET", base + "/v1/products?inStock=true&limit=1")
        let productId = try #require(((page["items"] as? [[String: Any]])?.first)?["id"] as? String)
        let (added, _) = try await call(
            "POST", base + "/v1/cart/items", token: token, json: #"{"productId":"\#(productId)","quantity":1}"#)
        #expect(added == 200)
        let orderBody = #"{"email":"k@example.com","shippingOption":"standard","address":{"name":"K","line1":"1 Main St","city":"Oslo","postalCode":"0150","country":"NO"},"card":{"number":"4242424242424242","cvv":"123","expMonth":12,"expYear":2099}}"#
        let (placed, order) = try await call("POST", base + "/v1/checkout/orders", token: token, json: orderBody, key: "kill-9")
        #expect(placed == 201)
        let orderId = try #require(order["id"] as? String)

        kill(first.process.processIdentifier, SIGKILL)
        try await waitForExit(first.process)

        let (second, again) = try await serve(["--port", "0", "--data-dir", directory, "--log-level", "warning"])
        defer { second.process.terminate() }
        let (status, reloaded) = try await call("GET", again + "/v1/orders/\(orderId)", token: token)
        #expect(status == 200)
        #expect(reloaded["id"] as? String == orderId)
        // The retry of the same placement replays it instead of ordering twice.
        let (replayStatus, replay) = try await call("POST", again + "/v1/checkout/orders", token: token, json: orderBody, key: "kill-9")
        #expect(replayStatus == 201)
        #expect(replay["id"] as? String == orderId)
        let (_, orders) = try await call("GET", again + "/v1/orders", token: token)
        #expect((orders["items"] as? [Any])?.count == 1)
        second.process.terminate()
        try await waitForExit(second.process)
    }
}
