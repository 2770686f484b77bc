import Foundation
import GRDB

/// Keeping the database from growing with traffic: replay records expire after a day, guests
/// whose sessions have all expired go (unless they placed orders or an SSH key signs in to them), and the in-memory database
/// of a gateway without a data directory is capped.
/// Caps of the in-memory database (a gateway without a data directory); the oldest go first.
struct InMemoryCaps: Sendable {
    var idempotencyRecords = 10_000
    var guests = 20_000
    /// How many keyed requests or guest sessions between two checks of the caps.
    var checkInterval = 500

    static let standard = InMemoryCaps()
}

extension GatewayStore {
    /// Runs inside a write that adds a replay record or a guest: at most once an hour of
    /// gateway time, the expiry sweep; every ``InMemoryCaps/checkInterval`` such writes, the caps.
    func sweepIfDue(_ db: Database) throws {
        let now = self.now
        if now >= nextSweep {
            nextSweep = now.addingTimeInterval(3600)
            try db.cachedStatement(sql: "DELETE FROM idempotency_records WHERE created_at <= ?").execute(arguments: [now.addingTimeInterval(-Self.idempotencyLifetime).timeIntervalSince1970])
            try db.cachedStatement(sql: """
                    DELETE FROM users WHERE is_guest = 1
                      AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.user_id = users.id)
                      AND NOT EXISTS (SELECT 1 FROM ssh_keys k WHERE k.user_id = users.id)
                      AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = users.id AND s.refresh_expires_at > ?)
                    """).execute(arguments: [now.timeIntervalSince1970])
        }
        insertsSinceCapCheck += 1
        guard !database.isShared, insertsSinceCapCheck >= caps.checkInterval else { return }
        insertsSinceCapCheck = 0
        try db.cachedStatement(sql: """
                DELETE FROM idempotency_records WHERE state = 'done' AND scoped_key IN (
                    SELECT scoped_key FROM idempotency_records WHERE state = 'done' ORDER BY created_at
                    LIMIT max(0, (SELECT count(*) FROM idempotency_records) - ?))
                """).execute(arguments: [caps.idempotencyRecords])
        try db.cachedStatement(sql: """
                DELETE FROM users WHERE id IN (
                    SELECT id FROM users WHERE is_guest = 1
                      AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.user_id = users.id)
                    ORDER BY created_at
                    LIMIT max(0, (SELECT count(*) FROM users WHERE is_guest = 1) - ?))
                """).execute(arguments: [caps.guests])
    }
}
