import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime
import ShopKit
import ShopMockServer
import ShopTestSupport
import Synchronization
import Testing
import TerminalUI
@testable import ShopApp

/// Rewrites gateway answers at the JSON level, seeded: extreme and negative numbers, wrong
/// types, nulls, unknown enum values and fields, huge and hostile strings. It sits closest to
/// the network in ShopKit's middleware stack, so ShopKit decodes and checks what it makes.
final class JSONAnswerMutator: ClientMiddleware {
    enum Kind: String, CaseIterable, Sendable {
        case extremeNumber, negativeNumber, wrongType, null, unknownEnum, unknownField, hugeString, hostileString, removeKey
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

    static let hostile = [
        "\u{1B}[2J\u{1B}]0;pwned\u{07}", "\u{202E}evil\u{202C}", "名前𝔘\u{0301}\u{0301}", "\u{200B}\u{FEFF}", "👩‍👩‍👧‍👦🇳🇴", "\r\n\t", "\u{9B}31m",
    ]

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let (response, responseBody) = try await next(request, body, baseURL)
        guard enabled, (200..<300).contains(response.status.code), let responseBody else { return (response, responseBody) }
        let data = try await Data(collecting: responseBody, upTo: 16 * 1024 * 1024)
        guard let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return (response, HTTPBody(data))
        }
        let bytes = state.withLock { state -> Data in
            var g = state.generator
            defer { state.generator = g }
            var value: Any = json
            for _ in 0..<Int.random(in: 1...3, using: &g) {
                let kind = Kind.allCases.randomElement(using: &g)!
                state.counts[kind, default: 0] += 1
                value = Self.mutate(value, kind, using: &g)
            }
            return (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])) ?? data
        }
        return (response, HTTPBody(bytes))
    }

    /// Every path to a node, sorted so the seed picks the same nodes in every process.
    static func paths(_ value: Any, _ path: [Any] = []) -> [[Any]] {
        var result: [[Any]] = [path]
        if let object = value as? [String: Any] {
            for (key, child) in object.sorted(by: { $0.key < $1.key }) { result += paths(child, path + [key]) }
        } else if let array = value as? [Any] {
            for (index, child) in array.enumerated() { result += paths(child, path + [index]) }
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
            if let replaced = replacing(array[index], at: path.dropFirst(), with: transform) { array[index] = replaced } else { array.remove(at: index) }
            return array
        }
        return value
    }

    static func mutate(_ json: Any, _ kind: Kind, using g: inout SplitMix64) -> Any {
        let all = paths(json)
        // Prefer leaves of the kind the mutation is about, so most mutations hit something real.
        let numbers = all.filter { path in node(json, path) is NSNumber }
        let strings = all.filter { path in node(json, path) is String }
        let objects = all.filter { path in node(json, path) is [String: Any] }
        func pick(_ candidates: [[Any]]) -> [Any] { (candidates.isEmpty ? all : candidates).randomElement(using: &g)! }
        let path: [Any]
        let transform: (Any) -> Any?
        switch kind {
        case .extremeNumber:
            path = pick(numbers)
            let value: Any = [Int64.max, Int64.min, Int64(Int32.max) + 1, 1e300, 9_007_199_254_740_993.0].randomElement(using: &g)!
            transform = { _ in value }
        case .negativeNumber:
            path = pick(numbers)
            let value = -Int64.random(in: 1...1_000_000, using: &g)
            transform = { _ in value }
        case .wrongType:
            path = pick(all.filter { !$0.isEmpty })
            let value: Any = ["12", true, [Any](), [String: Any](), 3.5].randomElement(using: &g)!
            transform = { _ in value }
        case .null:
            path = pick(all.filter { !$0.isEmpty })
            transform = { _ in NSNull() }
        case .unknownEnum:
            // Enum-like strings (in_stock, placed, order_confirmation) get a value from a newer gateway.
            path = pick(strings.filter { (node(json, $0) as? String).map { $0.allSatisfy { $0.isLowercase || $0 == "_" } && !$0.isEmpty } ?? false })
            let value = ["back_ordered", "teleported", "returned_to_sender", "x"].randomElement(using: &g)!
            transform = { _ in value }
        case .unknownField:
            path = pick(objects)
            let field = "futureField\(Int.random(in: 0...9, using: &g))"
            transform = { node in
                guard var object = node as? [String: Any] else { return node }
                object[field] = ["nested": [1, 2, 3]]
                return object
            }
        case .hugeString:
            path = pick(strings)
            let value = String(repeating: "Ω", count: Int.random(in: 500...5_000, using: &g))
            transform = { _ in value }
        case .hostileString:
            path = pick(strings)
            let value = (0..<Int.random(in: 1...20, using: &g)).map { _ in hostile.randomElement(using: &g)! }.joined()
            transform = { _ in value }
        case .removeKey:
            path = pick(all.filter { !$0.isEmpty })
            transform = { _ in nil }
        }
        return replacing(json, at: path[...], with: transform) ?? json
    }

    static func node(_ json: Any, _ path: [Any]) -> Any? {
        var current: Any? = json
        for step in path {
            if let key = step as? String { current = (current as? [String: Any])?[key] }
            else if let index = step as? Int { current = (current as? [Any]).flatMap { $0.indices.contains(index) ? $0[index] : nil } }
        }
        return current
    }
}

/// Issue 10, item 7: the real reducer and every view, fed gateway answers mutated at the JSON
/// level through the real ShopKit (decoding, contract checks) against the real mock gateway.
@Suite("The whole app under mutated gateway answers", .serialized)
struct WireFuzzTests {
    static let mutatedAnswers = Int(ProcessInfo.processInfo.environment["WIRE_FUZZ_ANSWERS"] ?? "") ?? 300
    static let sizes = [Size(width: 60, height: 20), Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 250, height: 70)]

    @Test func mutatedAnswersNeverTrapTheAppOrBreakTheScreen() async throws {
        let gateway = try await MockGateway.start(GatewayConfiguration(
            port: 0, bcryptCost: 4, logger: Logger(label: "fuzz-gateway", factory: { _ in SwiftLogNoOpLogHandler() })))
        let mutator = JSONAnswerMutator(seed: 0x7_2057_0010)
        let client = ShopClient(configuration: ShopClientConfiguration(
            baseURL: gateway.url, timeout: .seconds(10), retryPolicy: .none, middlewares: [mutator],
            logger: Logger(label: "fuzz-shopkit", factory: { _ in SwiftLogNoOpLogHandler() })))
        let service = ShopClientService(client: client)
        do {
            try await run(service: service, mutator: mutator)
        } catch {
            try? await client.shutdown()
            await gateway.stop()
            throw error
        }
        try await client.shutdown()
        await gateway.stop()
    }

    private func run(service: ShopClientService, mutator: JSONAnswerMutator) async throws {
        var generator = SplitMix64(seed: 0x10_0007)
        var state = AppState(size: Self.sizes[1], now: Fixtures.now, currency: .usd, gatewayLabel: "fuzz")
        var pending = reduce(&state, .start)
        var answers = 0, mutated = 0, renders = 0, failures = 0, skippedItems = 0, steps = 0
        var violations: [String] = []
        // An honest start: a cart with something in it, so cart and checkout answers exist.
        pending.append(.addToCart(productID: "p001-cast-iron-skillet-26-cm", quantity: 2, currency: .usd))

        while mutated < Self.mutatedAnswers && steps < Self.mutatedAnswers * 10 {
            steps += 1
            let action: Action
            if !pending.isEmpty {
                let effect = pending.removeFirst()
                switch effect {
                case .quit, .suspend, .saveCurrency, .signal: continue
                case .makeIdempotencyKey: action = .idempotencyKeyCreated("fuzz-\(steps)")
                case .startTimer(let timer, _): action = .timerFired(timer)
                default:
                    let mutate = Double.random(in: 0..<1, using: &generator) < 0.8
                    mutator.enabled = mutate
                    action = await EffectRunner.perform(effect, service: service)
                    mutator.enabled = false
                    answers += 1
                    if mutate { mutated += 1 }
                    if case .productsLoaded(_, .success(let page)) = action { skippedItems += page.skipped.count }
                    if EffectRunner.failure(in: action) != nil { failures += 1 }
                }
            } else if Int.random(in: 0..<10, using: &generator) < 7 {
                // Mostly the reads the screens make, so most steps put a mutated answer on screen.
                pending.append(Self.read(state, using: &generator))
                continue
            } else if Int.random(in: 0..<20, using: &generator) == 0 {
                action = .resize(Self.sizes.randomElement(using: &generator)!)
            } else {
                action = .key(ReducerFuzzTests.keys.randomElement(using: &generator)!)
            }
            if case .key(.character("q")) = action { continue }  // keep the app running
            pending += reduce(&state, action)
            if pending.count > 40 { pending.removeFirst(pending.count - 40) }
            // Every view, at every size, after each answer; now and then after a key.
            let sizes = action.isAnswer ? Self.sizes
                : Int.random(in: 0..<8, using: &generator) == 0 ? [Self.sizes.randomElement(using: &generator)!] : []
            for size in sizes {
                var sized = state
                sized.size = size
                let buffer = AppView.render(sized, size: size, theme: .default)
                renders += 1
                if buffer.width != size.width || buffer.height != size.height {
                    violations.append("buffer \(buffer.width)x\(buffer.height) for \(size)")
                }
                for problem in ScreenInvariants.violations(in: buffer).prefix(2) {
                    violations.append("\(state.screen) \(size): \(problem)")
                }
            }
            if !state.isRunning { state.isRunning = true }
        }
        let counts = mutator.counts
        print("wire fuzz: \(answers) answers (\(mutated) mutated: \(counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))), \(failures) failures shown, \(skippedItems) list items skipped, \(renders) renders, \(steps) steps, \(violations.count) violations")
        #expect(mutated >= Self.mutatedAnswers, "enough mutated answers reached the app")
        #expect(counts.count == JSONAnswerMutator.Kind.allCases.count, "every kind of mutation ran")
        #expect(violations.isEmpty, "\(violations.prefix(10))")
    }
}

extension WireFuzzTests {
    /// A read one of the screens makes, for the state as it is.
    static func read(_ state: AppState, using generator: inout SplitMix64) -> Effect {
        let productID = state.browse.products.isEmpty ? "p001-cast-iron-skillet-26-cm"
            : state.browse.products[Int.random(in: 0..<state.browse.products.count, using: &generator)].id
        let reads: [Effect] = [
            .loadCategories,
            .loadProducts(categoryID: state.browse.selectedCategoryID, cursor: nil, currency: state.currency,
                          generation: state.browse.listingGeneration),
            .loadProduct(id: state.browse.detailProductID ?? productID, currency: state.currency),
            .loadRecommendations(productID: state.browse.detailProductID ?? productID, currency: state.currency),
            .loadAds(categories: []),
            .loadCart(currency: state.currency),
            .quoteShipping(CartReducer.estimateAddress, currency: state.currency, purpose: .cartEstimate),
            .loadOrders,
            .loadInbox,
            .search(SearchQuery(text: "a", currency: state.currency), generation: state.search.generation),
        ]
        return reads.randomElement(using: &generator)!
    }
}

extension Action {
    /// An effect's answer (not input or time).
    var isAnswer: Bool {
        switch self {
        case .start, .key, .mouse, .resize, .tick, .timerFired: false
        default: true
        }
    }
}
