import Foundation
import ShopKit
import Synchronization
import Testing
import TerminalUI
import TerminalUITesting
@testable import ShopApp

@Suite("Run loop")
struct RuntimeTests {
    static func runtime(_ backend: TestBackend, service: any ShopService = FakeService()) -> AppRuntime {
        let queue = ActionQueue()
        return AppRuntime(
            state: AppState(size: Size(width: 80, height: 24), now: Fixtures.now, gatewayLabel: "test"),
            backend: backend, runner: EffectRunner(service: service, queue: queue), queue: queue, theme: .default,
            clock: { Fixtures.now })
    }

    /// Runs `runtime` until it ends. A loop still running after `bound` (a screen that never
    /// came, an answer that never arrived) has its terminal hung up, which ends it, and the test
    /// fails saying what it waited for: a hang is a failure with a message, never a suite that
    /// never finishes. The bound is generous because the whole suite shares two cores.
    static func run(_ runtime: AppRuntime, on backend: TestBackend, waitingFor what: @escaping @Sendable () -> String,
                    bound: Duration = .seconds(120), sourceLocation: SourceLocation = #_sourceLocation) async {
        let waited: String? = await withTaskGroup(of: String?.self) { group in
            group.addTask {
                try? await Task.sleep(for: bound)
                if Task.isCancelled { return nil }
                backend.hangUp()
                return what()
            }
            await runtime.run()
            group.cancelAll()
            return await group.next() ?? nil
        }
        if let waited {
            Issue.record("the run loop had not ended after \(bound), waiting for \(waited); screen:\n\(backend.lines.joined(separator: "\n"))",
                         sourceLocation: sourceLocation)
        }
    }

    @Test("Keys and resizes flow through reduce; frames are drawn; q ends the loop")
    func loop() async {
        let backend = TestBackend(size: Size(width: 100, height: 30))
        for event in [Event.key(.character("c")), .key(.character("+")), .key(.character("q"))] { backend.send(event) }
        let runtime = Self.runtime(backend)
        await Self.run(runtime, on: backend, waitingFor: { "q to be reduced" })
        #expect(!runtime.state.isRunning)
        #expect(runtime.state.screen == .cart)
        #expect(runtime.state.size == Size(width: 100, height: 30))
        #expect(backend.frameCount > 0)
    }

    @Test("A resize is drawn whole at the new size")
    func resize() async {
        let backend = TestBackend(size: Size(width: 80, height: 24))
        let runtime = Self.runtime(backend)
        var sent = false
        runtime.onTurn = { state in
            if !sent {
                sent = true
                backend.resize(to: Size(width: 120, height: 40))
            } else if state.size == Size(width: 120, height: 40) {
                backend.send(.key(.character("q")))
            }
        }
        await Self.run(runtime, on: backend, waitingFor: { "the 120x40 frame" })
        #expect(runtime.state.size == Size(width: 120, height: 40))
        let lines = backend.lines
        #expect(lines.count == 40)
        // The status bar spans the new width: the frame was drawn at 120 columns, not 80.
        #expect(lines.first.map { $0.trimmingCharacters(in: .whitespaces).count > 80 } == true)
    }

    @Test("An effect's answer is drawn without waiting for a key")
    func answerWakesTheLoop() async {
        let backend = TestBackend()
        let runtime = Self.runtime(backend)
        var screenWithAnswer: [String] = []
        runtime.onTurn = { state in
            // No key is ever sent until the cart's answer has been drawn.
            if state.cart.cart.value != nil && !state.cart.cart.isLoading && screenWithAnswer.isEmpty {
                screenWithAnswer = backend.lines
                backend.send(.key(.character("q")))
            }
        }
        await Self.run(runtime, on: backend, waitingFor: { "the cart's answer" })
        #expect(!screenWithAnswer.isEmpty)
    }

    @Test("Pasted text is typed, without its line breaks")
    func paste() async {
        let backend = TestBackend()
        backend.send(.key(.character("/")))
        backend.send(.paste("mug\n"))
        let runtime = Self.runtime(backend)
        runtime.onTurn = { state in
            if state.search.query.text == "mug" { backend.send(.key(.escape)); backend.send(.key(.character("q"))) }
        }
        await Self.run(runtime, on: backend, waitingFor: { "the pasted query" })
        #expect(runtime.state.search.query.text == "mug")
    }

    @Test("The loop ends when the terminal goes away")
    func hangUp() async {
        let backend = TestBackend()
        let runtime = Self.runtime(backend)
        runtime.onTurn = { _ in backend.hangUp() }
        await Self.run(runtime, on: backend, waitingFor: { "the hang-up" })
        #expect(runtime.state.isRunning)  // it did not quit: the terminal left
    }

    @Test("In the C locale on a 16-colour terminal no cell holds a character the terminal cannot show")
    func asciiTerminal() async {
        let backend = TestBackend(capabilities: TerminalCapabilities(colors: .ansi16, unicode: false))
        let runtime = Self.runtime(backend)
        // One key at a time, each once the screen it leads to is drawn and settled: sent all at
        // once, an answer arriving between two keys can move the focus (the account screen's
        // e-mail field takes the next character) and the script never reaches its last screen.
        var script: [(key: Key, screen: Screen)] = [
            (.character("/"), .search), (.escape, .browse), (.character("c"), .cart), (.character("o"), .orders),
            (.character("a"), .account),
        ]
        var expected = Screen.browse
        var screens: [[String]] = []
        runtime.onTurn = { state in
            screens.append(backend.symbols)
            guard state.screen == expected, !state.isBusy else { return }
            guard !script.isEmpty else { return backend.hangUp() }
            let (key, screen) = script.removeFirst()
            expected = screen
            backend.send(.key(key))
        }
        await Self.run(runtime, on: backend, waitingFor: { "the next screen of the script" })
        #expect(script.isEmpty)
        #expect(runtime.state.screen == .account)
        for symbols in screens {
            #expect(symbols.allSatisfy { $0.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } })
        }
        #expect(!backend.styles.contains { $0.foreground == .ansi(8) || $0.foreground == .ansi(0) && $0.background == .terminalDefault })
    }

    static func runtime(_ backend: TestBackend, gateway: GatewaySwitch) -> AppRuntime {
        runtime(backend, service: SwitchedService(gateway: gateway))
    }

    @Test("A key's frame is drawn before its effect starts")
    func keyFrameBeforeEffect() async {
        let backend = TestBackend()
        let gateway = GatewaySwitch()
        // The screen when the gateway is first asked for the cart after c was pressed (start-up
        // asks for it too, for the badge).
        let screenWhenCartAsked = Mutex<(pressed: Bool, screen: [String]?)>((false, nil))
        gateway.observe { name in
            guard name == "cart" else { return }
            screenWhenCartAsked.withLock { if $0.pressed && $0.screen == nil { $0.screen = backend.lines } }
        }
        let runtime = Self.runtime(backend, gateway: gateway)
        var pressed = false
        runtime.onTurn = { state in
            if !pressed, !state.isBusy {
                pressed = true
                screenWhenCartAsked.withLock { $0.pressed = true }
                backend.send(.key(.character("c")))
            } else if pressed, state.screen == .cart, state.cart.cart.value != nil, !state.isBusy {
                backend.send(.key(.character("q")))
            }
        }
        await Self.run(runtime, on: backend, waitingFor: { "the cart's answer" })
        let screen = screenWhenCartAsked.withLock { $0.screen } ?? []
        // When the gateway is asked for the cart, the terminal already shows the cart screen.
        #expect(screen.contains { $0.contains("Your cart") }, "\(screen.joined(separator: "\n"))")
    }

    @Test("Suspending (Ctrl-Z) gives the terminal back, and the frame after it is drawn whole")
    func suspendAndResume() async {
        let backend = TestBackend()
        let runtime = Self.runtime(backend)
        var cellsBefore: Int?
        var cellsOfTheFrameAfter: Int?
        runtime.onTurn = { state in
            if cellsBefore == nil, !state.isBusy {
                cellsBefore = backend.updatedCellCount
                backend.send(.key(.ctrl("z")))
            } else if let before = cellsBefore, cellsOfTheFrameAfter == nil, backend.suspensionCount == 1 {
                cellsOfTheFrameAfter = backend.updatedCellCount - before
                backend.send(.key(.character("q")))
            }
        }
        await Self.run(runtime, on: backend, waitingFor: { "the frame after Ctrl-Z" })
        #expect(backend.suspensionCount == 1)
        #expect(cellsOfTheFrameAfter == 80 * 24)
        #expect(backend.lines.first?.contains("Browse") == true)
    }

    @Test("Keys typed faster than frames are drawn all arrive, in order, and share frames")
    func coalescedKeys() async {
        let backend = TestBackend()
        // Within the field's 100 characters.
        let typed = String(repeating: "kettle ", count: 14).trimmingCharacters(in: .whitespaces)
        backend.send(.key(.character("/")))
        for character in typed { backend.send(.key(.character(character))) }
        let runtime = Self.runtime(backend)
        runtime.onTurn = { state in
            if state.search.query.text == typed { backend.send(.key(.escape)); backend.send(.key(.character("q"))) }
        }
        await Self.run(runtime, on: backend, waitingFor: { "all \(typed.count) keys to be reduced" })
        #expect(runtime.state.search.query.text == typed)
        print("coalesced keys: \(typed.count + 1) keys in \(runtime.framesDrawn) frames")
    }

    @Test("Events that arrive while the loop is busy are taken together by its next wait")
    func inboxCoalesces() async {
        let inbox = RuntimeInbox()
        inbox.post(.key(.character("a")))
        inbox.post(.key(.character("b")))
        inbox.post(.resize(Size(width: 100, height: 30)))
        await inbox.wait(until: nil)  // returns at once: something is waiting
        let (events, ended) = inbox.take()
        #expect(events == [.key(.character("a")), .key(.character("b")), .resize(Size(width: 100, height: 30))])
        #expect(!ended)
        #expect(inbox.take().events.isEmpty)
    }
}
