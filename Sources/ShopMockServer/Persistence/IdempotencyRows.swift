import Foundation
import GRDB

/// Reading and writing `idempotency_records`: the claim of a key in flight and, once its
/// request succeeded, the response to replay.
enum IdempotencyRows {
    struct Stored {
        var record: IdempotencyRecord
        var isDone: Bool
        var owner: String
        var claimedAt: Date
    }

    /// A claim older than this is abandoned whatever its owner: no request takes that long.
    static let abandonedClaimAge: TimeInterval = 120

    static func fetch(_ db: Database, _ scopedKey: String) throws -> Stored? {
        try Row.fetchOne(db.cachedStatement(sql: """
                SELECT request_hash, state, owner, claimed_at, status, content_type, body, created_at
                FROM idempotency_records WHERE scoped_key = ?
                """),
            arguments: [scopedKey]
        ).map { row in
            Stored(
                record: IdempotencyRecord(
                    scopedKey: scopedKey, requestHash: row[0], status: row[4] ?? 0, contentType: row[5] ?? "",
                    body: row[6] ?? Data(), createdAt: Date(timeIntervalSince1970: row[7])),
                isDone: (row[1] as String) == "done", owner: row[2], claimedAt: Date(timeIntervalSince1970: row[3]))
        }
    }

    static func claim(_ db: Database, _ scopedKey: String, requestHash: String, owner: String, at now: Date) throws {
        try db.cachedStatement(sql: """
                INSERT INTO idempotency_records (scoped_key, request_hash, state, owner, claimed_at, created_at)
                VALUES (?, ?, 'in_flight', ?, ?, ?)
                """).execute(arguments: [scopedKey, requestHash, owner, Date().timeIntervalSince1970, now.timeIntervalSince1970])
    }

    /// Stores the response; `onlyIfInFlight` leaves a record its write already completed alone.
    static func complete(_ db: Database, _ record: IdempotencyRecord, onlyIfInFlight: Bool) throws {
        try db.cachedStatement(sql: """
                UPDATE idempotency_records SET state = 'done', status = ?, content_type = ?, body = ?, created_at = ?
                WHERE scoped_key = ? \(onlyIfInFlight ? "AND state = 'in_flight'" : "")
                """).execute(arguments: [record.status, record.contentType, record.body, record.createdAt.timeIntervalSince1970, record.scopedKey])
    }

    /// Drops a claim whose request failed (it may be retried) or whose response stays in memory.
    static func releaseClaim(_ db: Database, _ scopedKey: String) throws {
        try db.cachedStatement(sql: "DELETE FROM idempotency_records WHERE scoped_key = ? AND state = 'in_flight'").execute(arguments: [scopedKey])
    }

    static func delete(_ db: Database, _ scopedKey: String) throws {
        try db.cachedStatement(sql: "DELETE FROM idempotency_records WHERE scoped_key = ?").execute(arguments: [scopedKey])
    }

    /// True when the process that claimed a key is no longer running (it was killed before its
    /// write committed), or the claim is too old to be a live request.
    static func ownerIsGone(_ owner: String, claimedAt: Date) -> Bool {
        if Date().timeIntervalSince(claimedAt) > abandonedClaimAge { return true }
        let parts = owner.split(separator: ":")
        guard parts.count >= 2, parts[0] == "pid", let pid = pid_t(parts[1]) else { return true }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
