import Foundation
import Synchronization
import Testing

extension Reliability {
    /// Several real `shop-mock-server` processes on one data directory (issue 11): the database
    /// is the one truth, so no write is lost, no unit is sold twice and a key is honoured
    /// whichever process it reaches.
    @Suite("Many gateway processes on one data directory", .serialized)
    struct SharedDataDirectoryTests {
        static let product = "p001-cast-iron-skillet-26-cm"

        static func startServers(_ count: Int, directory: String) async throws -> [ServerProcess] {
            var servers: [ServerProcess] = []
            do {
                for _ in 0..<count {
                    servers.append(
                        try await ServerProcess.start([
                            "--data-dir", directory, "--admin-token", RawGateway.adminToken, "--log-level", "error",
                        ]))
                }
            } catch {
                for server in servers { await server.killNine() }
                throw error
            }
            return servers
        }

        /// What one buyer got: the order id when a checkout was acknowledged.
        struct Purchase: Sendable {
            var token: String
            var orderId: String?
        }

        /// One buyer on one process: a guest session, one unit in the cart, one checkout with a key.
        static func buy(_ index: Int, on server: ServerProcess) async throws -> Purchase {
            let raw = RawGateway(base: server.base)
            let token = try await raw.guestToken()
            let add = try await raw.send(
                "POST", "/v1/cart/items", token: token, json: #"{"productId":"\#(product)","quantity":1}"#)
            guard add.status == 200 else {
                guard add.status == 409 else { throw HarnessFailure("add \(index): \(add.status) \(add.text)") }
                return Purchase(token: token, orderId: nil)  // already sold out when this buyer came
            }
            let placed = try await raw.send(
                "POST", "/v1/checkout/orders", token: token, json: RawGateway.orderJSON,
                headers: [("Idempotency-Key", "buyer-\(index)")])
            switch placed.status {
            case 201: return Purchase(token: token, orderId: placed.string("id"))
            case 409: return Purchase(token: token, orderId: nil)
            default: throw HarnessFailure("order \(index): \(placed.status) \(placed.text)")
            }
        }

        @Test(
            .enabled(if: ServerProcess.binary != nil, "build shop-mock-server first"),
            arguments: [2, 4])
        func hundredBuyersAcrossProcessesGetExactlyTheTenUnits(processes: Int) async throws {
            let directory = temporaryDirectory("shop-shared")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let servers = try await Self.startServers(processes, directory: directory)
            defer { for server in servers { kill(server.process.processIdentifier, SIGKILL) } }

            try await RawGateway(base: servers[0].base).setStock(Self.product, to: 10)
            // Every process sees the admin's change at once.
            for server in servers { #expect(try await RawGateway(base: server.base).stock(Self.product) == 10) }

            let purchases = try await withThrowingTaskGroup(of: Purchase.self) { group in
                for index in 0..<100 {
                    let server = servers[index % servers.count]
                    group.addTask { try await Self.buy(index, on: server) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let acknowledged = purchases.filter { $0.orderId != nil }
            #expect(acknowledged.count == 10)
            for server in servers {
                let raw = RawGateway(base: server.base)
                // Each process answered this URL (10) from its read cache before; the units sold
                // by the other processes must make that answer stale.
                #expect(try await raw.stock(Self.product) == 0)
                for purchase in acknowledged {
                    let order = try await raw.send("GET", "/v1/orders/\(purchase.orderId!)", token: purchase.token)
                    #expect(order.status == 200, "order \(purchase.orderId!) from \(server.base)")
                }
            }
            for server in servers { await server.terminate() }
        }

        /// Processes launched together on a directory that does not exist yet all create and
        /// share one database (`DataDirectoryLock`): none fails on a half-made schema, the
        /// catalog is seeded once, and a sale in one is seen by all.
        @Test(.enabled(if: ServerProcess.binary != nil, "build shop-mock-server first"))
        func processesStartedTogetherOnANewDirectoryShareOneDatabase() async throws {
            let directory = temporaryDirectory("shop-shared-new") + "/not-yet"
            defer { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }
            let launched = await withTaskGroup(of: Result<ServerProcess, any Error>.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        do {
                            return .success(try await ServerProcess.start([
                                "--data-dir", directory, "--admin-token", RawGateway.adminToken, "--log-level", "error",
                            ]))
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let servers = launched.compactMap { try? $0.get() }
            defer { for server in servers { kill(server.process.processIdentifier, SIGKILL) } }
            let failures = launched.compactMap { result -> String? in
                if case .failure(let error) = result { return "\(error)" } else { return nil }
            }
            #expect(failures.isEmpty, "\(failures.count) of 6 did not start, e.g. \(failures.first ?? "")")

            let stock = try await RawGateway(base: try #require(servers.first).base).stock(Self.product)
            let sold = try await Self.buy(0, on: servers[0])
            #expect(sold.orderId != nil)
            for server in servers {
                #expect(try await RawGateway(base: server.base).stock(Self.product) == stock - 1, "\(server.base)")
            }
            for server in servers { await server.terminate() }
        }

        @Test(.enabled(if: ServerProcess.binary != nil, "build shop-mock-server first"))
        func oneKeySentToTwoProcessesMakesOneOrder() async throws {
            let directory = temporaryDirectory("shop-shared-key")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let servers = try await Self.startServers(2, directory: directory)
            defer { for server in servers { kill(server.process.processIdentifier, SIGKILL) } }
            let first = RawGateway(base: servers[0].base), second = RawGateway(base: servers[1].base)

            for round in 0..<20 {
                let token = try await first.guestToken()
                let add = try await second.send(
                    "POST", "/v1/cart/items", token: token, json: #"{"productId":"\#(Self.product)","quantity":1}"#)
                #expect(add.status == 200)
                // The same request at the same moment to both processes; a 409 "in flight" is
                // retried with the same key, as ShopKit does.
                let ids = try await withThrowingTaskGroup(of: String?.self) { group in
                    for gateway in [first, second] {
                        group.addTask {
                            for _ in 0..<200 {
                                let placed = try await gateway.send(
                                    "POST", "/v1/checkout/orders", token: token, json: RawGateway.orderJSON,
                                    headers: [("Idempotency-Key", "shared-\(round)")])
                                if placed.status == 201 { return placed.string("id") }
                                guard placed.status == 409, placed.text.contains("idempotency-key-in-flight") else {
                                    throw HarnessFailure("round \(round): \(placed.status) \(placed.text)")
                                }
                                try await Task.sleep(for: .milliseconds(5))
                            }
                            return nil
                        }
                    }
                    return try await group.reduce(into: [String?]()) { $0.append($1) }
                }
                #expect(ids.count == 2 && ids[0] != nil && ids[0] == ids[1], "round \(round): \(ids)")
                #expect(try await second.orders(token: token).count == 1, "round \(round)")
            }
            for server in servers { await server.terminate() }
        }

        /// Adds that answer nothing because the server was killed are retried with their key
        /// on the restarted server; each buyer's adds are sequential, so the cart must hold
        /// exactly one unit per add.
        @Test(.enabled(if: ServerProcess.binary != nil, "build shop-mock-server first"))
        func keyedCartAddsAreNeverDoubledByKillNine() async throws {
            let directory = temporaryDirectory("shop-crash-adds")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let supervisor = CrashSafetyTests.Supervisor(
                arguments: ["--data-dir", directory, "--admin-token", RawGateway.adminToken, "--log-level", "error"])
            try await supervisor.start()
            defer { if let server = supervisor.current { kill(server.process.processIdentifier, SIGKILL) } }
            try await RawGateway(base: supervisor.base!).setStock(Self.product, to: 100_000)

            let buyers = 24, addsPerBuyer = 12, crashes = 6
            var tokens: [String] = []
            for _ in 0..<buyers { tokens.append(try await RawGateway(base: supervisor.base!).guestToken()) }
            let answered = CrashSafetyTests.Progress(), interrupted = CrashSafetyTests.Progress()

            let crasher = Task {
                for crash in 1...crashes {
                    // Crash after every 1/(crashes+1) of the adds has been answered.
                    while answered.value < crash * buyers * addsPerBuyer / (crashes + 1) {
                        try await Task.sleep(for: .milliseconds(2))
                    }
                    try await supervisor.crashAndRestart()
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (buyer, token) in tokens.enumerated() {
                    group.addTask {
                        for add in 0..<addsPerBuyer {
                            var done = false
                            for _ in 0..<3_000 where !done {
                                guard let base = supervisor.base else {
                                    try await Task.sleep(for: .milliseconds(5))
                                    continue
                                }
                                do {
                                    let response = try await RawGateway(base: base).send(
                                        "POST", "/v1/cart/items", token: token,
                                        json: #"{"productId":"\#(Self.product)","quantity":1}"#,
                                        headers: [("Idempotency-Key", "add-\(buyer)-\(add)")], timeout: .seconds(5))
                                    switch response.status {
                                    case 200: done = true
                                    case 409 where response.text.contains("idempotency-key-in-flight"):
                                        try await Task.sleep(for: .milliseconds(5))
                                    default: throw HarnessFailure("add \(buyer)/\(add): \(response.status) \(response.text)")
                                    }
                                } catch let failure as HarnessFailure {
                                    throw failure
                                } catch {
                                    interrupted.increment()
                                    try await Task.sleep(for: .milliseconds(5))
                                }
                            }
                            guard done else { throw HarnessFailure("add \(buyer)/\(add) never answered") }
                            answered.increment()
                        }
                    }
                }
                try await group.waitForAll()
            }
            try await crasher.value

            let raw = RawGateway(base: supervisor.base!)
            var doubled = 0
            for token in tokens {
                let cart = try await raw.send("GET", "/v1/cart", token: token)
                let quantity = cart.object["lines"].flatMap { $0 as? [[String: Any]] }?.first?["quantity"] as? Int ?? 0
                if quantity != addsPerBuyer { doubled += 1 }
                #expect(quantity == addsPerBuyer)
            }
            print("keyed adds under kill -9: \(buyers * addsPerBuyer) adds, \(crashes) crashes, \(interrupted.value) requests cut, \(doubled) carts wrong")
            await supervisor.current?.terminate()
        }
        /// Two processes; buyers talk to the first until it is killed with kill -9 mid-traffic,
        /// then repeat what got no answer on the survivor with the same key (as ShopKit does
        /// on another replica). Each buyer makes 6 keyed adds of one unit and one keyed checkout:
        /// every order holds exactly 6 units (no add applied twice, none lost), each buyer has
        /// exactly one order, and every acknowledged order is readable from the survivor.
        @Test(.enabled(if: ServerProcess.binary != nil, "build shop-mock-server first"))
        func killNineOfOneOfTwoProcessesLosesAndDoublesNothing() async throws {
            let directory = temporaryDirectory("shop-crash-two")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let servers = try await Self.startServers(2, directory: directory)
            defer { for server in servers { kill(server.process.processIdentifier, SIGKILL) } }
            let (doomed, survivor) = (servers[0], servers[1])
            try await RawGateway(base: survivor.base).setStock(Self.product, to: 100_000)

            let buyers = 16, addsPerBuyer = 6
            let answered = CrashSafetyTests.Progress(), interrupted = CrashSafetyTests.Progress()
            let kills = CrashSafetyTests.Progress()
            let crasher = Task {
                while answered.value < buyers * (addsPerBuyer + 1) / 2 { try await Task.sleep(for: .milliseconds(2)) }
                await doomed.killNine()
                kills.increment()
            }

            /// Sends one keyed request until it is answered: to the first process while it
            /// lives, else (and after any failure to connect) to the survivor.
            @Sendable func send(_ path: String, token: String, json: String, key: String) async throws -> RawResponse {
                for _ in 0..<3_000 {
                    let base = kills.value > 0 ? survivor.base : doomed.base
                    do {
                        let response = try await RawGateway(base: base).send(
                            "POST", path, token: token, json: json, headers: [("Idempotency-Key", key)], timeout: .seconds(5))
                        if response.status == 409, response.text.contains("idempotency-key-in-flight") {
                            try await Task.sleep(for: .milliseconds(5))
                            continue
                        }
                        answered.increment()
                        return response
                    } catch {
                        interrupted.increment()
                        try await Task.sleep(for: .milliseconds(5))
                    }
                }
                throw HarnessFailure("\(path) with key \(key) never answered")
            }

            let orders = try await withThrowingTaskGroup(of: (String, String).self) { group in
                for buyer in 0..<buyers {
                    group.addTask {
                        let token = try await RawGateway(base: survivor.base).guestToken()
                        for add in 0..<addsPerBuyer {
                            let response = try await send(
                                "/v1/cart/items", token: token, json: #"{"productId":"\#(Self.product)","quantity":1}"#, key: "add-\(buyer)-\(add)")
                            guard response.status == 200 else { throw HarnessFailure("add \(buyer)/\(add): \(response.status) \(response.text)") }
                        }
                        let placed = try await send("/v1/checkout/orders", token: token, json: RawGateway.orderJSON, key: "order-\(buyer)")
                        guard placed.status == 201, let id = placed.string("id") else {
                            throw HarnessFailure("order \(buyer): \(placed.status) \(placed.text)")
                        }
                        return (token, id)
                    }
                }
                return try await group.reduce(into: [(String, String)]()) { $0.append($1) }
            }
            try await crasher.value

            let raw = RawGateway(base: survivor.base)
            var wrong = 0
            for (token, id) in orders {
                let order = try await raw.send("GET", "/v1/orders/\(id)", token: token)
                #expect(order.status == 200, "order \(id)")
                let lines = order.object["lines"] as? [[String: Any]] ?? []
                let units = lines.reduce(0) { $0 + ($1["quantity"] as? Int ?? 0) }
                if units != addsPerBuyer { wrong += 1 }
                #expect(units == addsPerBuyer, "order \(id) holds \(units) units")
                #expect(try await raw.orders(token: token).count == 1)
            }
            print("kill -9 of one of two processes: \(buyers) buyers, \(interrupted.value) requests cut and retried on the survivor, \(wrong) orders wrong")
            await survivor.terminate()
        }
    }
}
