import AsyncHTTPClient
import Foundation
import NIOPosix
import ShopKit
import ShopMockServer
import ShopTestSupport
import Synchronization
import Testing

extension Reliability {
    @Suite("Concurrency: the last units and one account's carts")
    struct ConcurrencyTests {
        static func client(_ url: URL, http: HTTPClient) -> ShopClient {
            ShopClient(
                configuration: ShopClientConfiguration(
                    baseURL: url, timeout: .seconds(30),
                    retryPolicy: RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(2), maxDelay: .milliseconds(40))),
                httpClient: http)
        }

        static func makeHTTPClient() -> HTTPClient {
            var configuration = HTTPClient.Configuration()
            configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 32)
            return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
        }

        @Test func hundredBuyersThroughShopKitForTheLastTenUnits() async throws {
            try await Gateways.with { gateway in
                let raw = RawGateway(gateway.url)
                let product = "p002-pour-over-coffee-set"
                try await raw.setStock(product, to: 100)
                let http = Self.makeHTTPClient()

                // Everyone has the product in the cart while it is plentiful; then only 10 are left.
                var buyers: [ShopClient] = []
                for _ in 0..<100 {
                    let client = Self.client(gateway.url, http: http)
                    _ = try await client.cart.add(productID: product)
                    buyers.append(client)
                }
                try await raw.setStock(product, to: 10)

                // A watcher reads the stock while the buyers race (bounded: stops when they are done).
                let done = Mutex(false)
                let watcher = Task { () -> [Int] in
                    var seen: [Int] = []
                    for _ in 0..<10_000 where !done.withLock({ $0 }) {
                        if let stock = try? await raw.stock(product) { seen.append(stock) }
                    }
                    return seen
                }
                let request = ExactlyOnceCheckoutTests.request
                let results = await withTaskGroup(of: Result<PlacedOrder, ShopError>.self) { group in
                    for buyer in buyers {
                        group.addTask {
                            do throws(ShopError) { return .success(try await buyer.checkout.placeOrder(request)) } catch { return .failure(error) }
                        }
                    }
                    var all: [Result<PlacedOrder, ShopError>] = []
                    for await result in group { all.append(result) }
                    return all
                }
                done.withLock { $0 = true }
                let observed = await watcher.value

                let winners = results.compactMap { try? $0.get() }
                let losers = results.compactMap { result -> ShopError? in if case .failure(let error) = result { error } else { nil } }
                #expect(winners.count == 10)
                #expect(Set(winners.map(\.order.id)).count == 10)
                #expect(losers.count == 90)
                #expect(losers.allSatisfy { $0.isStockConflict && $0.problem?.available == 0 }, "\(Set(losers.map(\.description)))")
                #expect(observed.allSatisfy { $0 >= 0 }, "stock seen: \(observed.min() ?? 0)")
                #expect(try await raw.stock(product) == 0)
                let placed = try await raw.adminActivity(kind: "order_placed")
                #expect(placed.count == 10)
                print("concurrency: 100 buyers for 10 units: \(winners.count) orders, \(losers.count) stock conflicts, \(observed.count) stock reads during the race (min \(observed.min() ?? 0))")
                try await http.shutdown()
            }
        }

        @Test func twoSessionsOfOneAccountConvergeOnOneCart() async throws {
            try await Gateways.with { gateway in
                let raw = RawGateway(gateway.url)
                let limited = ["p001-cast-iron-skillet-26-cm": 5, "p002-pour-over-coffee-set": 8, "p005-matcha-whisk-set": 3]
                for (product, stock) in limited { try await raw.setStock(product, to: stock) }
                let http = Self.makeHTTPClient()
                let email = "two-sessions-\(UUID().uuidString.prefix(6))@example.com"
                _ = try await raw.register(email: email)
                let phone = Self.client(gateway.url, http: http)
                let laptop = Self.client(gateway.url, http: http)
                _ = try await phone.sessions.signIn(email: email, password: "correct horse battery")
                _ = try await laptop.sessions.signIn(email: email, password: "correct horse battery")
                #expect(await phone.currentSession?.token != laptop.currentSession?.token)

                let overStock = Mutex<[String]>([])
                let products = Array(limited.keys).sorted()
                let edit: @Sendable (ShopClient, UInt64) async -> Int = { client, seed in
                    var generator = SplitMix64(seed: seed)
                    var answered = 0
                    for _ in 0..<60 {
                        let product = products.randomElement(using: &generator)!
                        let cart: Cart?
                        switch Int.random(in: 0..<4, using: &generator) {
                        case 0, 1: cart = try? await client.cart.add(productID: product, quantity: Int.random(in: 1...3, using: &generator))
                        case 2: cart = try? await client.cart.setQuantity(productID: product, to: Int.random(in: 0...9, using: &generator))
                        default: cart = try? await client.cart.remove(productID: product)
                        }
                        guard let cart else { continue }  // a refused edit (409 over stock) changes nothing
                        answered += 1
                        for line in cart.lines where line.quantity > limited[line.productID, default: 0] {
                            overStock.withLock { $0.append("\(line.productID): \(line.quantity)") }
                        }
                    }
                    return answered
                }
                async let a = edit(phone, 1)
                async let b = edit(laptop, 2)
                let answered = await a + b

                let seenByPhone = try await phone.cart.get()
                let seenByLaptop = try await laptop.cart.get()
                #expect(seenByPhone == seenByLaptop, "both sessions see the same cart")
                #expect(overStock.withLock { $0 }.isEmpty, "\(overStock.withLock { $0 })")
                for line in seenByPhone.lines { #expect(line.quantity <= limited[line.productID, default: 0]) }
                #expect(seenByPhone.itemCount == seenByPhone.lines.reduce(0) { $0 + $1.quantity })
                #expect(answered > 20, "enough edits were accepted to mean something: \(answered)")
                print("concurrency: two sessions, 120 concurrent cart edits (\(answered) accepted), converged on \(seenByPhone.itemCount) items")
                try await http.shutdown()
            }
        }
    }
}
