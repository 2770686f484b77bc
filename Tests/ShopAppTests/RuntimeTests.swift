import Foundation
import ShopKit
import Testing
import TerminalUI
@testable import ShopApp

/// A terminal that plays scripted events and records the frames it is asked to show.
final class ScriptedTerminal: TerminalDevice {
    var size = Size(width: 100, height: 30)
    var events: [Event]
    var frames: [Buffer] = []

    init(events: [Event]) {
        self.events = events
    }

    func draw(_ buffer: Buffer) { frames.append(buffer) }

    func nextEvent(timeout: Duration) -> Event? {
        // Let effect answers arrive between keys, as a real wait would.
        if timeout > .zero { Thread.sleep(forTimeInterval: 0.02) }
        return events.isEmpty ? nil : events.removeFirst()
    }

    func suspend() {}
}

@Suite("Run loop")
struct RuntimeTests {
    @Test("Keys and effect answers flow through reduce; frames are drawn; q ends the loop")
    func loop() {
        let terminal = ScriptedTerminal(events: [.resize(Size(width: 100, height: 30))]
            + Array(repeating: Event.resize(Size(width: 100, height: 30)), count: 5)
            + [.key(.character("c")), .key(.character("+")), .key(.character("q"))])
        let queue = ActionQueue()
        let runtime = AppRuntime(
            state: AppState(size: Size(width: 80, height: 24), now: Fixtures.now, gatewayLabel: "test"),
            terminal: terminal, runner: EffectRunner(service: FakeService(), queue: queue), queue: queue, theme: .default,
            clock: { Fixtures.now })
        runtime.run()
        #expect(!runtime.state.isRunning)
        #expect(runtime.state.screen == .cart)
        #expect(runtime.state.size == Size(width: 100, height: 30))
        #expect(!terminal.frames.isEmpty)
        #expect(terminal.frames.last?.size == Size(width: 100, height: 30))
    }
}
