import Foundation
import Synchronization

/// Actions reported by effects, from any thread, waiting for the run loop to take them.
public final class ActionQueue: Sendable {
    private let pending = Mutex<[Action]>([])

    public init() {}

    public func send(_ action: Action) {
        pending.withLock { $0.append(action) }
    }

    /// Everything sent so far, oldest first; the queue is empty afterwards.
    public func drain() -> [Action] {
        pending.withLock { actions in
            defer { actions = [] }
            return actions
        }
    }

    public var isEmpty: Bool { pending.withLock { $0.isEmpty } }
}
