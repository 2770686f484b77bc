import Foundation
import Logging
import ShopKit
import TerminalUI

/// The run loop. It owns the terminal on the calling thread (ncurses is used from this one
/// thread only): it waits briefly for input, drains every pending input and effect result,
/// reduces them all, and draws once if the state changed. Gateway calls run elsewhere, so a
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
    private var lastTick = Date.distantPast
    /// Set after a resize or a resume: the terminal forgot the screen, so draw even if the state did not change.
    private var needsFullRedraw = true

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
        var lastFrame: AppState? = nil
        dispatch([.start, .tick(clock())])
        while state.isRunning && !terminal.isClosed {
            if lastFrame != state || needsFullRedraw {
                needsFullRedraw = false
                terminal.draw(AppView.render(state, size: state.size, theme: theme))
                lastFrame = state
            }
            var actions: [Action] = []
            if let event = terminal.nextEvent(timeout: pollInterval) {
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
            dispatch(actions)
        }
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
                    runner.run(effect)
                }
            }
        }
    }
}
