import Synchronization

/// Where effects put the actions that answer them (from any thread); the run loop drains it.
/// Sending also wakes the run loop, so an answer is drawn without waiting for a key or a timer.
public final class ActionQueue: Sendable {
    private let pending = Mutex<[Action]>([])
    private let wake = Mutex<(@Sendable () -> Void)?>(nil)

    public init() {}

    public func send(_ action: Action) {
        pending.withLock { $0.append(action) }
        wake.withLock { $0 }?()
    }

    /// Everything sent so far, oldest first; the queue is empty afterwards.
    public func drain() -> [Action] {
        pending.withLock { actions in
            defer { actions = [] }
            return actions
        }
    }

    public var isEmpty: Bool { pending.withLock { $0.isEmpty } }

    /// Calls `body` after every ``send(_:)`` (the run loop's wake-up); nil stops it.
    public func onSend(_ body: (@Sendable () -> Void)?) {
        wake.withLock { $0 = body }
    }
}
