import Foundation
import Synchronization

/// One token bucket per key (a client address), in bounded memory.
///
/// When the table is full, the key seen least recently is forgotten: a flood of new keys can
/// only reset the oldest, quietest buckets, never grow the table. Thread-safe; every check is
/// O(1) except an eviction, which scans the table once per `capacity / 8` new keys.
final class KeyedTokenBuckets: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    private struct State {
        var buckets: [String: Bucket] = [:]
    }

    let limit: RateLimit
    private let capacity: Int
    private let now: @Sendable () -> Double
    private let state = Mutex(State())

    /// - Parameter now: seconds on a monotonic clock (tests may pass their own).
    init(limit: RateLimit, capacity: Int, now: @escaping @Sendable () -> Double = KeyedTokenBuckets.monotonicSeconds) {
        self.limit = limit
        self.capacity = max(1, capacity)
        self.now = now
    }

    /// Takes one token for `key`: nil when there was one, else the whole seconds until there is.
    func take(_ key: String) -> Int? {
        let time = now()
        return state.withLock { state in
            var bucket = state.buckets[key] ?? Bucket(tokens: Double(limit.burst), updated: time)
            bucket.tokens = min(Double(limit.burst), bucket.tokens + max(0, time - bucket.updated) * limit.perSecond)
            bucket.updated = time
            let wait: Int?
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                wait = nil
            } else {
                wait = max(1, Int(((1 - bucket.tokens) / limit.perSecond).rounded(.up)))
            }
            if state.buckets[key] == nil, state.buckets.count >= capacity { Self.evictOldest(&state.buckets, keeping: capacity) }
            state.buckets[key] = bucket
            return wait
        }
    }

    /// How many keys are remembered (for tests of the bound).
    var count: Int { state.withLock { $0.buckets.count } }

    /// Drops the least recently updated eighth of the table.
    private static func evictOldest(_ buckets: inout [String: Bucket], keeping capacity: Int) {
        let excess = buckets.count - capacity + max(1, capacity / 8)
        let oldest = buckets.sorted { $0.value.updated < $1.value.updated }.prefix(excess).map(\.key)
        for key in oldest { buckets[key] = nil }
    }

    static let monotonicSeconds: @Sendable () -> Double = {
        let elapsed = ContinuousClock.now - processStart
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private static let processStart = ContinuousClock.now
}
