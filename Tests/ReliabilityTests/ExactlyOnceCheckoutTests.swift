import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import ShopKit
import ShopMockServer
import ShopTestSupport
import Synchronization
import Testing

/// Decides the proxy's fault for each request, deterministically per checkout.
///
/// The first attempt of checkout *i* meets fault *i mod 8* (so every kind is met ~25 times),
/// the second a seeded 25% chance of another fault, later ones pass. Other requests (guest
/// sessions, cart adds) meet a seeded 8% of faults that ShopKit must ride out by itself.
final class CheckoutFaultPlan: Sendable {
    static let firstAttemptFaults: [ProxyFault] = [
        .none, .dropAfterCommit, .delayPastTimeout, .answer500, .answer503, .commitThen500, .truncatedBody, .malformedJSON,
    ]
    static let retryFaults: [ProxyFault] = [.dropAfterCommit, .answer503, .commitThen500, .truncatedBody, .malformedJSON]
    static let otherFaults: [ProxyFault] = [.dropAfterCommit, .answer500, .answer503, .commitThen500, .truncatedBody]

    private struct State {
        var attempts: [String: Int] = [:]
        var generator: SplitMix64
        var checkoutFaults: [ProxyFault: Int] = [:]
    }

    private let seed: UInt64
    private let state: Mutex<State>

    init(seed: UInt64) {
        self.seed = seed
        state = Mutex(State(generator: SplitMix64(seed: seed)))
    }

    /// Faults met by checkout requests, by kind.
    var checkoutFaults: [ProxyFault: Int] { state.withLock { $0.checkoutFaults } }

    func decide(_ request: ProxiedRequest) -> ProxyFault {
        state.withLock { state in
            if request.uri.hasPrefix("/v1/checkout/orders"), let key = request.header("Idempotency-Key"),
                let index = Int(key.split(separator: "-").last ?? "")
            {
                let attempt = state.attempts[key, default: 0] + 1
                state.attempts[key] = attempt
                let fault: ProxyFault
                switch attempt {
                case 1:
                    fault = Self.firstAttemptFaults[index % Self.firstAttemptFaults.count]
                case 2:
                    var perCheckout = SplitMix64(seed: seed &+ UInt64(index))
                    fault = Double.random(in: 0..<1, using: &perCheckout) < 0.25
                        ? Self.retryFaults.randomElement(using: &perCheckout)! : .none
                default:
                    fault = .none
                }
                state.checkoutFaults[fault, default: 0] += 1
                return fault
            }
            guard Double.random(in: 0..<1, using: &state.generator) < 0.08 else { return .none }
            return Self.otherFaults.randomElement(using: &state.generator)!
        }
    }
}

extension Reliability {
    @Suite("Exactly-once checkout through a faulty network")
    struct ExactlyOnceCheckoutTests {
        static let checkouts = 200
        static let parallelBuyers = 8
        static let products = ["p001-cast-iron-skillet-26-cm", "p002-pour-over-coffee-set"]

        /// What one buyer ended with.
        struct Outcome: Sendable {
            var index: Int
            var productId: String
            var quantity: Int
            var order: Order?
            var definiteError: ShopError?
            var token: String?
            var callerErrors: [String]
        }

        static let request = PlaceOrderRequest(
            email: "buyer@example.com",
            address: AddressInput(name: "Ana Lima", line1: "12 Rua Augusta", city: "Lisboa", postalCode: "1100-053", country: "PT"),
            card: CardInput(number: "4242 4242 4242 4242", cvv: "123", expMonth: 12, expYear: 2099))

        /// Errors after which the outcome is settled without an order (nothing to retry).
        static func isDefinite(_ error: ShopError) -> Bool {
            guard let status = error.status else { return false }
            if status == 409 && error.problem?.type.hasSuffix("/idempotency-key-in-flight") == true { return false }
            return [400, 402, 403, 404, 409, 422].contains(status)
        }

        static func checkout(_ index: Int, proxy: URL, http: HTTPClient) async -> Outcome {
            let client = ShopClient(
                configuration: ShopClientConfiguration(
                    baseURL: proxy, timeout: .seconds(1),
                    retryPolicy: RetryPolicy(maxAttempts: 6, baseDelay: .milliseconds(2), maxDelay: .milliseconds(40))),
                httpClient: http)
            let productId = products[index % products.count]
            var outcome = Outcome(index: index, productId: productId, quantity: 1 + index % 3, callerErrors: [])
            // The cart: a definite answer is needed before checking out (ShopKit retries it itself).
            for _ in 0..<5 {
                do {
                    _ = try await client.cart.add(productID: productId, quantity: outcome.quantity)
                    break
                } catch {
                    outcome.callerErrors.append("add: \(error)")
                }
            }
            // The checkout: the same key until the outcome is known.
            let key = "checkout-\(index)"
            for _ in 0..<10 {
                do {
                    let placed = try await client.checkout.placeOrder(request, idempotencyKey: key)
                    outcome.order = placed.order
                    break
                } catch {
                    outcome.callerErrors.append("\(error)")
                    if isDefinite(error) {
                        outcome.definiteError = error
                        break
                    }
                    try? await Task.sleep(for: .milliseconds(20))
                }
            }
            outcome.token = await client.currentSession?.token
            return outcome
        }

        @Test func twoHundredCheckoutsMakeExactlyOneOrderAndOneChargeEach() async throws {
            try await Gateways.with { gateway in
                let raw = RawGateway(gateway.url)
                for product in Self.products { try await raw.setStock(product, to: 100_000) }
                let plan = CheckoutFaultPlan(seed: 0x5EED_0006)
                let proxy = try await FaultProxy(upstream: gateway.url, holdFor: .milliseconds(1600)) { plan.decide($0) }
                var configuration = HTTPClient.Configuration()
                configuration.connectionPool.retryConnectionEstablishment = false
                let http = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)

                var outcomes: [Outcome] = []
                await withTaskGroup(of: Outcome.self) { group in
                    var next = 0
                    for _ in 0..<Self.parallelBuyers where next < Self.checkouts {
                        let index = next
                        group.addTask { await Self.checkout(index, proxy: proxy.url, http: http) }
                        next += 1
                    }
                    for await outcome in group {
                        outcomes.append(outcome)
                        if next < Self.checkouts {
                            let index = next
                            group.addTask { await Self.checkout(index, proxy: proxy.url, http: http) }
                            next += 1
                        }
                    }
                }
                try await http.shutdown()
                await proxy.stop()

                // Every caller knows its outcome: here, every checkout is good, so each has its order.
                #expect(outcomes.count == Self.checkouts)
                let missing = outcomes.filter { $0.order == nil }
                #expect(missing.isEmpty, "no order for \(missing.map { "\($0.index): \($0.definiteError.map(String.init(describing:)) ?? "unknown") \($0.callerErrors)" })")

                // Checked through the gateway itself (not through the proxy).
                var transactionIds = Set<String>()
                var sold: [String: Int] = [:]
                for outcome in outcomes {
                    guard let order = outcome.order, let token = outcome.token else { continue }
                    let stored = try await raw.orders(token: token)
                    #expect(stored.count == 1, "checkout \(outcome.index) has \(stored.count) orders")
                    guard let only = stored.first else { continue }
                    #expect(only["id"] as? String == order.id)
                    #expect(only["transactionId"] as? String == order.transactionID, "the caller saw the one charge")
                    let lines = only["lines"] as? [[String: Any]] ?? []
                    #expect(
                        lines.count == 1 && lines.first?["quantity"] as? Int == outcome.quantity,
                        "checkout \(outcome.index): \(lines.first?["quantity"] ?? "-") units for \(outcome.quantity) added; \(outcome.callerErrors)")
                    let amount = { (key: String) in (only[key] as? [String: Any])?["amount"] as? Int ?? -1 }
                    let lineSum = lines.reduce(0) { $0 + ((($1["lineTotal"] as? [String: Any])?["amount"] as? Int) ?? 0) }
                    #expect(amount("subtotal") == lineSum && amount("total") == amount("subtotal") + amount("shipping"))
                    #expect(transactionIds.insert(order.transactionID).inserted, "one charge per order")
                    sold[outcome.productId, default: 0] += outcome.quantity
                }
                for product in Self.products {
                    #expect(try await raw.stock(product) == 100_000 - sold[product, default: 0], "stock of \(product)")
                }
                let placedEvents = try await raw.adminActivity(kind: "order_placed")
                #expect(placedEvents.count == Self.checkouts, "the gateway placed \(placedEvents.count) orders")

                // The faults really happened, every kind of them.
                let met = plan.checkoutFaults
                for fault in CheckoutFaultPlan.firstAttemptFaults { #expect(met[fault, default: 0] >= 20, "\(fault): \(met[fault, default: 0])") }
                let total = proxy.faultCounts
                let injected = total.filter { $0.key != .none }.values.reduce(0, +)
                let callerErrors = outcomes.map(\.callerErrors.count).reduce(0, +)
                print(
                    "exactly-once: \(Self.checkouts) checkouts, \(total.values.reduce(0, +)) proxied requests, \(injected) faults injected "
                        + "(checkout: \(met.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: " "))), "
                        + "\(callerErrors) errors surfaced to callers and settled with the same key")
            }
        }
    }
}
