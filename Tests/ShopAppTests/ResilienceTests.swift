import Foundation
import ShopKit
import Synchronization
import Testing
import TerminalUI
import TerminalUITesting
@testable import ShopApp

/// A gateway the test switches between answering, failing as unreachable, and hanging: a hung
/// call waits on a continuation that only resumes when the test releases it.
final class GatewaySwitch: Sendable {
    enum Mode: Sendable { case up, down, hang }

    private struct Inner {
        var mode: Mode = .up
        var hangOnly: Set<String>? = nil
        var calls: [String] = []
        var hung: [CheckedContinuation<Void, any Error>] = []
        var keys: [String] = []
        var observer: (@Sendable (String) -> Void)?
    }

    private let inner = Mutex(Inner())

    /// Sets what the next calls do; `only` limits hanging or failing to the named calls.
    func set(_ mode: Mode, only: Set<String>? = nil) {
        inner.withLock { $0.mode = mode; $0.hangOnly = only }
    }

    var calls: [String] { inner.withLock { $0.calls } }
    var pending: Int { inner.withLock { $0.hung.count } }
    var placedKeys: [String] { inner.withLock { $0.keys } }

    func count(_ name: String) -> Int { calls.filter { $0 == name }.count }

    /// Calls `observer` with each call's name as the call starts, before it answers.
    func observe(_ observer: @escaping @Sendable (String) -> Void) {
        inner.withLock { $0.observer = observer }
    }

    /// Lets every hung call go on: answering, or failing as unreachable.
    func release(failing: Bool = false) {
        let hung = inner.withLock { inner -> [CheckedContinuation<Void, any Error>] in
            defer { inner.hung = [] }
            return inner.hung
        }
        for continuation in hung {
            if failing { continuation.resume(throwing: ServiceFailure(kind: .network, message: "connection refused")) } else { continuation.resume() }
        }
    }

    func gate(_ name: String, key: String? = nil) async throws {
        let (mode, observer) = inner.withLock { inner -> (Mode, (@Sendable (String) -> Void)?) in
            inner.calls.append(name)
            if let key { inner.keys.append(key) }
            if let only = inner.hangOnly, !only.contains(name) { return (.up, inner.observer) }
            return (inner.mode, inner.observer)
        }
        observer?(name)
        switch mode {
        case .up: return
        case .down: throw ServiceFailure(kind: .network, message: "connection refused")
        case .hang:
            try await withCheckedThrowingContinuation { continuation in
                inner.withLock { $0.hung.append(continuation) }
            }
        }
    }
}

/// `FakeService` behind a `GatewaySwitch`.
struct SwitchedService: ShopService {
    let gateway: GatewaySwitch
    let base = FakeService()

    func currentUser() async throws -> User { try await gateway.gate("currentUser"); return try await base.currentUser() }
    func signIn(email: String, password: String) async throws -> User { try await gateway.gate("signIn"); return try await base.signIn(email: email, password: password) }
    func register(email: String, password: String, name: String) async throws -> User {
        try await gateway.gate("register"); return try await base.register(email: email, password: password, name: name)
    }
    func signOut() async throws -> User { try await gateway.gate("signOut"); return try await base.signOut() }
    func categories() async throws -> [ShopKit.Category] { try await gateway.gate("categories"); return try await base.categories() }
    func products(categoryID: String?, cursor: String?, currency: CurrencyCode) async throws -> Page<ProductSummary> {
        try await gateway.gate("products"); return try await base.products(categoryID: categoryID, cursor: cursor, currency: currency)
    }
    func product(id: String, currency: CurrencyCode) async throws -> Product { try await gateway.gate("product"); return try await base.product(id: id, currency: currency) }
    func recommendations(for productID: String, currency: CurrencyCode) async throws -> [ProductSummary] {
        try await gateway.gate("recommendations"); return try await base.recommendations(for: productID, currency: currency)
    }
    func ads(categories: [String]) async throws -> [Ad] { try await gateway.gate("ads"); return try await base.ads(categories: categories) }
    func search(_ query: SearchQuery, cursor: String?) async throws -> SearchResults {
        try await gateway.gate("search")
        let hits = Fixtures.products.filter { $0.name.lowercased().contains(query.text.lowercased()) }.map { SearchHit(product: $0, matchedIn: [.name]) }
        return SearchResults(hits: hits, total: hits.count)
    }
    func cart(currency: CurrencyCode) async throws -> Cart { try await gateway.gate("cart"); return try await base.cart(currency: currency) }
    func addToCart(productID: String, quantity: Int, currency: CurrencyCode) async throws -> Cart {
        try await gateway.gate("addToCart"); return try await base.addToCart(productID: productID, quantity: quantity, currency: currency)
    }
    func setCartQuantity(productID: String, quantity: Int, currency: CurrencyCode) async throws -> Cart {
        try await gateway.gate("setCartQuantity"); return try await base.setCartQuantity(productID: productID, quantity: quantity, currency: currency)
    }
    func removeFromCart(productID: String, currency: CurrencyCode) async throws -> Cart {
        try await gateway.gate("removeFromCart"); return try await base.removeFromCart(productID: productID, currency: currency)
    }
    func quoteShipping(to address: AddressInput, currency: CurrencyCode) async throws -> [ShippingOption] {
        try await gateway.gate("quoteShipping"); return try await base.quoteShipping(to: address, currency: currency)
    }
    func placeOrder(_ request: PlaceOrderRequest, idempotencyKey: String) async throws -> Order {
        try await gateway.gate("placeOrder", key: idempotencyKey); return try await base.placeOrder(request, idempotencyKey: idempotencyKey)
    }
    func orders(cursor: String?) async throws -> Page<OrderSummary> {
        try await gateway.gate("orders"); return try await base.orders(cursor: cursor)
    }
    func order(id: String) async throws -> Order { try await gateway.gate("order"); return try await base.order(id: id) }
    func tracking(orderID: String) async throws -> Tracking { try await gateway.gate("tracking"); return try await base.tracking(orderID: orderID) }
    func invoice(orderID: String) async throws -> Invoice { try await gateway.gate("invoice"); return try await base.invoice(orderID: orderID) }
    func cancelOrder(id: String) async throws -> Order { try await gateway.gate("cancelOrder"); return try await base.cancelOrder(id: id) }
    func addresses() async throws -> [Address] { try await gateway.gate("addresses"); return try await base.addresses() }
    func saveAddress(_ address: AddressInput) async throws -> Address { try await gateway.gate("saveAddress"); return try await base.saveAddress(address) }
    func updateAddress(id: String, _ address: AddressInput) async throws -> Address {
        try await gateway.gate("updateAddress"); return try await base.updateAddress(id: id, address)
    }
    func deleteAddress(id: String) async throws { try await gateway.gate("deleteAddress") }
    func activity() async throws -> [ActivityEvent] { try await gateway.gate("activity"); return try await base.activity() }
    func inbox() async throws -> Page<InboxMessage> { try await gateway.gate("inbox"); return try await base.inbox() }
    func markNotificationRead(id: String) async throws { try await gateway.gate("markNotificationRead") }
    func markAllNotificationsRead() async throws { try await gateway.gate("markAllNotificationsRead") }
}

/// Expectations checked on the run loop's thread (outside the test's task), reported after the run.
final class Problems {
    private(set) var list: [String] = []
    func expect(_ condition: Bool, _ message: @autoclosure () -> String, line: Int = #line) {
        if !condition { list.append("line \(line): \(message())") }
    }
}

/// A script of keys, checks on what was last drawn, and waits for the state to reach a
/// condition, played into a `TestBackend` one step per turn of the run loop. Every wait is
/// bounded; the terminal hangs up when the script ends.
final class ProbeTerminal {
    enum Step {
        case key(Key)
        /// Runs on the loop between two turns: everything before it is reduced and drawn.
        case check((_ state: AppState, _ screen: String, _ problems: Problems) -> Void)
        /// No key until the state satisfies the condition (at most 2,000 looks 10 ms apart: answers can
        /// be slow to come when the rest of the test suite keeps the cooperative pool busy).
        case wait(String, (AppState) -> Bool)
        /// Runs an action outside the app, e.g. switching the gateway.
        case perform(() -> Void)
    }

    let backend = TestBackend(size: Size(width: 100, height: 30))
    private var steps: [Step]
    private(set) var timedOut: [String] = []
    let problems = Problems()
    private var looks = 0
    /// Wakes the loop to look at a waited-for condition again.
    var nudge: @Sendable () -> Void = {}

    init(_ steps: [Step]) { self.steps = steps }

    var screen: String { backend.lines.joined(separator: "\n") }

    /// One turn of the loop: plays steps up to the next key (one key per turn, so each is drawn
    /// before the next) or an unmet wait.
    func turn(_ state: AppState) {
        while let step = steps.first {
            switch step {
            case .key(let key):
                steps.removeFirst()
                backend.send(.key(key))
                return
            case .check(let check):
                steps.removeFirst()
                check(state, screen, problems)
            case .perform(let action):
                steps.removeFirst()
                action()
            case .wait(let what, let condition):
                if condition(state) {
                    steps.removeFirst()
                    looks = 0
                    continue
                }
                looks += 1
                // A generous bound (a minute or more of 10 ms looks): beside the whole suite the
                // effect tasks can wait long for a thread; a hang still ends the test.
                if looks > 6_000 {
                    timedOut.append(what)
                    steps.removeFirst()
                    looks = 0
                    continue
                }
                let nudge = self.nudge
                Task {
                    try? await Task.sleep(for: .milliseconds(10))
                    nudge()
                }
                return
            }
        }
        backend.hangUp()
    }
}

@Suite("Resilience: the gateway down, slow or flapping")
struct ResilienceTests {
    /// Runs the app from `state` over `steps` against `gateway`; returns the final state.
    @discardableResult
    static func run(_ state: AppState, _ gateway: GatewaySwitch, _ steps: [ProbeTerminal.Step],
                    keys: @escaping @Sendable () -> String = { "key-1" }) async -> (AppState, ProbeTerminal) {
        let terminal = ProbeTerminal(steps)
        let queue = ActionQueue()
        let runtime = AppRuntime(state: state, backend: terminal.backend,
                                 runner: EffectRunner(service: SwitchedService(gateway: gateway), queue: queue, makeKey: keys),
                                 queue: queue, theme: .mono, clock: { Fixtures.now })
        terminal.nudge = { queue.send(.tick(Fixtures.now)) }
        runtime.onTurn = { terminal.turn($0) }
        await runtime.run()
        gateway.release(failing: true)  // nothing is left hanging after the test
        #expect(terminal.timedOut.isEmpty, "waited in vain for: \(terminal.timedOut)")
        #expect(terminal.problems.list.isEmpty, "\(terminal.problems.list)")
        return (runtime.state, terminal)
    }

    static func type(_ text: String) -> [ProbeTerminal.Step] { text.map { .key(.character($0)) } }

    @Test("Typing a search while the previous search hangs: every character is in the field and on screen at once")
    func searchWhileHanging() async {
        let gateway = GatewaySwitch()
        gateway.set(.hang, only: ["search"])
        var steps: [ProbeTerminal.Step] = [.wait("start-up answers", { $0.connection == .online && !$0.browse.isLoadingPage }), .key(.character("/"))]
        steps += Self.type("ke")
        steps.append(.wait("the first search to be sent (and hang)", { _ in gateway.count("search") >= 1 }))
        var typed = "ke"
        for character in "ttle pan" {
            typed.append(character)
            steps.append(.key(.character(character)))
            let expected = typed
            steps.append(.check { state, screen, problems in
                // The key is reduced and drawn while the search is still pending.
                problems.expect(gateway.pending >= 1, "gateway.pending >= 1")
                problems.expect(state.search.query.text == expected, "state.search.query.text == expected")
                problems.expect(screen.contains("Find: \(expected)"), "\(screen)")
            })
        }
        steps.append(.wait("the last edit's search to be sent", { _ in gateway.count("search") >= 2 }))
        steps.append(.perform { gateway.set(.up); gateway.release() })
        steps.append(.wait("the results of the last edit", { $0.search.results.value != nil && !$0.search.results.isLoading }))
        steps.append(.check { state, _, problems in problems.expect(state.search.query.text == "kettle pan", "field") })
        let (state, _) = await Self.run(Fixtures.state(width: 100, height: 30), gateway, steps)
        #expect(state.search.query.text == "kettle pan")
    }

    @Test("Moving through products while every product request hangs: each move is drawn while they are pending")
    func browseWhileDetailsHang() async {
        let gateway = GatewaySwitch()
        var steps: [ProbeTerminal.Step] = [
            .wait("start-up answers", { $0.connection == .online && !$0.browse.products.isEmpty && $0.browse.detail.value != nil }),
            .perform { gateway.set(.hang, only: ["product", "recommendations"]) },
        ]
        for row in 1...4 {
            steps.append(.key(.character("j")))
            let name = Fixtures.products[row].name
            steps.append(.check { state, screen, problems in
                problems.expect(state.browse.productList.selected == row, "row \(row)")
                problems.expect(screen.contains("› \(name)"), "the selection mark on \(name):\n\(screen)")
                // Hung requests never answer before the release: the move is drawn without them.
                problems.expect(state.browse.detail.value?.id != Fixtures.products[row].id, "details of \(name) arrived while hung")
            })
        }
        steps.append(.perform { gateway.set(.up); gateway.release() })
        steps.append(.wait("the last product's details", { $0.browse.detail.value?.id == Fixtures.products[4].id }))
        let (state, _) = await Self.run(Fixtures.state(width: 100, height: 30), gateway, steps)
        #expect(state.browse.detailProductID == Fixtures.products[4].id)
    }

    @Test("The status bar says offline while the gateway is down, with the reason, and online once it answers again")
    func offlineThenOnline() async {
        let gateway = GatewaySwitch()
        gateway.set(.down)
        let steps: [ProbeTerminal.Step] = [
            .wait("offline", { $0.connection == .offline }),
            .key(.character("?")),  // keys still work: the help overlay opens
            .check { state, screen, problems in
                problems.expect(state.overlay == .help, "state.overlay == .help")
                problems.expect(screen.contains("offline"), "screen.contains('offline')")
            },
            .key(.escape),
            .check { state, screen, problems in
                problems.expect(screen.contains("Cannot reach the shop"), "\(screen)")
                problems.expect(state.banner?.text.contains("connection refused") == true, "state.banner?.text.contains('connection refused') == true")
            },
            .perform { gateway.set(.up) },
            .key(.character("c")),  // the cart is read again
            .wait("online", { $0.connection == .online }),
            .check { _, screen, problems in problems.expect(screen.contains("● online"), screen) },
        ]
        let (state, _) = await Self.run(Fixtures.state(width: 100, height: 30), gateway, steps)
        #expect(state.connection == .online)
    }

    /// A state on the checkout's address step with every field but the country typed.
    static func onAddressStep() -> AppState {
        var state = Fixtures.browsing(width: 100, height: 30)
        Fixtures.press([.character("c"), .enter], &state)
        _ = Fixtures.type("grace@example.com", &state)
        Fixtures.press([.enter], &state)
        for (field, text) in [(AddressField.name, "Grace Hopper"), (.line1, "1 Navy Way"), (.city, "Arlington"), (.region, "VA"), (.postalCode, "22201")] {
            state.checkout!.addressForm.focus = field
            _ = Fixtures.type(text, &state)
        }
        state.checkout!.addressForm.focus = .country
        return state
    }

    @Test("A shipping quote that fails: the error shows, nothing typed is lost, and Enter tries again once the gateway is back")
    func quoteFailsThenRetries() async {
        let gateway = GatewaySwitch()
        let start = Self.onAddressStep()
        let form = start.checkout!.addressForm
        let steps: [ProbeTerminal.Step] = [
            .wait("start-up answers and the cart's shipping estimate", { $0.connection == .online && gateway.count("quoteShipping") == 1 }),
            .perform { gateway.set(.down, only: ["quoteShipping"]) },
        ] + Self.type("US") + [
            .key(.enter),
            .wait("the quote to fail", { $0.checkout?.shippingOptions.failure != nil }),
            .check { state, screen, problems in
                problems.expect(screen.contains("connection refused"), "\(screen)")
                for field in [AddressField.name, .line1, .city, .region, .postalCode] {
                    problems.expect(state.checkout!.addressForm.text(field) == form.text(field), "state.checkout!.addressForm.text(field) == form.text(field)")
                }
                problems.expect(state.checkout!.addressForm.text(.country) == "US", "country")
                problems.expect(state.checkout!.email.text == "grace@example.com", "email")
            },
            .perform { gateway.set(.up) },
            .key(.enter),
            .wait("the options", { $0.checkout?.shippingOptions.value?.isEmpty == false }),
        ]
        let (state, _) = await Self.run(start, gateway, steps)
        #expect(state.checkout?.step == .shipping)
        #expect(state.checkout?.confirmedAddress == Fixtures.addressInput)
        #expect(gateway.count("quoteShipping") == 3)  // the cart's estimate, the failed quote, the retry
    }

    @Test("Placing an order that fails in transit: the same idempotency key is used for the retry and the wizard keeps what was typed")
    func placeOrderRetriesWithTheSameKey() async {
        let gateway = GatewaySwitch()
        var start = Fixtures.browsing(width: 100, height: 30)
        CheckoutDriver.toReview(&start)
        let keys = Mutex(0)
        let steps: [ProbeTerminal.Step] = [
            .wait("start-up answers", { $0.connection == .online }),
            .perform { gateway.set(.hang, only: ["placeOrder"]) },
            .key(.enter),
            .wait("the order to be sent", { _ in gateway.pending == 1 }),
            .key(.enter),  // a second Enter while it hangs sends nothing
            .key(.character("j")),
            .check { state, screen, problems in
                problems.expect(state.checkout?.isPlacing == true, "state.checkout?.isPlacing == true")
                problems.expect(gateway.count("placeOrder") == 1, "gateway.count('placeOrder') == 1")
                problems.expect(!screen.isEmpty, "!screen.isEmpty")
            },
            .perform { gateway.release(failing: true) },
            .wait("the failure", { if case .failed = $0.checkout?.placement { true } else { false } }),
            .check { state, screen, problems in
                problems.expect(state.checkout?.idempotencyKey == "key-1", "state.checkout?.idempotencyKey == 'key-1'")
                problems.expect(state.checkout?.step == .review, "state.checkout?.step == .review")
                problems.expect(state.checkout?.card.digits == CheckoutDriver.card, "state.checkout?.card.digits == CheckoutDriver.card")
                problems.expect(state.checkout?.email.text == "grace@example.com", "state.checkout?.email.text == 'grace@example.com'")
                problems.expect(state.checkout?.confirmedAddress == Fixtures.addressInput, "state.checkout?.confirmedAddress == Fixtures.addressInput")
                problems.expect(screen.contains("could not be confirmed"), "\(screen)")
            },
            .perform { gateway.set(.up) },
            .key(.enter),
            .wait("the order", { $0.checkout?.step == .done }),
        ]
        let (state, _) = await Self.run(start, gateway, steps, keys: { keys.withLock { $0 += 1; return "key-\($0)" } })
        #expect(state.checkout?.placedOrder != nil)
        #expect(gateway.placedKeys == ["key-1", "key-1"])
    }

    @Test("A flapping gateway: each failure is shown, keys keep working, and the next good answer clears offline")
    func flapping() async {
        let gateway = GatewaySwitch()
        var steps: [ProbeTerminal.Step] = [.wait("start-up answers", { $0.connection == .online })]
        for round in 0..<3 {
            steps += [
                .perform { gateway.set(.down) },
                .key(.character("c")),
                .wait("offline \(round)", { $0.connection == .offline }),
                .key(.character("b")),
                .check { state, screen, problems in
                    problems.expect(state.screen == .browse, "state.screen == .browse")
                    problems.expect(screen.contains("offline"), "screen.contains('offline')")
                },
                .perform { gateway.set(.up) },
                .key(.character("c")),
                .wait("online \(round)", { $0.connection == .online && $0.cart.cart.value != nil }),
            ]
        }
        let (state, _) = await Self.run(Fixtures.state(width: 100, height: 30), gateway, steps)
        #expect(state.screen == .cart)
        #expect(state.connection == .online)
    }

    @Test("Offline, what failed to load is read again every few seconds (reads only), so the app recovers when the gateway does")
    func readsAreRetriedWhileOffline() {
        var state = Fixtures.state(width: 100, height: 30)
        _ = reduce(&state, .start)
        let down = ServiceFailure(kind: .network, message: "connection refused")
        _ = reduce(&state, .sessionLoaded(.failure(down)))
        _ = reduce(&state, .categoriesLoaded(.failure(down)))
        _ = reduce(&state, .productsLoaded(generation: 0, .failure(down)))
        _ = reduce(&state, .cartLoaded(.failure(down)))
        #expect(state.connection == .offline)
        #expect(state.banner?.text == "Cannot reach the shop: connection refused")
        #expect(reduce(&state, .tick(Fixtures.now.addingTimeInterval(1))).isEmpty)  // not at once
        #expect(reduce(&state, .tick(Fixtures.now.addingTimeInterval(3))).isEmpty)
        let retry = reduce(&state, .tick(Fixtures.now.addingTimeInterval(6)))
        #expect(retry == [.loadSession, .loadCategories, .loadProducts(categoryID: nil, cursor: nil, currency: .usd, generation: 0), .loadCart(currency: .usd)])
        #expect(state.browse.isLoadingPage && state.browse.pageError == nil)
        // Still down: the next retry waits another interval.
        _ = reduce(&state, .sessionLoaded(.failure(down)))
        _ = reduce(&state, .productsLoaded(generation: 0, .failure(down)))
        #expect(reduce(&state, .tick(Fixtures.now.addingTimeInterval(8))).isEmpty)
        #expect(reduce(&state, .tick(Fixtures.now.addingTimeInterval(11))).contains(.loadSession))
        // Back: everything arrives, the app is online and stops retrying.
        _ = reduce(&state, .sessionLoaded(.success(Fixtures.guest)))
        #expect(state.banner == nil)  // "cannot reach the gateway" is no longer true
        _ = reduce(&state, .categoriesLoaded(.success(Fixtures.categories)))
        _ = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: Fixtures.products))))
        _ = reduce(&state, .cartLoaded(.success(Fixtures.cartWithTwo)))
        #expect(state.connection == .online)
        #expect(state.browse.products.count == Fixtures.products.count)
        let later = reduce(&state, .tick(Fixtures.now.addingTimeInterval(30)))
        #expect(!later.contains(.loadSession) && !later.contains(.loadCategories) && !later.contains(.loadCart(currency: .usd)))
    }
}
