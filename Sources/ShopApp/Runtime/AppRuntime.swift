import Foundation
import Logging
import ShopKit
import TerminalUI

/// The run loop of one session. It sleeps until something happens — an input event, an
/// effect's answer, or a moment the screen needs (a spinner, "updated 3 s ago", a banner
/// expiring, the offline retry) — then reduces everything that arrived, draws one frame and
/// starts the effects that frame shows the cause of. A still screen costs no wake-ups.
///
/// Everything it uses is passed in (the backend, the effect runner, the logger, the clock), so
/// many runtimes can run side by side in one process.
public final class AppRuntime {
    public private(set) var state: AppState
    private let terminal: Terminal
    private let runner: EffectRunner
    private let queue: ActionQueue
    private let logger: Logger
    private let clock: @Sendable () -> Date
    /// Effects of the actions reduced since the last frame, started once it is drawn.
    private var pendingEffects: [Effect] = []
    /// When the next tick is due, if the screen needs one.
    private var nextTick: Date?
    /// How often the spinner turns: slower while the process is behind.
    private var spinner = SpinnerCadence()

    public init(state: AppState, backend: any TerminalBackend, runner: EffectRunner, queue: ActionQueue, theme: Theme,
                logger: Logger = Logger(label: "shop.runtime"), clock: @escaping @Sendable () -> Date = Date.init) {
        self.state = state
        self.terminal = Terminal(backend: backend, theme: theme)
        self.runner = runner
        self.queue = queue
        self.logger = logger
        self.clock = clock
    }

    /// Frames drawn so far (for benchmarks and tests).
    public private(set) var framesDrawn = 0
    /// Called on the loop at every turn, after the frame is drawn and before it sleeps: a test
    /// script's hook to look at the state and send the next input.
    public var onTurn: ((AppState) -> Void)?

    /// Runs until the person quits or the terminal goes away.
    public func run() async {
        let inbox = RuntimeInbox()
        queue.onSend { [inbox] in inbox.nudge() }
        // Events are posted from the thread that read them, so a key wakes the loop directly.
        terminal.backend.deliverEvents { [inbox] event in
            if let event { inbox.post(event) } else { inbox.endInput() }
        }
        defer { queue.onSend(nil) }

        state.size = terminal.size
        state.capabilities = terminal.capabilities
        // Draw after anything was reduced, instead of comparing with the last drawn state:
        // holding that copy made every change to a large array copy it whole (shop-bench
        // frames). A frame that did not change costs a render and sends nothing.
        let start = clock()
        pendingEffects = reduceAll([.start, .tick(start)])
        nextTick = state.nextWake(after: start)
        var needsDraw = true
        while state.isRunning {
            if needsDraw {
                needsDraw = false
                // The views publish where they drew what; reducers page and the mouse clicks by it.
                var layout = ScreenLayout.none
                terminal.draw(size: state.size) { buffer, memory in
                    AppView.render(state, into: &buffer, theme: terminal.theme, layout: &layout, memory: &memory)
                }
                state.layout = layout
                framesDrawn += 1
            }
            // Effects start after the frame that shows their cause, so a key's frame never
            // waits for the gateway.
            runner.runAll(pendingEffects)
            pendingEffects = []
            onTurn?(state)

            if !queue.isEmpty {
                // Answers already waiting: no need to sleep.
            } else {
                await inbox.wait(until: nextTick.map { Self.instant(for: $0, now: clock()) })
            }

            let (events, inputEnded) = inbox.take()
            var actions: [Action] = []
            for event in events {
                if case .resize = event { terminal.invalidate() }
                actions += Self.actions(for: event)
            }
            actions += queue.drain()
            let now = clock()
            if let due = nextTick, due <= now {
                spinner.tick(due: due, ran: now)
                actions.append(.tick(now))
            } else if !actions.isEmpty && Int(now.timeIntervalSince1970) != Int(state.now.timeIntervalSince1970) {
                // Keep `now` current before reducing input, so what a key schedules (a banner's
                // expiry) is measured from the present, not from the last tick.
                actions.insert(.tick(now), at: 0)
            }
            if !actions.isEmpty { needsDraw = true }
            pendingEffects += reduceAll(actions)
            nextTick = state.nextWake(after: now, spinnerInterval: spinner.interval)
            if inputEnded {
                logger.info("the terminal went away")
                break
            }
        }
        runner.runAll(pendingEffects)
        logger.info("quit")
    }

    private static func instant(for date: Date, now: Date) -> ContinuousClock.Instant {
        let seconds = max(0, date.timeIntervalSince(now))
        return ContinuousClock.now + .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }

    static func actions(for event: Event) -> [Action] {
        switch event {
        case .key(let key): [.key(key)]
        case .mouse(let mouse): [.mouse(mouse)]
        case .resize(let size): [.resize(size)]
        case .paste(let text):
            // Pasted text is typed, character by character, with line breaks and other
            // controls left out so a paste can never press Enter or Esc.
            text.filter { !$0.isNewline && $0.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } }
                .prefix(4096).map { .key(.character($0)) }
        }
    }

    /// Reduces the actions in order and starts their effects.
    public func dispatch(_ actions: [Action]) {
        runner.runAll(reduceAll(actions))
    }

    /// Reduces the actions in order; returns the effects to start.
    private func reduceAll(_ actions: [Action]) -> [Effect] {
        var started: [Effect] = []
        for action in actions {
            for effect in reduce(&state, action) {
                switch effect {
                case .quit:
                    state.isRunning = false
                case .suspend:
                    terminal.suspend()
                    state.size = terminal.size
                case .signal(let signal):
                    terminal.backend.send(signal)
                default:
                    started.append(effect)
                }
            }
        }
        return started
    }
}

extension EffectRunner {
    func runAll(_ effects: [Effect]) {
        for effect in effects { run(effect) }
    }
}
