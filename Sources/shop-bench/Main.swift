import ArgumentParser
import Foundation

/// `shop-bench`: the in-process benchmarks of docs/performance.md. They print figures;
/// nothing asserts a time. The figures that need an outside tool (wrk, nginx, a pty, Textual)
/// are in scripts/bench/.
@main
struct ShopBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shop-bench",
        abstract: "Benchmarks for shop: frame cost, gateway scale and memory, SDK cost, runtimes.",
        subcommands: [All.self, Frames.self, Scale.self, Memory.self, SDK.self, Runtimes.self, Catalog.self],
        defaultSubcommand: All.self)

    struct All: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every in-process figure (frames, scale, sdk).")
        @Flag(help: "Smaller runs, for a quick look.") var quick = false

        func run() async throws {
            printMachine()
            FrameBench.run(products: quick ? 10_000 : 100_000, frames: quick ? 500 : 2000)
            try await ScaleBench.run(sizes: quick ? [1_000, 10_000] : [1_000, 10_000, 100_000], requests: quick ? 50 : 200)
            try await SDKBench.run(requests: quick ? 1_000 : 10_000)
        }
    }

    struct Frames: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Frame cost (reduce + view + diff) and cells changed.")
        @Option(help: "Products loaded into the client.") var products = 100_000
        @Option(help: "Frames per screen and size.") var frames = 2000
        @Flag(help: "Keep the last drawn state while pages load, as the run loop did before it drew on every change.")
        var keepsLastFrame = false
        func run() async throws {
            printMachine()
            FrameBench.run(products: products, frames: frames, keepsLastFrame: keepsLastFrame)
        }
    }

    struct Scale: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Gateway latency and memory at several catalog sizes.")
        @Option(parsing: .upToNextOption, help: "Catalog sizes.") var sizes: [Int] = [1_000, 10_000, 100_000]
        @Option(help: "Requests per case.") var requests = 200
        @Flag(help: "Each gateway on a new --data-dir (the catalog is written to SQLite at start).") var dataDir = false
        func run() async throws {
            printMachine()
            try await ScaleBench.run(sizes: sizes, requests: requests, dataDirectory: dataDir)
        }
    }

    struct Memory: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Gateway resident memory during guest sessions and keyed cart adds, in memory and with --data-dir.")
        @Option(help: "Seconds of traffic per gateway.") var seconds = 60
        @Option(help: "Concurrent connections.") var workers = 8
        @Option(help: "Seconds between memory samples.") var every = 10
        @Option(parsing: .upToNextOption, help: "Sample when this many visitors have come instead, and stop at the largest.")
        var visitors: [Int] = []
        @Flag(help: "Only the in-memory gateway (no --data-dir run).") var inMemoryOnly = false
        func run() async throws {
            printMachine()
            try await MemoryBench.run(seconds: seconds, workers: workers, every: every, visitors: visitors, inMemoryOnly: inMemoryOnly)
        }
    }

    struct SDK: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "sdk", abstract: "ShopKit cost per request and connection reuse.")
        @Option(help: "Sequential requests.") var requests = 10_000
        func run() async throws {
            printMachine()
            try await SDKBench.run(requests: requests)
        }
    }

    struct Runtimes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Resident memory per extra runtime when many share one process.")
        @Option(parsing: .upToNextOption, help: "Runtime counts to measure, after one.") var counts: [Int] = [10, 100]
        func run() async throws {
            printMachine()
            try await RuntimesBench.run(counts: counts)
        }
    }

    struct Catalog: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a synthetic catalog in the --catalog JSON shape.")
        @Option(help: "Number of products.") var count = 100_000
        @Option(help: "Output file.") var output: String
        func run() async throws {
            try CatalogGenerator.data(count: count).write(to: URL(fileURLWithPath: output), options: .atomic)
        }
    }
}

/// What the figures were measured on.
func printMachine() {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
    var model = "unknown CPU"
    if let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
        let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("model name") })
    {
        model = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? model
    }
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    print("machine: \(model), \(cores) cores, \(String(format: "%.0f", memory)) GiB, load \(load), \(Date())")
}
