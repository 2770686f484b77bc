import Synchronization

/// The items a list answer carried that could not be decoded at all (a wrong type, a null, a
/// missing field), cut out by ``ListItemToleranceMiddleware`` so the rest of the page decodes.
/// The call's check adds them to ``Page/skipped``.
final class UndecodableItems: Sendable {
    private let state = Mutex<(violations: [ContractViolation], removedIndices: [Int])>(([], []))

    /// Why each item was left out, with its position in the gateway's answer.
    var violations: [ContractViolation] { state.withLock { $0.violations } }

    /// The positions, in the gateway's answer, of the items cut out (ascending).
    var removedIndices: [Int] { state.withLock { $0.removedIndices } }

    func record(_ violations: [ContractViolation], removedIndices: [Int]) {
        state.withLock {
            // A retried request answers again: only the answer that is decoded counts.
            $0 = (violations, removedIndices)
        }
    }

    /// The position in the gateway's answer of the `index`-th item that was kept.
    func answerIndex(ofKept index: Int) -> Int {
        var position = index
        for removed in removedIndices where removed <= position { position += 1 }
        return position
    }

    /// The recorder of the call running in this task, set by ``Gateway/call(_:)``.
    @TaskLocal static var current: UndecodableItems?
}
