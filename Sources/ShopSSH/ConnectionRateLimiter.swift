import Foundation
import Synchronization

/// New connections per address: a burst, then a steady rate. The table is bounded, so a flood
/// from many addresses cannot grow it without end (full buckets are forgotten first).
final class ConnectionRateLimiter: Sendable {
    private let burst: Double
    private let perSecond: Double
    private let maxAddresses: Int
    private let buckets = Mutex<[String: TokenBucket]>([:])

    init(burst: Int, perSecond: Double, maxAddresses: Int = 10_000) {
        self.burst = Double(max(1, burst))
        self.perSecond = max(0.001, perSecond)
        self.maxAddresses = maxAddresses
    }

    /// Whether a connection from `address` may go on now.
    func admit(_ address: String, now: ContinuousClock.Instant = .now) -> Bool {
        buckets.withLock { buckets in
            if buckets[address] == nil && buckets.count >= maxAddresses {
                buckets = buckets.filter { _, bucket in
                    var bucket = bucket
                    return !bucket.isFull(now: now)
                }
                // Still full of busy addresses: refuse newcomers rather than grow.
                if buckets.count >= maxAddresses { return false }
            }
            var bucket = buckets[address] ?? TokenBucket(capacity: burst, perSecond: perSecond, now: now)
            let granted = bucket.take(1, now: now) >= 1
            buckets[address] = bucket
            return granted
        }
    }
}
