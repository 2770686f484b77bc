import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import ShopKit
import ShopMockServer
import ShopTestSupport
import Synchronization
import Testing

/// Seeded mutations of real gateway answers: bytes, structure, values, status and headers.
final class AnswerMutator: Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case flipByte, truncate, deleteRange, duplicateRange, insertToken, replaceValue, removeKey, addKey
        case wrongTypeEverywhere, emptyBody, randomBytes, deepNesting, hugeString, otherStatus, otherContentType
    }

    private struct State {
        var generator: SplitMix64
        var enabled = false
        var counts: [Kind: Int] = [:]
    }

    private let state: Mutex<State>

    init(seed: UInt64) { state = Mutex(State(generator: SplitMix64(seed: seed))) }

    var enabled: Bool {
        get { state.withLock { $0.enabled } }
        set { state.withLock { $0.enabled = newValue } }
    }

    var counts: [Kind: Int] { state.withLock { $0.counts } }

    static let tokens = [
        "null", "[", "]", "{", "}", "\"", ",", ":", "\\u0000", "1e999", "-1", "true", "\"\\ud800\"",
        "9223372036854775808", "-9223372036854775809", "0.5", "\u{1B}[2J", "\"\\udc00x\"", "NaN", "\u{FEFF}",
    ]

    static func randomValue(using generator: inout SplitMix64) -> Any {
        switch Int.random(in: 0..<14, using: &generator) {
        case 0: return NSNull()
        case 1: return Int64.max
        case 2: return Int64.min
        case 3: return -1
        case 4: return 0.5
        case 5: return 1e300
        case 6: return ""
        case 7: return String(repeating: "\u{1B}[31m名\u{202E}", count: Int.random(in: 1...2000, using: &generator))
        case 8: return []
        case 9: return [String: Any]()
        case 10: return true
        case 11: return "not-a-date"
        case 12: return ["amount": Int64.max, "currency": "XXX"]
        default: return "2026-13-45T25:61:61Z"
        }
    }

    /// Every (path, container) of a JSON value, to pick a node from.
    static func nodes(_ value: Any, path: [Any] = []) -> [[Any]] {
        var result: [[Any]] = [path]
        if let object = value as? [String: Any] {
            // Sorted: dictionary order differs per process, and the seed must pick the same nodes.
            for (key, child) in object.sorted(by: { $0.key < $1.key }) { result += nodes(child, path: path + [key]) }
        } else if let array = value as? [Any] {
            for (index, child) in array.enumerated() { result += nodes(child, path: path + [index]) }
        }
        return result
    }

    static func replacing(_ value: Any, at path: ArraySlice<Any>, with transform: (Any) -> Any?) -> Any? {
        guard let first = path.first else { return transform(value) }
        if var object = value as? [String: Any], let key = first as? String, let child = object[key] {
            object[key] = replacing(child, at: path.dropFirst(), with: transform)
            return object
        }
        if var array = value as? [Any], let index = first as? Int, array.indices.contains(index) {
            if let replaced = replacing(array[index], at: path.dropFirst(), with: transform) {
                array[index] = replaced
            } else {
                array.remove(at: index)
            }
            return array
        }
        return value
    }

    func mutate(_ request: ProxiedRequest, status: Int, headers: [(String, String)], body: ByteBuffer)
        -> (Int, [(String, String)], ByteBuffer)?
    {
        state.withLock { state -> (Int, [(String, String)], ByteBuffer)? in
            guard state.enabled else { return nil }
            var g = state.generator
            defer { state.generator = g }
            var bytes = Array(body.readableBytesView)
            var status = status
            var headers = headers
            let kind = Kind.allCases.randomElement(using: &g)!
            state.counts[kind, default: 0] += 1
            let json = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            func reencode(_ value: Any?) {
                if let value, let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]) {
                    bytes = Array(data)
                }
            }
            switch kind {
            case .flipByte:
                for _ in 0..<Int.random(in: 1...4, using: &g) where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &g)] ^= UInt8.random(in: 1...255, using: &g)
                }
            case .truncate:
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &g)))
            case .deleteRange:
                if !bytes.isEmpty {
                    let start = Int.random(in: 0..<bytes.count, using: &g)
                    bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...40, using: &g)))
                }
            case .duplicateRange:
                if !bytes.isEmpty {
                    let start = Int.random(in: 0..<bytes.count, using: &g)
                    let slice = bytes[start..<min(bytes.count, start + Int.random(in: 1...60, using: &g))]
                    bytes.insert(contentsOf: slice, at: Int.random(in: 0...bytes.count, using: &g))
                }
            case .insertToken:
                let token = Array(Self.tokens.randomElement(using: &g)!.utf8)
                bytes.insert(contentsOf: token, at: Int.random(in: 0...bytes.count, using: &g))
            case .replaceValue, .removeKey, .addKey:
                guard let json else { break }
                let candidates = Self.nodes(json)
                let path = candidates.randomElement(using: &g)!
                let replacement = Self.randomValue(using: &g)
                let mutated = Self.replacing(json, at: path[...]) { node in
                    switch kind {
                    case .removeKey: return nil
                    case .addKey:
                        guard var object = node as? [String: Any] else { return replacement }
                        object["unexpected\(object.count)"] = replacement
                        return object
                    default: return replacement
                    }
                }
                reencode(mutated)
            case .wrongTypeEverywhere:
                guard let json else { break }
                var mutated: Any? = json
                for path in Self.nodes(json).filter({ !$0.isEmpty }).shuffled(using: &g).prefix(5) {
                    let replacement = Self.randomValue(using: &g)
                    mutated = mutated.flatMap { Self.replacing($0, at: path[...]) { _ in replacement } }
                }
                reencode(mutated)
            case .emptyBody:
                bytes = []
            case .randomBytes:
                bytes = (0..<Int.random(in: 1...512, using: &g)).map { _ in UInt8.random(in: 0...255, using: &g) }
            case .deepNesting:
                let depth = Int.random(in: 100...20_000, using: &g)
                bytes = Array(String(repeating: "[", count: depth).utf8) + Array(String(repeating: "]", count: depth).utf8)
            case .hugeString:
                bytes = Array(#"{"items":[{"id":""#.utf8) + Array(repeating: UInt8(ascii: "x"), count: 2_000_000)
                    + Array(#""}]}"#.utf8)
            case .otherStatus:
                status = [200, 201, 204, 301, 400, 401, 402, 404, 409, 418, 422, 429, 500, 502, 503].randomElement(using: &g)!
                if status == 204 { bytes = [] }
                if status == 503 { headers.append(("Retry-After", ["0", "-5", "abc", "99999999999999999999"].randomElement(using: &g)!)) }
            case .otherContentType:
                headers.removeAll { $0.0.lowercased() == "content-type" }
                if let type = ["text/html", "application/problem+json", "application/xml", "application/json; charset=utf-16", ""].randomElement(using: &g), !type.isEmpty {
                    headers.append(("Content-Type", type))
                }
            }
            return (status, headers, ByteBuffer(bytes: bytes))
        }
    }
}

extension Reliability {
    @Suite("ShopKit decodes any answer into a value or a typed ShopError")
    struct ResponseDecodingFuzzTests {
        static let iterations = Int(ProcessInfo.processInfo.environment["DECODING_FUZZ_ITERATIONS"] ?? "") ?? 1_500

        /// Uses the value the way an app would (totals, formatting, descriptions), so a value that
        /// would trap later counts as a crash now.
        static func exercise(_ value: Any) -> Int {
            var touched = String(describing: value).count
            if let cart = value as? Cart {
                touched += cart.lines.map(\.lineTotal.formatted).count + cart.subtotal.formatted.count + (cart.hasProblems ? 1 : 0)
                let sameCurrency = cart.lines.filter { $0.lineTotal.currency == cart.subtotal.currency }
                touched += (Money.sum(sameCurrency.map(\.lineTotal), in: cart.subtotal.currency) + cart.subtotal).formatted.count
            } else if let options = value as? [ShippingOption] {
                touched += options.map { $0.cost.formatted }.count
            } else if let order = value as? Order {
                touched += order.total.formatted.count + order.lines.map(\.lineTotal.formatted).count + order.itemCount
                touched += order.events.count + order.status.rawValue.count
                // What the app's review and receipt do with it.
                if order.subtotal.currency == order.shipping.currency { touched += (order.subtotal + order.shipping).formatted.count }
                let sameCurrency = order.lines.filter { $0.lineTotal.currency == order.total.currency }
                touched += Money.sum(sameCurrency.map(\.lineTotal), in: order.total.currency).formatted.count
                touched += sameCurrency.map { ($0.unitPrice * $0.quantity).formatted }.count
            } else if let page = value as? Page<ProductSummary> {
                touched += page.items.map { $0.price.formatted }.count
            }
            return touched
        }

        /// Found by the fuzz: a cart subtotal of Int64.max plus shipping trapped in `Money.+`.
        @Test func absurdAmountsFromTheGatewaySaturateInsteadOfTrapping() {
            let most = Money(amount: .max, currency: .usd), least = Money(amount: .min, currency: .usd)
            let one = Money(amount: 1, currency: .usd)
            #expect((most + one).amount == .max)
            #expect((least - one).amount == .min)
            #expect((least + one).amount == .min + 1)
            #expect((most * 2).amount == .max && (most * -2).amount == .min && (least * -1).amount == .max)
            #expect((-least).amount == .max)
            #expect(Money.sum([most, most, one], in: .usd).amount == .max)
            #expect(!(most + one).formatted.isEmpty && !least.formatted.isEmpty)
            let line = OrderLine(productID: "p", name: "n", unitPrice: most, quantity: .max, lineTotal: most)
            let order = Order(
                id: "o", status: .placed, placedAt: Date(), email: "e@example.com",
                address: Address(id: "a", name: "n", line1: "l", city: "c", postalCode: "p", country: "NO"),
                shippingOption: ShippingOption(id: .standard, name: "s", cost: one, minDays: 1, maxDays: 2, estimatedDelivery: Date()),
                lines: [line, line], subtotal: most, shipping: one, total: most, transactionID: "t", trackingID: "k",
                cardBrand: .visa, cardLast4: "4242", events: [], isCancellable: true)
            #expect(order.itemCount == .max)
        }

        @Test func mutatedAnswersNeverCrashTheSDK() async throws {
            try await Gateways.with { gateway in
                let mutator = AnswerMutator(seed: 0xF022_0006)
                let proxy = try await FaultProxy(
                    upstream: gateway.url, holdFor: .zero,
                    rewrite: { mutator.mutate($0, status: $1, headers: $2, body: $3) }, decide: { _ in .none })
                let client = ShopClient(
                    configuration: ShopClientConfiguration(baseURL: proxy.url, timeout: .seconds(10), retryPolicy: .none))

                // An honest start: a cart, an order, an inbox, an address-less guest.
                _ = try await client.cart.add(productID: "p001-cast-iron-skillet-26-cm")
                let placed = try await client.checkout.placeOrder(ExactlyOnceCheckoutTests.request)
                _ = try await client.cart.add(productID: "p002-pour-over-coffee-set", quantity: 2)
                let orderID = placed.order.id
                let trackingID = placed.order.trackingID
                mutator.enabled = true

                let calls: [(String, @Sendable () async throws -> Any)] = [
                    ("health", { try await client.health() }),
                    ("productsPage", { try await client.catalog.productsPage(limit: 5) }),
                    ("product", { try await client.catalog.product(id: "p001-cast-iron-skillet-26-cm", currency: .jpy) }),
                    ("categories", { try await client.catalog.categories() }),
                    ("search", { try await client.catalog.searchPage("skillet") }),
                    ("stock", { try await client.inventory.stock(productID: "p002-pour-over-coffee-set") }),
                    ("currencies", { try await client.currency.list() }),
                    ("convert", { try await client.currency.convert(Money(amount: 1999, currency: .usd), to: .eur) }),
                    ("cart", { try await client.cart.get() }),
                    ("add", { try await client.cart.add(productID: "p002-pour-over-coffee-set") }),
                    ("setQuantity", { try await client.cart.setQuantity(productID: "p002-pour-over-coffee-set", to: 1) }),
                    ("orders", { try await client.orders.listPage(limit: 5) }),
                    ("order", { try await client.orders.get(id: orderID) }),
                    ("tracking", { try await client.orders.tracking(orderID: orderID) }),
                    ("track", { try await client.shipping.track(trackingID: trackingID) }),
                    ("invoice", { try await client.orders.invoice(orderID: orderID) }),
                    ("inbox", { try await client.notifications.listPage() }),
                    ("recommendations", { try await client.recommendations.for(productIDs: ["p001-cast-iron-skillet-26-cm"]) }),
                    ("ads", { try await client.ads.for(categories: ["kitchen"]) }),
                    ("quote", { try await client.shipping.quote(address: ExactlyOnceCheckoutTests.request.address!) }),
                    ("validate", { try await client.payment.validate(card: ExactlyOnceCheckoutTests.request.card) }),
                    ("profile", { try await client.account.profile() }),
                ]
                var values = 0
                var errors: [String: Int] = [:]
                var generator = SplitMix64(seed: 0xF022)
                for _ in 0..<Self.iterations {
                    let (name, call) = calls.randomElement(using: &generator)!
                    do {
                        let value = try await call()
                        _ = Self.exercise(value)
                        values += 1
                    } catch {
                        guard let error = error as? ShopError else {
                            Issue.record("\(name) threw \(type(of: error)), not a ShopError")
                            continue
                        }
                        #expect(!error.userMessage.isEmpty, "\(name)")
                        let kind: String
                        switch error {
                        case .server(let problem):
                            kind = "server"
                            #expect((100...599).contains(problem.status), "\(name): \(problem.status)")
                        case .decoding: kind = "decoding"
                        case .invalidAnswer(let violation):
                            kind = "invalidAnswer"
                            #expect(!violation.operation.isEmpty && !violation.field.isEmpty, "\(name)")
                        case .transport: kind = "transport"
                        case .timeout: kind = "timeout"
                        case .cancelled: kind = "cancelled"
                        }
                        errors[kind, default: 0] += 1
                    }
                }
                mutator.enabled = false
                try await client.shutdown()
                await proxy.stop()

                let mutations = mutator.counts
                #expect(mutations.count == AnswerMutator.Kind.allCases.count, "every kind of mutation ran")
                #expect(errors["decoding", default: 0] > 100 && errors["server", default: 0] > 20)
                print("decoding fuzz: \(Self.iterations) calls over \(calls.count) operations, \(mutations.values.reduce(0, +)) mutated answers (\(mutations.count) kinds): \(values) values, errors \(errors.sorted { $0.key < $1.key })")
            }
        }
    }
}
