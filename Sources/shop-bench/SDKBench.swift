import AsyncHTTPClient
import Foundation
import Logging
import ShopKit

/// 10k sequential requests through ShopKit over keep-alive, next to raw AsyncHTTPClient and
/// wrk for the same request, and how many connections it took (figure 7).
enum SDKBench {
    static func run(requests: Int) async throws {
        print("== SDK: \(requests) sequential GET /v1/products/{id} against shop-mock-server ==")
        let gateway = try GatewayProcess(catalog: nil)
        defer { gateway.stop() }
        let productID = "p001-cast-iron-skillet-26-cm"
        let passiveBefore = TCPCounters.passiveOpens()

        let client = ShopClient(configuration: ShopClientConfiguration(baseURL: gateway.url, logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })))
        var sdk = Samples()
        do {
            for i in 0..<(requests + 50) {
                let start = ContinuousClock.now
                _ = try await client.catalog.product(id: productID)
                if i >= 50 { sdk.add(ContinuousClock.now - start) }
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        let sockets = TCPCounters.socketsTo(port: gateway.port)
        let passiveAfter = TCPCounters.passiveOpens()
        try await client.shutdown()
        print("  ShopKit           \(sdk.summary(unit: .microseconds))  mean \(TimeUnit.microseconds.format(sdk.mean))")
        print("  connections: client sockets to the gateway port seen by ss: \(sockets.map(String.init) ?? "n/a (no ss)"); "
              + "TCP passive opens on this machine meanwhile: \(passiveAfter.flatMap { a in passiveBefore.map { a - $0 } }.map(String.init) ?? "n/a") (an upper bound: other processes count too)")

        // The same request without the SDK's layers: what the transport costs.
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        var raw = Samples()
        let url = gateway.url.absoluteString + "/v1/products/" + productID
        do {
            for i in 0..<(requests + 50) {
                let start = ContinuousClock.now
                let response = try await http.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
                _ = try await response.body.collect(upTo: 1 << 20)
                if i >= 50 { raw.add(ContinuousClock.now - start) }
            }
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()
        print("  AsyncHTTPClient   \(raw.summary(unit: .microseconds))  mean \(TimeUnit.microseconds.format(raw.mean))")

        if let wrk = WrkRunner.run(url: url, threads: 1, connections: 1, seconds: 5) {
            let reported = wrk.reportedLatencyMicroseconds.map { String(format: "; wrk's average latency %.1f µs", $0) } ?? ""
            print("  wrk -t1 -c1       mean \(String(format: "%.1f µs", wrk.meanLatencyMicroseconds)) per request = 1/rate (\(Int(wrk.requestsPerSecond)) req/s\(reported))")
            print(String(format: "  ratio ShopKit mean / wrk mean: %.2fx", sdk.mean * 1e6 / wrk.meanLatencyMicroseconds))
        } else {
            print("  wrk: not installed (apt-get install -y wrk) — no side-by-side figure")
        }
    }
}

/// Connection counting from the outside: `ss` and the kernel's TCP counters.
enum TCPCounters {
    /// Client-side sockets (any state, TIME-WAIT included) whose peer is `port`.
    static func socketsTo(port: Int) -> Int? {
        guard let output = Shell.run("/usr/bin/env", ["ss", "-Htan", "( dport = :\(port) )"]) else { return nil }
        return output.split(separator: "\n").count
    }

    /// TcpPassiveOpens from /proc/net/snmp: connections accepted on this machine so far.
    static func passiveOpens() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/net/snmp", encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("Tcp:") }
        guard lines.count >= 2 else { return nil }
        let names = lines[0].split(separator: " "), values = lines[1].split(separator: " ")
        guard let index = names.firstIndex(of: "PassiveOpens"), index < values.count else { return nil }
        return Int(values[index])
    }
}

/// Runs a command and returns its standard output, or nil when it cannot run or fails.
enum Shell {
    static func run(_ executable: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}

/// wrk, when installed, for a side-by-side figure of the same request.
enum WrkRunner {
    struct Result {
        var requestsPerSecond: Double
        var meanLatencyMicroseconds: Double
        var reportedLatencyMicroseconds: Double?
    }

    static func run(url: String, threads: Int, connections: Int, seconds: Int) -> Result? {
        guard let output = Shell.run("/usr/bin/env", ["wrk", "-t\(threads)", "-c\(connections)", "-d\(seconds)s", url]) else { return nil }
        var rps: Double?
        var latency: Double?
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.first == "Requests/sec:", fields.count > 1 { rps = Double(fields[1]) }
            if fields.first == "Latency", fields.count > 1 { latency = microseconds(String(fields[1])) }
        }
        guard let rps else { return nil }
        // With one connection the mean time per request is 1/rate. wrk's average latency is
        // printed too but not used: on a busy machine its outliers make it disagree with the rate.
        return Result(requestsPerSecond: rps, meanLatencyMicroseconds: 1e6 / rps, reportedLatencyMicroseconds: latency)
    }

    static func microseconds(_ text: String) -> Double? {
        for (suffix, scale) in [("us", 1.0), ("ms", 1e3), ("s", 1e6)] where text.hasSuffix(suffix) {
            return Double(text.dropLast(suffix.count)).map { $0 * scale }
        }
        return nil
    }
}
