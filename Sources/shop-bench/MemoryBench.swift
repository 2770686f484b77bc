import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization

/// The gateway's resident memory under anonymous traffic (issue 11): for a while, every request
/// pair is a new guest session and one keyed cart add, as from people who open the shop once.
/// Each leaves a guest, a session, a cart line and two idempotency replay records behind.
///
/// Before issue 11 these lived in the gateway's memory for 24 hours (42 MB to 1 GB in 60 s);
/// now they live in the database: on disk with `--data-dir`, and capped in the in-memory
/// database without it (10,000 replay records, 20,000 guests). Resident memory is sampled
/// every `every` seconds and, with `visitors`, when the visitor count reaches each figure (the
/// run then ends at the largest, or after `seconds`); nothing is asserted.
enum MemoryBench {
    static func run(seconds: Int, workers: Int, every: Int, visitors: [Int], inMemoryOnly: Bool) async throws {
        let goal = visitors.isEmpty ? "\(seconds) s" : "\(visitors.max()!) visitors (at most \(seconds) s)"
        print("== Memory: \(goal) of guest sessions + keyed cart adds, \(workers) connections, shop-mock-server (\(GatewayProcess.binary.path)) ==")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shop-bench-memory-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for dataDirectory in inMemoryOnly ? [nil] : [nil, directory.path] {
            try await measure(dataDirectory: dataDirectory, seconds: seconds, workers: workers, every: every, visitors: visitors.sorted())
        }
    }

    private static func measure(dataDirectory: String?, seconds: Int, workers: Int, every: Int, visitors milestones: [Int]) async throws {
        // The per-address limits are for abuse from many machines; here one address is the load.
        var arguments = ["--guest-session-limit", "0", "--rate-limit", "0"]
        if let dataDirectory { arguments += ["--data-dir", dataDirectory] }
        let gateway = try GatewayProcess(catalog: nil, extraArguments: arguments)
        defer { gateway.stop() }
        print("-- \(dataDirectory == nil ? "in memory (no --data-dir)" : "--data-dir") --")
        print("  seconds  guests   adds      resident")
        print("  \("0".leftPadded(7))  \("0".leftPadded(6))  \("0".leftPadded(7))  \(ProcessMemory.format(gateway.residentMiB).leftPadded(10))")

        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        let counts = Counts()
        let started = ContinuousClock.now
        let deadline = started + .seconds(seconds)
        let base = gateway.url.absoluteString
        let pid = gateway.pid
        let lastVisitor = milestones.last ?? Int.max
        @Sendable func sample(_ label: String) {
            let (guests, adds) = counts.snapshot
            print("  \(label.leftPadded(7))  \(String(guests).leftPadded(6))  \(String(adds).leftPadded(7))  \(ProcessMemory.format(ProcessMemory.residentMiB(pid: pid)).leftPadded(10))")
        }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<workers {
                    group.addTask {
                        var index = 0
                        while ContinuousClock.now < deadline, counts.snapshot.1 < lastVisitor {
                            try await oneVisitor(client, base: base, key: "w\(worker)-\(index)", counts: counts)
                            index += 1
                        }
                    }
                }
                if milestones.isEmpty {
                    group.addTask {
                        var next = every
                        while next <= seconds {
                            try await Task.sleep(until: started + .seconds(next))
                            sample(String(next))
                            next += every
                        }
                    }
                } else {
                    // Resident memory as each visitor count is reached (polled: the count
                    // moves by a few visitors between two looks).
                    group.addTask {
                        var pending = milestones[...]
                        while let next = pending.first, ContinuousClock.now < deadline {
                            if counts.snapshot.1 >= next {
                                let elapsed = (ContinuousClock.now - started).components.seconds
                                sample(String(elapsed))
                                pending.removeFirst()
                            } else {
                                try await Task.sleep(for: .milliseconds(50))
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
        if let dataDirectory {
            let size = (try? FileManager.default.contentsOfDirectory(atPath: dataDirectory))?.reduce(0) { total, name in
                let attributes = try? FileManager.default.attributesOfItem(atPath: (dataDirectory as NSString).appendingPathComponent(name))
                return total + ((attributes?[.size] as? NSNumber)?.intValue ?? 0)
            } ?? 0
            print("  data directory: \(String(format: "%.1f", Double(size) / 1_048_576)) MiB on disk")
        }
    }

    /// A new guest session, then one unit of a product added under an idempotency key.
    private static func oneVisitor(_ client: HTTPClient, base: String, key: String, counts: Counts) async throws {
        var session = HTTPClientRequest(url: base + "/v1/sessions/guest")
        session.method = .POST
        session.headers.add(name: "Idempotency-Key", value: "guest-" + key)
        let answer = try await client.execute(session, timeout: .seconds(30))
        let body = try await answer.body.collect(upTo: 1 << 20)
        guard answer.status == .created,
              let object = try? JSONSerialization.jsonObject(with: Data(String(buffer: body).utf8)) as? [String: Any],
              let token = object["token"] as? String
        else { throw BenchError("guest session answered \(answer.status)") }
        counts.addGuest()

        var add = HTTPClientRequest(url: base + "/v1/cart/items")
        add.method = .POST
        add.headers.add(name: "Authorization", value: "Bearer \(token)")
        add.headers.add(name: "Idempotency-Key", value: "add-" + key)
        add.headers.add(name: "Content-Type", value: "application/json")
        add.body = .bytes(ByteBuffer(string: #"{"productId":"p010-ceramic-table-lamp","quantity":1}"#))
        let added = try await client.execute(add, timeout: .seconds(30))
        _ = try await added.body.collect(upTo: 1 << 20)
        guard added.status == .ok else { throw BenchError("cart add answered \(added.status)") }
        counts.addAdd()
    }

    private final class Counts: Sendable {
        private let values = Mutex((guests: 0, adds: 0))
        func addGuest() { values.withLock { $0.guests += 1 } }
        func addAdd() { values.withLock { $0.adds += 1 } }
        var snapshot: (Int, Int) { values.withLock { ($0.guests, $0.adds) } }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
