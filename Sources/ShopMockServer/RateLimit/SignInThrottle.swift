import Foundation
import Synchronization

/// Counts wrong passwords per account (by the e-mail asked for, known or not) and makes each
/// attempt after the free ones wait longer (see ``SignInLockoutPolicy``).
///
/// Judged on the gateway clock, so tests move past a lockout by advancing it. Memory is
/// bounded: when the table is full, the entries that matter least (fewest failures, then the
/// oldest) are forgotten first, so a flood of made-up e-mails cannot wipe a real account's
/// lockout before it wipes its own entries.
final class SignInThrottle: Sendable {
    private struct Record {
        var failures: Int
        var lastFailure: Date
        var openAt: Date
    }

    private let policy: SignInLockoutPolicy
    private let clock: GatewayClock
    private let capacity: Int
    private let records = Mutex([String: Record]())

    init(policy: SignInLockoutPolicy, clock: GatewayClock, capacity: Int) {
        self.policy = policy
        self.clock = clock
        self.capacity = max(1, capacity)
    }

    /// Whole seconds the account must still wait before its password is checked, or nil.
    func wait(for email: String) -> Int? {
        let now = clock.now()
        return records.withLock { records in
            guard let record = records[Self.key(email)], record.openAt > now else { return nil }
            return max(1, Int(record.openAt.timeIntervalSince(now).rounded(.up)))
        }
    }

    /// Records a wrong password; returns the seconds the next attempt must wait (nil: none).
    @discardableResult
    func recordFailure(for email: String) -> Int? {
        let now = clock.now()
        let key = Self.key(email)
        return records.withLock { records in
            var record = records[key] ?? Record(failures: 0, lastFailure: now, openAt: now)
            record.failures += 1
            record.lastFailure = now
            let delay = policy.delay(afterFailures: record.failures)
            let (seconds, attoseconds) = delay.components
            record.openAt = now.addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
            if records[key] == nil, records.count >= capacity { Self.evict(&records, keeping: capacity) }
            records[key] = record
            return delay > .zero ? max(1, Int(record.openAt.timeIntervalSince(now).rounded(.up))) : nil
        }
    }

    /// A right password clears the account's record.
    func recordSuccess(for email: String) {
        _ = records.withLock { $0.removeValue(forKey: Self.key(email)) }
    }

    var count: Int { records.withLock { $0.count } }

    private static func key(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    private static func evict(_ records: inout [String: Record], keeping capacity: Int) {
        let excess = records.count - capacity + max(1, capacity / 8)
        let leastUseful = records.sorted {
            ($0.value.failures, $0.value.lastFailure) < ($1.value.failures, $1.value.lastFailure)
        }.prefix(excess).map(\.key)
        for key in leastUseful { records[key] = nil }
    }
}
