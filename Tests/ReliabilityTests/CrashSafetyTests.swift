import Foundation
import NIOCore
import ShopTestSupport
import Synchronization
import Testing

extension Reliability {
    /// kill -9 of the real `shop-mock-server` binary in the middle of checkouts.
    @Suite("Crash safety: kill -9 during checkouts", .serialized)
    struct CrashSafetyTests {
        static let checkouts = 200
        static let workers = 4
        static let products = ["p001-cast-iron-skillet-26-cm", "p002-pour-over-coffee-set"]
        static let initialStock = 10_000

        /// The server currently running on the data directory, swapped on every restart.
        final class Supervisor: Sendable {
            private let state: Mutex<(server: ServerProcess?, generation: Int)> = Mutex((nil, 0))
            let arguments: [String]

            init(arguments: [String]) { self.arguments = arguments }

            var current: ServerProcess? { state.withLock { $0.server } }
            var base: String? { state.withLock { $0.server?.base } }

            func start() async throws {
                let server = try await ServerProcess.start(arguments)
                state.withLock { $0 = (server, $0.generation + 1) }
            }

            /// kill -9 and start again on the same directory.
            func crashAndRestart() async throws {
                let old = state.withLock { state -> ServerProcess? in
                    defer { state.server = nil }
                    return state.server
                }
                await old?.killNine()
                try await start()
            }
        }

        /// An order as acknowledged (201) to the buyer.
        struct Acknowledged: Sendable {
            var index: Int
            var token: String
            var orderId: String
            var body: Data
        }

        final class Progress: Sendable {
            private let count = Mutex(0)
            func increment() { count.withLock { $0 += 1 } }
            /// The current value, then one more (a ticket dispenser).
            func take() -> Int {
                count.withLock { value in
                    defer { value += 1 }
                    return value
                }
            }
            var value: Int { count.withLock { $0 } }
        }

        /// One checkout, riding out crashes: each step is repeated (on whichever server is up)
        /// until it is answered; the order step always reuses the same Idempotency-Key.
        /// Requests that died with the server (connection refused or reset mid-request).
        static let interrupted = Progress()

        static func checkout(_ index: Int, supervisor: Supervisor) async -> Result<Acknowledged, HarnessFailure> {
            var token: String?
            var added = false
            let productId = products[index % products.count]
            let key = "crash-\(index)"
            for _ in 0..<3_000 {
                guard let base = supervisor.base else {
                    try? await Task.sleep(for: .milliseconds(10))
                    continue
                }
                let raw = RawGateway(base: base)
                do {
                    if token == nil { token = try await raw.guestToken() }
                    if !added {
                        let add = try await raw.send(
                            "POST", "/v1/cart/items", token: token,
                            json: #"{"productId":"\#(productId)","quantity":\#(1 + index % 3)}"#, timeout: .seconds(5))
                        guard add.status == 200 else { return .failure(HarnessFailure("add \(index): \(add.status) \(add.text)")) }
                        added = true
                    }
                    let placed = try await raw.send(
                        "POST", "/v1/checkout/orders", token: token, json: RawGateway.orderJSON,
                        headers: [("Idempotency-Key", key)], timeout: .seconds(5))
                    switch placed.status {
                    case 201:
                        guard let id = placed.string("id"), let token else { return .failure(HarnessFailure("no id")) }
                        return .success(Acknowledged(index: index, token: token, orderId: id, body: placed.body))
                    case 409 where placed.text.contains("cart-empty"):
                        added = false  // the add was lost with the crash: add again
                    case 401:
                        token = nil  // the session was lost with the crash: start over
                        added = false
                    default:
                        return .failure(HarnessFailure("order \(index): \(placed.status) \(placed.text)"))
                    }
                } catch {
                    interrupted.increment()
                    try? await Task.sleep(for: .milliseconds(10))  // the server is down; wait for the restart
                }
            }
            return .failure(HarnessFailure("checkout \(index) never finished"))
        }

        @Test(.enabled(if: ServerProcess.binary != nil, "build shop-mock-server first"))
        func everyAcknowledgedOrderSurvivesKillNine() async throws {
            let directory = temporaryDirectory("shop-crash")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let supervisor = Supervisor(
                arguments: ["--data-dir", directory, "--admin-token", RawGateway.adminToken, "--log-level", "error"])
            try await supervisor.start()
            do {
                try await Self.run(supervisor)
            } catch {
                await supervisor.current?.killNine()  // no server outlives a failed test
                throw error
            }
        }

        static func run(_ supervisor: Supervisor) async throws {
            let admin = RawGateway(base: supervisor.base!)
            for product in Self.products { try await admin.setStock(product, to: Self.initialStock) }

            // Kill points spread over the run: one in each stretch of 40 acknowledged checkouts.
            var generator = SplitMix64(seed: 0xC4A5_0003)
            let killPoints = stride(from: 20, to: 180, by: 40).map { $0 + Int.random(in: 0..<40, using: &generator) }
            let killJitter = killPoints.map { _ in Int.random(in: 0...15, using: &generator) }
            let progress = Progress()

            let (acknowledged, failures, kills) = try await withThrowingTaskGroup(
                of: [Result<Acknowledged, HarnessFailure>].self
            ) { group -> ([Acknowledged], [HarnessFailure], Int) in
                let tickets = Progress()
                for _ in 0..<Self.workers {
                    group.addTask {
                        var results: [Result<Acknowledged, HarnessFailure>] = []
                        while true {
                            let index = tickets.take()
                            guard index < Self.checkouts else { return results }
                            let result = await Self.checkout(index, supervisor: supervisor)
                            if case .success = result { progress.increment() }
                            results.append(result)
                        }
                    }
                }
                // The killer: kill -9 when progress passes each point (plus a few ms), then restart.
                var kills = 0
                for (point, jitter) in zip(killPoints, killJitter) {
                    for _ in 0..<6_000 where progress.value < point { try await Task.sleep(for: .milliseconds(5)) }
                    try await Task.sleep(for: .milliseconds(jitter))
                    try await supervisor.crashAndRestart()
                    kills += 1
                }
                var acknowledged: [Acknowledged] = []
                var failures: [HarnessFailure] = []
                for try await results in group {
                    for result in results {
                        switch result {
                        case .success(let ack): acknowledged.append(ack)
                        case .failure(let failure): failures.append(failure)
                        }
                    }
                }
                return (acknowledged, failures, kills)
            }

            // One last crash right after the last acknowledgement, then a clean start to inspect.
            try await supervisor.crashAndRestart()
            let server = try #require(supervisor.current)
            let raw = RawGateway(base: server.base)
            #expect(failures.isEmpty, "\(failures.prefix(5))")
            #expect(acknowledged.count == Self.checkouts)
            #expect(kills == killPoints.count)
            #expect(Self.interrupted.value >= kills, "the kills cut requests short: \(Self.interrupted.value)")

            var sold: [String: Int] = [:]
            for ack in acknowledged {
                let sent = try JSONSerialization.jsonObject(with: ack.body) as? [String: Any] ?? [:]
                let orders = try await raw.orders(token: ack.token)
                #expect(orders.count == 1, "buyer \(ack.index) has \(orders.count) orders")
                guard let stored = orders.first else { continue }
                // Intact: what was acknowledged is what is stored.
                for field in ["id", "transactionId", "trackingId", "cardLast4", "email"] {
                    #expect(stored[field] as? String == sent[field] as? String, "order \(ack.orderId) \(field)")
                }
                for field in ["lines", "subtotal", "shipping", "total"] {
                    #expect(
                        NSDictionary(dictionary: ["v": stored[field] ?? 0]).isEqual(to: ["v": sent[field] ?? 0]),
                        "order \(ack.orderId) \(field)")
                }
                let lines = stored["lines"] as? [[String: Any]] ?? []
                let amount = { (money: Any?) in (money as? [String: Any])?["amount"] as? Int ?? -1 }
                #expect(amount(stored["subtotal"]) == lines.reduce(0) { $0 + amount($1["lineTotal"]) })
                #expect(amount(stored["total"]) == amount(stored["subtotal"]) + amount(stored["shipping"]))
                for line in lines {
                    #expect(amount(line["lineTotal"]) == amount(line["unitPrice"]) * (line["quantity"] as? Int ?? 0))
                    sold[line["productId"] as? String ?? "", default: 0] += line["quantity"] as? Int ?? 0
                }
                // The cart was emptied with the order, and reads back well-formed.
                let cart = try await raw.send("GET", "/v1/cart", token: ack.token)
                #expect(cart.status == 200)
                #expect((cart.object["itemCount"] as? Int) == 0, "buyer \(ack.index)'s cart after the order: \(cart.text)")
            }
            for product in Self.products {
                let stock = try await raw.stock(product)
                #expect(stock + sold[product, default: 0] == Self.initialStock, "\(product): \(stock) on hand + \(sold[product, default: 0]) sold")
            }
            let placed = try await raw.adminActivity(kind: "order_placed")
            #expect(placed.count == Self.checkouts, "orders placed in all: \(placed.count)")
            print("crash-safety: \(Self.checkouts) checkouts, \(kills + 1) kill -9 (at acknowledged #\(killPoints.map(String.init).joined(separator: ", #")) and after the last), \(Self.interrupted.value) requests cut short and repeated, \(acknowledged.count) acknowledged orders verified")
            await server.terminate()
        }
    }
}
