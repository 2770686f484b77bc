import Foundation
import Logging
import ShopKit
import ShopMockServer
import ShopTestSupport
import Synchronization
import Testing
import TerminalUI
import TerminalUITesting
@testable import ShopApp

/// One buyer's purchase as keys: each step waits for the state it needs (answers wake the loop,
/// so nothing polls), then types. Buyer `number` picks a product by its number and types its
/// own e-mail and name, so a crossed session shows up as a wrong e-mail, product or order.
struct ScriptedPurchase {
    let number: Int
    private(set) var step = 0
    /// The product the buyer added, as the list showed it.
    private(set) var chosenProductID: String?

    init(number: Int) { self.number = number }

    var email: String { "buyer\(number)@example.com" }

    /// What the buyer is waiting for, for a failure message.
    var waitingFor: String {
        ["the product list", "the chosen product's details", "the cart to hold the product", "the cart screen", "the contact step", "the address step",
         "the shipping options", "the payment step", "the review step", "the placed order"][min(step, 9)]
    }

    var isDone: Bool { step > 9 }

    /// The keys to send now, given the state just drawn.
    mutating func keys(for state: AppState) -> [Key] {
        let checkout = state.checkout
        switch step {
        case 0 where state.screen == .browse && !state.browse.products.isEmpty && !state.isBusy:
            // Among the first page's well-stocked products, so that a hundred buyers never meet
            // an honest "out of stock".
            let stocked = state.browse.products.indices.filter { state.browse.products[$0].stock >= 25 }
            guard !stocked.isEmpty else { return [] }
            let index = stocked[number % stocked.count]
            chosenProductID = state.browse.products[index].id
            step += 1
            return Array(repeating: .character("j"), count: index)
        case 1 where state.browse.detail.value?.id == chosenProductID && !state.isBusy:
            // `+` adds the product in the detail pane: wait until it is the chosen one.
            step += 1
            return [.character("+")]
        case 2 where state.cart.cart.value?.itemCount == 1 && !state.isBusy:
            step += 1
            return [.character("c")]
        case 3 where state.screen == .cart && state.cart.cart.value != nil && !state.isBusy:
            step += 1
            return [.enter]
        case 4 where checkout?.step == .contact:
            step += 1
            return Self.type(email) + [.enter]
        case 5 where checkout?.step == .address:
            step += 1
            return Self.type("Buyer \(number)") + [.tab] + Self.type("\(number) Main St") + [.tab, .tab] + Self.type("Springfield")
                + [.tab, .tab] + Self.type("12345") + [.enter]
        case 6 where checkout?.step == .shipping && checkout?.shippingOptions.value?.isEmpty == false && !state.isBusy:
            step += 1
            return [.enter]
        case 7 where checkout?.step == .payment:
            step += 1
            return Self.type("4242424242424242") + [.tab] + Self.type("1230") + [.tab] + Self.type("123") + [.enter]
        case 8 where checkout?.step == .review:
            step += 1
            return [.enter]
        case 9 where checkout?.placedOrder != nil:
            step += 1
            return []
        default:
            return []
        }
    }

    static func type(_ text: String) -> [Key] { text.map { .character($0) } }
}

/// Runs inside the whole suite. Inside it, on a loaded machine, every buyer once waited 300 s
/// (92 for their product's details, 8 for the add) for answers the gateway had not yet given:
/// the suite's long synchronous tests held the cooperative pool's two threads, and each waiting
/// session added an inbox poll every 15 s whether or not the last had come back, so the one
/// gateway's queue grew faster than it drained (432 polls out at once). The polls now wait for
/// each other and those tests run off the pool (see docs/terminal-ui.md). Every 30 s, and on
/// failure, the test says what each buyer waits for and where its requests are.
@Suite("Many runtimes in one process")
struct ManyRuntimesTests {
    struct Outcome: Sendable {
        var number: Int
        var chosenProductID: String?
        var order: Order?
        var screen: [String]
        var waitingFor: String?
        /// From the runtime's start to the first product list on its screen.
        var firstAnswer: Duration?
        /// The longest the buyer waited for one step's answer, and what it waited for.
        var longestWait: (Duration, String) = (.zero, "")
        var frames = 0
    }

    /// Runs one buyer's runtime on its own TestBackend and client against `gateway`.
    static func buy(number: Int, gateway: URL, trail: RequestTrail, progress: BuyerProgress) async -> Outcome {
        // ShopKit's clients share one connection pool per process (and per pool settings), so
        // this is the pool of all hundred buyers, as `shop serve`'s sessions share one (it was
        // 2, queueing a hundred buyers behind two connections). Not one per buyer: beside the
        // whole suite, 200 more sockets at each end took the process past 1,300 descriptors,
        // and Foundation's `Process.run()` crashed copying their names (a tmux test spawning a
        // child). A long timeout: beside the whole suite on two cores a buyer must wait, not fail.
        let client = ShopClient(configuration: ShopClientConfiguration(baseURL: gateway, timeout: .seconds(600), middlewares: [trail],
                                                                       maximumConnectionsPerHost: 16))
        let queue = ActionQueue()
        let quiet = Logger(label: "buyer", factory: { _ in SwiftLogNoOpLogHandler() })
        let backend = TestBackend()
        let runtime = AppRuntime(
            state: AppState(size: Size(width: 80, height: 24), now: Date(), gatewayLabel: "buyer \(number)"),
            backend: backend, runner: EffectRunner(service: ShopClientService(client: client), queue: queue, logger: quiet),
            queue: queue, theme: .default, logger: quiet)
        var script = ScriptedPurchase(number: number)
        let started = ContinuousClock.now
        var firstAnswer: Duration?
        var longestWait: (Duration, String) = (.zero, "")
        var stepStarted = started
        runtime.onTurn = { state in
            let now = ContinuousClock.now
            if firstAnswer == nil && !state.browse.products.isEmpty { firstAnswer = now - started }
            let waitingFor = script.waitingFor, step = script.step
            for key in script.keys(for: state) { backend.send(.key(key)) }
            if script.step != step {
                if now - stepStarted > longestWait.0 { longestWait = (now - stepStarted, waitingFor) }
                stepStarted = now
                progress.set(number, waitingFor: script.isDone ? nil : script.waitingFor)
            }
            if script.isDone { backend.hangUp() }
        }
        await RuntimeTests.run(runtime, on: backend, waitingFor: { "buyer \(number)" }, bound: .seconds(300))
        try? await client.shutdown()
        return Outcome(number: number, chosenProductID: script.chosenProductID, order: runtime.state.checkout?.placedOrder,
                       screen: backend.lines, waitingFor: script.isDone ? nil : script.waitingFor, firstAnswer: firstAnswer,
                       longestWait: longestWait, frames: runtime.framesDrawn)
    }

    /// The buyers still waiting and the requests they wait for: per operation, how many are
    /// out, the oldest, how many have their head back and how many the gateway's request log
    /// says it answered. With `perBuyer`, also each waiting buyer's own requests.
    static func report(progress: BuyerProgress, trails: [RequestTrail], answers: GatewayAnswerLog,
                       since started: ContinuousClock.Instant, perBuyer: Bool = false) -> String {
        let now = ContinuousClock.now
        let waiting = progress.waiting()
        var lines = ["100 runtimes after \(seconds(now - started)): \(100 - waiting.count) done, \(waiting.count) waiting; "
            + "\(trails.map(\.count).reduce(0, +)) requests sent, \(answers.count) answered by the gateway"]
        let outstanding = trails.flatMap { $0.outstanding() }
        for (operation, attempts) in Dictionary(grouping: outstanding, by: \.operationID).sorted(by: { $0.key < $1.key }) {
            let oldest = attempts.map(\.sent).min()!
            let withHead = attempts.filter { $0.head != nil }.count
            let answered = attempts.filter { $0.requestID.flatMap { answers.answer(to: $0) } != nil }.count
            lines.append("  \(operation): \(attempts.count) out, oldest sent \(seconds(now - oldest)) ago; \(withHead) with their head back; "
                + "\(answered) answered by the gateway")
        }
        guard perBuyer else { return lines.joined(separator: "\n") }
        for (number, waitingFor, since) in waiting {
            lines.append("  buyer \(number) waits \(seconds(now - since)) for \(waitingFor)")
            for attempt in trails[number].outstanding() {
                let gateway = attempt.requestID.flatMap { answers.answer(to: $0) }
                    .map { "the gateway answered \($0.status) in \($0.milliseconds) ms, \(seconds(now - $0.at)) ago" }
                    ?? "the gateway has not answered it"
                lines.append("    \(attempt.line(now: now)); \(gateway)")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.2f s", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    @Test("100 runtimes side by side, each buying through its own terminal and session: every one gets its own order")
    func hundredPurchases() async throws {
        // The other crowd of the suite (50 SSH shoppers / 100 runtimes) waits for its turn.
        try await oneCrowdAtATime {
            let answers = GatewayAnswerLog()
            var configuration = GatewayConfiguration(port: 0, bcryptCost: 4, logger: answers.logger)
            configuration.limits.guestSessionsPerAddress = nil
            let gateway = try await MockGateway.start(configuration)
            let trails = (0..<100).map { _ in RequestTrail() }
            let progress = BuyerProgress(buyers: 100)
            let started = ContinuousClock.now
            let outcomes = await withTaskGroup(of: Outcome?.self) { group in
                for number in 0..<100 {
                    group.addTask { await Self.buy(number: number, gateway: gateway.url, trail: trails[number], progress: progress) }
                }
                // Every 30 s, who still waits and for which request: a stall shows while it lasts.
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(30))
                        if Task.isCancelled { break }
                        print(Self.report(progress: progress, trails: trails, answers: answers, since: started))
                    }
                    return nil
                }
                var outcomes: [Outcome] = []
                while let outcome = await group.next() {
                    if let outcome { outcomes.append(outcome) }
                    if outcomes.count == 100 { group.cancelAll() }
                }
                return outcomes.sorted { $0.number < $1.number }
            }
            let unfinished = Self.report(progress: progress, trails: trails, answers: answers, since: started, perBuyer: true)
            await gateway.stop()
            print("100 runtimes: 100 purchases in \(ContinuousClock.now - started), \(outcomes.map(\.frames).reduce(0, +)) frames drawn")
            // How long a buyer waited, not only how long all took: a buyer held up for minutes
            // behind the others is what this test exists to catch.
            let firstAnswers = outcomes.compactMap(\.firstAnswer).sorted()
            if let slowest = firstAnswers.last {
                print("100 runtimes: first product list after \(Self.seconds(firstAnswers[firstAnswers.count / 2])) (median), "
                    + "\(Self.seconds(slowest)) (slowest)")
            }
            if let worst = outcomes.max(by: { $0.longestWait.0 < $1.longestWait.0 }) {
                print("100 runtimes: longest wait for one answer \(Self.seconds(worst.longestWait.0)) (buyer \(worst.number), for \(worst.longestWait.1))")
            }

            #expect(outcomes.count == 100)
            if outcomes.contains(where: { $0.order == nil }) { Issue.record("buyers left waiting:\n\(unfinished)") }
            for outcome in outcomes {
                guard let order = outcome.order else {
                    Issue.record("buyer \(outcome.number) stopped waiting for \(outcome.waitingFor ?? "?"):\n\(outcome.screen.joined(separator: "\n"))")
                    continue
                }
                #expect(order.email == "buyer\(outcome.number)@example.com")
                #expect(order.address.name == "Buyer \(outcome.number)")
                #expect(order.lines.map(\.productID) == [outcome.chosenProductID].compactMap { $0 })
                #expect(order.lines.map(\.quantity) == [1])
                // The buyer's own terminal shows the buyer's own order.
                #expect(outcome.screen.contains { $0.contains(order.id) }, "buyer \(outcome.number)")
            }
            let ids = outcomes.compactMap { $0.order?.id }
            #expect(Set(ids).count == ids.count)
        }
    }
}

/// What each buyer of ``ManyRuntimesTests`` waits for and since when, read by its watchdog
/// while the buyers run.
final class BuyerProgress: Sendable {
    private let state: Mutex<[(waitingFor: String?, since: ContinuousClock.Instant)]>

    init(buyers: Int) {
        state = Mutex(Array(repeating: (ScriptedPurchase(number: 0).waitingFor, ContinuousClock.now), count: buyers))
    }

    /// Buyer `number` now waits for `waitingFor` (nil: done).
    func set(_ number: Int, waitingFor: String?) {
        state.withLock { $0[number] = (waitingFor, .now) }
    }

    /// The buyers still waiting, with what for and since when.
    func waiting() -> [(number: Int, waitingFor: String, since: ContinuousClock.Instant)] {
        state.withLock { state in
            state.indices.compactMap { number in state[number].waitingFor.map { (number, $0, state[number].since) } }
        }
    }
}
