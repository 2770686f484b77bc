import Foundation

/// A token bucket: `capacity` at once, refilled at `perSecond`. A value type; its owner locks.
struct TokenBucket: Sendable {
    let capacity: Double
    let perSecond: Double
    private(set) var tokens: Double
    private var updated: ContinuousClock.Instant

    init(capacity: Double, perSecond: Double, now: ContinuousClock.Instant = .now) {
        self.capacity = capacity
        self.perSecond = perSecond
        self.tokens = capacity
        self.updated = now
    }

    /// Takes up to `wanted` tokens; answers how many were granted.
    mutating func take(_ wanted: Double, now: ContinuousClock.Instant = .now) -> Double {
        refill(now: now)
        let granted = min(wanted, tokens)
        tokens -= granted
        return granted
    }

    /// True when the bucket is full again (an entry that can be forgotten).
    mutating func isFull(now: ContinuousClock.Instant) -> Bool {
        refill(now: now)
        return tokens >= capacity
    }

    private mutating func refill(now: ContinuousClock.Instant) {
        let elapsed = now - updated
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        tokens = min(capacity, tokens + max(0, seconds) * perSecond)
        updated = now
    }
}
