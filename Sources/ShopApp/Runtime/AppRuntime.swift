import Foundation
import Logging
import ShopKit
import TerminalUI

/// The run loop. It owns the terminal on the calling thread (ncurses is used from this one
/// thread only): it waits briefly for input, drains every pending input and effect result,
/// reduces them all, and draws once if anything was reduced. Gateway calls run elsewhere, so a
/// slow request never holds up a key press.
public final class AppRuntime {
    public private(set) var state: AppState
    private let terminal: any TerminalDevice
    private let runner: EffectRunner
    private let queue: ActionQueue
    private let theme: Theme
    private let logger: Logger
    private let clock: @Sendable () -> Date
    /// How long to wait for a key before looking at effect results and the clock.
    public var pollInterval: Duration = .milliseconds(30)
    /// The same while something is loading.
    public var busyPollInterval: Duration = .milliseconds(5)
    private var lastTick = Date.distantPast
    /// Set after a resize or a resume: the terminal forgot the screen, so draw even if the state did not change.
    private var needsFullRedraw = true
    /// Effects of the actions reduced since the last frame, started once it is drawn.
    private var pendingEffects: [Effect] = []

    public init(state: AppState, terminal: any TerminalDevice, runner: EffectRunner, queue: ActionQueue, theme: Theme,
                logger: Logger = Logger(label: "shop.runtime"), clock: @escaping @Sendable () -> Date = Date.init) {
        self.state = state
        self.terminal = terminal
        self.runner = runner
        self.queue = queue
        self.theme = theme
        self.logger = logger
        self.clock = clock
    }

    /// Runs until the person quits.
    public func run() {
        state.size = terminal.size
        // Draw after anything was reduced, instead of comparing with the last drawn state:
        // holding that copy made every change to a large array copy it whole (a page of
        // products arriving at 100k listed: 0.90 ms instead of 0.05 ms, and ~15 MiB more
        // resident; shop-bench frames vs --no-last-frame). A frame that did not change costs
        // a render (under 1 ms) and sends nothing: the backend writes only changed cells.
        var needsDraw = true
        pendingEffects = reduceAll([.start, .tick(clock())])
        while state.isRunning && !terminal.isClosed {
            if needsDraw || needsFullRedraw {
                needsFullRedraw = false
                needsDraw = false
                terminal.draw(AppView.render(state, size: state.size, theme: theme))
            }
            // Effects start after the frame that shows their cause: the embedded gateway
            // answering on the other core no longer delays the key's own frame.
            runner.runAll(pendingEffects)
            pendingEffects = []
            var actions: [Action] = []
            // Effect answers wait for this poll to end: while a request is out, poll briefly so
            // an answer is drawn within ~5 ms instead of up to pollInterval (30 ms) later.
            if let event = terminal.nextEvent(timeout: state.isBusy ? busyPollInterval : pollInterval) {
                if case .resize = event { needsFullRedraw = true }
                actions.append(Self.action(for: event))
                // Coalesce: take whatever else is already waiting without blocking.
                while actions.count < 64, let more = terminal.nextEvent(timeout: .zero) {
                    if case .resize = more { needsFullRedraw = true }
                    actions.append(Self.action(for: more))
                }
            }
            actions += queue.drain()
            let now = clock()
            if now.timeIntervalSince(lastTick) >= 0.25 {
                lastTick = now
                actions.append(.tick(now))
            }
            if !actions.isEmpty { needsDraw = true }
            pendingEffects += reduceAll(actions)
        }
        runner.runAll(pendingEffects)
        logger.info("quit")
    }

    static func action(for event: Event) -> Action {
        switch event {
        case .key(let key): .key(key)
        case .mouse(let mouse): .mouse(mouse)
        case .resize(let size): .resize(size)
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
                    needsFullRedraw = true
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
