import AsyncHTTPClient
import Foundation
import NIOCore

/// Gateway latency of list, search, detail (and what the client asks on every selection
/// move: recommendations) at 1k, 10k and 100k products, and the gateway's memory (figure 6).
///
/// The gateway runs with `--no-read-cache`: the same URL asked again would otherwise be
/// answered from its read cache (figure 5), and what this measures is the work of a read the
/// gateway has not seen, such as each new keystroke of a search.
enum ScaleBench {
    /// With `dataDirectory`, each gateway keeps its state under a new data directory: its first
    /// start writes the whole catalog into SQLite, which the start-up time then includes.
    static func run(sizes: [Int], requests: Int, dataDirectory: Bool = false) async throws {
        let mode = dataDirectory ? " --data-dir (new)" : ""
        print("== Scale: shop-mock-server --no-read-cache\(mode) (\(GatewayProcess.binary.lastPathComponent)), sequential requests over one keep-alive connection ==")
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        do {
            for size in sizes {
                let catalog = try CatalogGenerator.file(count: size)
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shop-bench-scale-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: directory) }
                let started = ContinuousClock.now
                // No per-address rate limit: a millisecond search answered back to back is over 200 a second.
                let gateway = try GatewayProcess(
                    catalog: catalog,
                    extraArguments: ["--no-read-cache", "--rate-limit", "0"] + (dataDirectory ? ["--data-dir", directory.path] : []))
                let startup = ContinuousClock.now - started
                defer { gateway.stop() }
                let base = gateway.url.absoluteString
                print("-- \(size) products (gateway up in \(startup.formatted(.units(allowed: [.seconds, .milliseconds])))) --")
                // The first search builds the word index (SearchIndex); every later one uses it.
                let firstSearch = ContinuousClock.now
                let first = try await client.execute(HTTPClientRequest(url: base + "/v1/search?q=lamp&limit=20"), timeout: .seconds(60))
                _ = try await first.body.collect(upTo: 8 << 20)
                print("  first search (builds the index): \((ContinuousClock.now - firstSearch).formatted(.units(allowed: [.milliseconds])))")
                let deep = String(format: "g%06d", size / 2)
                let cases: [(String, (Int) -> String)] = [
                    ("list first page", { _ in "/v1/products?limit=20" }),
                    ("detail", { i in "/v1/products/" + String(format: "g%06d", (i * 7919) % size) }),
                    ("search 'lamp'", { _ in "/v1/search?q=lamp&limit=20" }),
                    ("search 'a' (1 char)", { _ in "/v1/search?q=a&limit=20" }),
                    ("search 'zqx' (no hit)", { _ in "/v1/search?q=zqx&limit=20" }),
                    ("search 'backpak' (typo)", { _ in "/v1/search?q=backpak&limit=20" }),
                    ("search 'lamp deluxe'", { _ in "/v1/search?q=lamp%20deluxe&limit=20" }),
                    ("search 'lamq' (did you mean)", { _ in "/v1/search?q=lamq&limit=20" }),
                    ("search 'wristwach' (none)", { _ in "/v1/search?q=wristwach&limit=20" }),
                    ("recommendations", { _ in "/v1/recommendations?productIds=\(deep)" }),
                    ("ads (category)", { _ in "/v1/ads?categories=kitchen" }),
                ]
                for (name, path) in cases {
                    var samples = Samples()
                    var bytes = 0
                    for i in 0..<(requests + 5) {
                        let start = ContinuousClock.now
                        let response = try await client.execute(HTTPClientRequest(url: base + path(i)), timeout: .seconds(30))
                        let body = try await response.body.collect(upTo: 8 << 20)
                        guard response.status == .ok else { throw BenchError("\(path(i)) answered \(response.status)") }
                        if i >= 5 { samples.add(ContinuousClock.now - start) }  // the first few warm up caches
                        bytes = body.readableBytes
                    }
                    print("  \(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(samples.summary())  \(bytes) B")
                }
                print("  gateway resident memory: \(ProcessMemory.format(gateway.residentMiB))")
            }
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }
}
