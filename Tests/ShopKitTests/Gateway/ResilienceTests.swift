import Foundation
import Logging
import ShopKit
import ShopMockServer
import Testing

@Suite("Retries, sessions and concurrency through ShopKit")
struct ResilienceTests {
    @Test func withFaultInjectionEveryCallEventuallySucceedsAndNoOrderIsDuplicated() async throws {
        try await TestGateway.with(failRate: 0.3) { gateway in
            let client = gateway.client(retryPolicy: RetryPolicy(
                maxAttempts: 15, baseDelay: .milliseconds(1), maxDelay: .milliseconds(10)))
            for _ in 0..<10 {
                _ = try await client.catalog.productsPage(limit: 5)
            }
            _ = try await client.catalog.products(pageSize: 10).collect()
            for product in [Fixtures.skillet, Fixtures.coffeeSet, Fixtures.skillet] {
                try await client.cart.add(productID: product)
            }
            try await client.cart.setQuantity(productID: Fixtures.coffeeSet, to: 2)
            _ = try await client.shipping.quote(address: Fixtures.address)
            let placed = try await client.checkout.placeOrder(CheckoutTests.request())
            #expect(placed.order.itemCount == 4)
            let orders = try await client.orders.list().collect()
            #expect(orders.map(\.id) == [placed.order.id], "exactly one order")
            #expect(try await client.cart.get().isEmpty)

            let attempts = gateway.recorder.all
            #expect(attempts.contains { $0.status == 503 }, "faults were injected")
            #expect(attempts.allSatisfy { $0.status == nil || $0.status == 503 || (200..<300).contains($0.status!) })
            let placeAttempts = gateway.recorder.attempts(of: "placeOrder")
            #expect(Set(placeAttempts.map(\.idempotencyKey)) == [placed.idempotencyKey], "every retry reused the key")
            for operation in ["addCartItem", "createGuestSession", "quoteShipping"] {
                // Each logical POST kept one key over its retries: keys repeat only on 503s.
                let byKey = Dictionary(grouping: gateway.recorder.attempts(of: operation), by: { $0.idempotencyKey })
                for (_, group) in byKey { #expect(group.dropLast().allSatisfy { $0.status == 503 }) }
            }
        }
    }

    @Test func retriesStopAtMaxAttemptsAndSurfaceTheProblem() async throws {
        try await TestGateway.with(failRate: 1) { gateway async throws in
            let client = gateway.client(retryPolicy: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1)))
            let error = await #expect(throws: ShopError.self) { try await client.catalog.categories() }
            #expect(error?.status == 503)
            #expect(error?.isRetryable == true)
            #expect(error?.problem?.retryAfterSeconds == 0)
            #expect(gateway.recorder.attempts(of: "listCategories").count == 3)

            let single = gateway.client(retryPolicy: .none, recorder: RequestRecorder())
            await #expect(throws: ShopError.self) { try await single.catalog.categories() }
            #expect(gateway.recorder.attempts(of: "listCategories").count == 3, "the other recorder saw the rest")
            #expect(try await client.health().status == "ok", "faults spare /healthz")
        }
    }

    @Test func anExpiredTokenIsRefreshedOnceAndTheCallRetried() async throws {
        try await TestGateway.with(tokenLifetime: 60) { gateway in
            let client = gateway.client()
            try await client.cart.add(productID: Fixtures.skillet, quantity: 2)
            let before = try #require(await client.currentSession)

            gateway.running.clock.advance(by: 120)  // the access token is now expired
            let cart = try await client.cart.get()
            #expect(cart.line(for: Fixtures.skillet)?.quantity == 2)

            let after = try #require(await client.currentSession)
            #expect(after.token != before.token)
            #expect(after.user.id == before.user.id, "the same guest, renewed")
            #expect(gateway.recorder.attempts(of: "refreshSession").count == 1)
            #expect(gateway.recorder.attempts(of: "getCart").map(\.status) == [401, 200])
        }
    }

    @Test func concurrent401sSpendTheRefreshTokenOnce() async throws {
        try await TestGateway.with(tokenLifetime: 60) { gateway in
            let client = gateway.client()
            try await client.cart.add(productID: Fixtures.skillet)
            gateway.running.clock.advance(by: 120)
            try await withThrowingTaskGroup(of: Cart.self) { group in
                for _ in 0..<6 { group.addTask { try await client.cart.get() } }
                for try await cart in group { #expect(cart.itemCount == 1) }
            }
            #expect(gateway.recorder.attempts(of: "refreshSession").count == 1)
        }
    }

    @Test func concurrentFirstCallsShareOneGuestSession() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let users = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        _ = try await client.cart.get()
                        return await client.currentSession?.user.id
                    }
                }
                return try await group.reduce(into: Set<String?>()) { $0.insert($1) }
            }
            #expect(users.count == 1)
            #expect(gateway.recorder.attempts(of: "createGuestSession").count == 1)
        }
    }

    @Test func aSignedOutAccountMustSignInAgain() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let session = try await client.sessions.register(
                email: Fixtures.uniqueEmail(), password: "long enough pw", name: "Max")
            // Another device with the same session signs out: both tokens die.
            let other = gateway.client(sessionStore: InMemorySessionStore(session))
            try await other.sessions.signOut()

            let error = await #expect(throws: ShopError.self) { try await client.account.profile() }
            #expect(error?.isUnauthorized == true)
            #expect(error?.userMessage.isEmpty == false)
            #expect(await client.currentSession == nil, "the dead session is forgotten")
            #expect(gateway.recorder.attempts(of: "refreshSession").count == 1)
            // The next call starts afresh as a guest.
            #expect(try await client.cart.get().isEmpty)
            #expect(await client.currentSession?.isGuest == true)
        }
    }

    @Test func aForgottenGuestSessionIsReplacedByANewOne() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let guest = try await client.sessions.startGuest()
            let other = gateway.client(sessionStore: InMemorySessionStore(guest))
            try await other.sessions.signOut()

            #expect(try await client.cart.get().isEmpty)
            let replacement = try #require(await client.currentSession)
            #expect(replacement.isGuest)
            #expect(replacement.user.id != guest.user.id)
        }
    }

    @Test func twoBuyersOfTheLastUnitGetExactlyOneOrder() async throws {
        try await TestGateway.with { gateway in
            let admin = gateway.client()
            let product = try await admin.admin.createProduct(ProductInput(
                code: "LAST-\(UUID().uuidString.prefix(6))", name: "Last One", description: "Only one left.",
                category: "kitchen", priceUSD: 1000, stock: 1))
            let buyers = [gateway.client(), gateway.client()]
            for buyer in buyers { try await buyer.cart.add(productID: product.id) }

            let outcomes = await withTaskGroup(of: Result<PlacedOrder, ShopError>.self) { group in
                for buyer in buyers {
                    group.addTask {
                        do throws(ShopError) {
                            return .success(try await buyer.checkout.placeOrder(CheckoutTests.request()))
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let orders = outcomes.compactMap { try? $0.get() }
            let failures = outcomes.compactMap { if case .failure(let error) = $0 { error } else { nil } }
            #expect(orders.count == 1)
            #expect(failures.count == 1)
            #expect(failures.first?.status == 409)
            #expect(failures.first?.problem?.available == 0)
            #expect(try await admin.inventory.stock(productID: product.id).onHand == 0)
        }
    }

    @Test func aSlowGatewayTimesOut() async throws {
        try await TestGateway.with(latency: 400...500) { gateway in
            let client = gateway.client(retryPolicy: .none, timeout: .milliseconds(100))
            let error = await #expect(throws: ShopError.self) { try await client.catalog.categories() }
            #expect(error == .timeout)
            #expect(error?.isRetryable == true)
        }
    }

    @Test func cancellingTheCallingTaskCancelsTheCall() async throws {
        try await TestGateway.with(latency: 2000...2000) { gateway in
            let client = gateway.client(retryPolicy: .none)
            let task = Task { try await client.catalog.categories() }
            try await Task.sleep(for: .milliseconds(100))
            task.cancel()
            let result = await task.result
            #expect(throws: ShopError.cancelled) { try result.get() }
        }
    }

    @Test func anUnreachableGatewayIsATransportErrorAfterRetries() async throws {
        // The address of a gateway that has just stopped: nothing listens there any more.
        let stopped = try await MockGateway.start(GatewayConfiguration(
            port: 0, bcryptCost: 4, logger: Logger(label: "stopped", factory: { _ in SwiftLogNoOpLogHandler() })))
        let deadURL = stopped.url
        await stopped.stop()
        try await TestGateway.with { gateway in
            let recorder = RequestRecorder()
            let client = gateway.client(
                retryPolicy: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1)), recorder: recorder,
                timeout: .seconds(5), baseURL: deadURL)
            let error = await #expect(throws: ShopError.self) { try await client.catalog.categories() }
            if case .transport = error {} else { Issue.record("expected a transport error, got \(String(describing: error))") }
            #expect(recorder.attempts(of: "listCategories").count == 2)
            #expect(error?.userMessage == "Can't reach the shop. Check your connection and try again.")
        }
    }

    @Test func aFileSessionStoreKeepsTheCartAcrossRestarts() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shopkit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("session.json")
        try await TestGateway.with { gateway in
            let first = gateway.client(sessionStore: FileSessionStore(url: url))
            try await first.cart.add(productID: Fixtures.skillet, quantity: 2)
            try await first.shutdown()

            let second = gateway.client(sessionStore: FileSessionStore(url: url))
            #expect(try await second.cart.get().line(for: Fixtures.skillet)?.quantity == 2)
            #expect(gateway.recorder.attempts(of: "createGuestSession").count == 1)
        }
    }
}
