import Foundation
import ShopKit
import ShopTestSupport
import Testing
import TerminalUI
@testable import ShopApp

/// Issue 6, item 8: random keys, resizes and clock ticks through the reducer and the views,
/// with a small fake gateway answering the effects, checking invariants after every step.
@Suite("Reducer and views under random input")
struct ReducerFuzzTests {
    static let sequences = 10_000
    static let stepsPerSequence = 12

    /// Answers effects the way the gateway would, with the fixtures' catalog and a real cart.
    struct FakeShop {
        var lines: [String: Int] = [:]
        var keys = 0

        var cart: Cart {
            Fixtures.cart(Fixtures.products.compactMap { product in
                lines[product.id].map { Fixtures.line(product, quantity: $0) }
            })
        }

        mutating func answer(_ effect: Effect) -> Action? {
            switch effect {
            case .loadCategories: return .categoriesLoaded(.success(Fixtures.categories))
            case .loadProducts(_, _, _, let generation):
                return .productsLoaded(generation: generation, .success(Page(items: Fixtures.products, nextCursor: nil)))
            case .loadProduct(let id, _):
                guard let summary = Fixtures.products.first(where: { $0.id == id }) else { return nil }
                return .productLoaded(id: id, .success(Fixtures.detail(summary)))
            case .loadCart: return .cartLoaded(.success(cart))
            case .addToCart(let id, let quantity, _):
                let stock = Fixtures.products.first { $0.id == id }?.stock ?? 0
                lines[id] = min(stock, lines[id, default: 0] + quantity)
                if lines[id] == 0 { lines[id] = nil }
                return .cartChanged(productID: id, .success(cart))
            case .setCartQuantity(let id, let quantity, _):
                let stock = Fixtures.products.first { $0.id == id }?.stock ?? 0
                lines[id] = quantity <= 0 ? nil : min(stock, quantity)
                return .cartChanged(productID: id, .success(cart))
            case .removeFromCart(let id, _):
                lines[id] = nil
                return .cartChanged(productID: id, .success(cart))
            case .quoteShipping(_, _, let purpose): return .shippingQuoted(purpose, .success(Fixtures.shippingOptions))
            case .makeIdempotencyKey:
                keys += 1
                return .idempotencyKeyCreated("fuzz-key-\(keys)")
            case .placeOrder(_, let key):
                lines = [:]
                return .orderPlaced(idempotencyKey: key, .success(Fixtures.order()))
            case .loadOrders: return .ordersLoaded(.success(Page(items: Fixtures.orderSummaries)))
            case .loadOrder(let id): return .orderLoaded(id: id, .success(Fixtures.order()))
            case .loadInbox: return .inboxLoaded(.success(Page(items: Fixtures.messages, unreadCount: 1)))
            default: return nil
            }
        }
    }

    static let keys: [Key] = [
        .up, .down, .left, .right, .enter, .escape, .tab, .backTab, .backspace, .delete, .home, .end, .pageUp, .pageDown,
        .function(1), .ctrl("l"), .ctrl("u"), .ctrl("d"),
    ] + "jkhl+-/?cCgGoOiaAbBnNsSq0123456789@. xyz4242".map { Key.character($0) }

    /// Every problem found, described.
    static func violations(_ state: AppState, previousStep: CheckoutStep?) -> [String] {
        var found: [String] = []
        if let selected = state.browse.productList.selected, !state.browse.products.indices.contains(selected) {
            found.append("product selection \(selected) of \(state.browse.products.count)")
        }
        if let selected = state.cart.list.selected, !state.cart.lines.isEmpty, !state.cart.lines.indices.contains(selected) {
            found.append("cart selection \(selected) of \(state.cart.lines.count)")
        }
        if let cart = state.cart.cart.value {
            let sum = cart.lines.reduce(Int64(0)) { $0 + $1.lineTotal.amount }
            if cart.subtotal.amount != sum { found.append("cart total \(cart.subtotal.amount) != lines \(sum)") }
            if cart.itemCount != cart.lines.reduce(0, { $0 + $1.quantity }) { found.append("item count") }
        }
        if let checkout = state.checkout {
            if let previousStep, checkout.step.rawValue > previousStep.rawValue + 1 {
                found.append("checkout jumped from \(previousStep) to \(checkout.step)")
            }
            if checkout.step == .done && checkout.placedOrder == nil { found.append("done without an order") }
        }
        return found
    }

    @Test func tenThousandRandomSequencesKeepTheInvariants() async {
        // Minutes of CPU on a loaded machine: off the cooperative pool and at the lowest priority,
        // so the suites beside it (in-process gateways, 100 runtimes) keep the pool (see ManyRuntimesTests).
        await inTheBackground {
            var generator = SplitMix64(seed: 0x0006_0008)
            var problems: [String] = []
            var steps = 0, renders = 0, effectsAnswered = 0, checkoutsPlaced = 0
            var stepsSeen = Set<CheckoutStep>()
            for sequence in 0..<Self.sequences where problems.count < 20 {
                // Seconds of CPU: hand the cooperative thread back now and then, so the other
                // suites' effect tasks (2 threads on 2 cores) are not starved meanwhile.
                if sequence % 50 == 0 { await Task.yield() }
                var state = Fixtures.browsing(width: [80, 120, 100][sequence % 3], height: [24, 40, 30][sequence % 3])
                var shop = FakeShop(lines: ["p1": 2, "p4": 1])  // the fixtures' cart
                _ = reduce(&state, .cartLoaded(.success(shop.cart)))
                // Half the sequences start inside the checkout wizard, so random keys reach its later steps.
                switch sequence % 4 {
                case 1: CheckoutDriver.toShipping(&state)
                case 2, 3: CheckoutDriver.toReview(&state)
                default: break
                }
                var step: CheckoutStep? = state.checkout?.step
                for _ in 0..<Self.stepsPerSequence {
                    let roll = Int.random(in: 0..<100, using: &generator)
                    let action: Action
                    if roll < 6 {
                        action = .resize(Size(width: Int.random(in: 0...260, using: &generator), height: Int.random(in: 0...90, using: &generator)))
                    } else if roll < 9 {
                        action = .tick(state.now.addingTimeInterval(Double.random(in: 0...30, using: &generator)))
                    } else {
                        action = .key(Self.keys.randomElement(using: &generator)!)
                    }
                    var pending = reduce(&state, action)
                    steps += 1
                    // The fake gateway answers, and its answers may ask for more (bounded).
                    for _ in 0..<8 where !pending.isEmpty {
                        let effects = pending
                        pending = []
                        for effect in effects {
                            if case .placeOrder = effect { checkoutsPlaced += 1 }
                            guard let answer = shop.answer(effect) else { continue }
                            effectsAnswered += 1
                            pending += reduce(&state, answer)
                        }
                    }
                    let found = Self.violations(state, previousStep: step)
                    if !found.isEmpty { problems.append("sequence \(sequence) after \(action): \(found)") }
                    step = state.checkout?.step
                    if let step { stepsSeen.insert(step) }
                    if case .resize = action {
                        _ = AppView.render(state, size: state.size, theme: .default)
                        renders += 1
                    }
                    if !state.isRunning { break }
                }
                _ = AppView.render(state, size: state.size, theme: sequence % 2 == 0 ? .default : .mono)
                renders += 1
            }
            #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
            #expect(stepsSeen.count >= 3, "the checkout wizard was exercised: \(stepsSeen)")
            print("reducer fuzz: \(Self.sequences) sequences, \(steps) keys/resizes/ticks, \(effectsAnswered) effects answered, \(renders) renders, checkout steps reached \(stepsSeen.sorted().map(\.title)), \(checkoutsPlaced) orders placed")
        }
    }
}
