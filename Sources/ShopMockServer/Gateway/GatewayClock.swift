import Foundation
import Synchronization

/// The gateway's notion of "now".
///
/// It is real time from `start`, plus any manual advances. Orders progress, tokens expire and
/// cards go out of date on this clock, so tests can jump ahead (``advance(by:)``).
/// `timeScale` only shortens how long orders take to progress, so a demo at 60 delivers in a
/// real minute while every timestamp it shows stays true and tokens last their real lifetime.
public final class GatewayClock: Sendable {
    private struct State {
        var manualOffset: TimeInterval = 0
    }

    private let start: Date
    private let realStart: ContinuousClock.Instant
    private let state = Mutex(State())

    /// How many times faster than scheduled orders progress (1 is the normal schedule).
    public let timeScale: Double

    /// - Parameters:
    ///   - start: The gateway time at creation.
    ///   - timeScale: How many times faster orders progress (must be positive).
    public init(start: Date = Date(), timeScale: Double = 1) {
        self.start = start
        self.realStart = ContinuousClock.now
        self.timeScale = timeScale > 0 ? timeScale : 1
    }

    /// The current gateway time.
    public func now() -> Date {
        let elapsed = ContinuousClock.now - realStart
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let offset = state.withLock { $0.manualOffset }
        return start.addingTimeInterval(seconds + offset)
    }

    /// Moves the clock forward by `seconds` gateway seconds (negative values are ignored).
    public func advance(by seconds: TimeInterval) {
        guard seconds > 0 else { return }
        state.withLock { $0.manualOffset += seconds }
    }
}
