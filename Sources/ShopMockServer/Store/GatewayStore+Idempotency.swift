import Foundation
import GRDB

/// What to do with a request that carries an `Idempotency-Key`.
enum IdempotencyDecision: Sendable {
    /// First time: handle it (the key is now claimed).
    case proceed(IdempotencyClaim)
    /// Seen with the same body: answer the stored response.
    case replay(IdempotencyRecord)
    /// Seen with another body.
    case reusedWithDifferentBody
    /// The same key is being handled right now.
    case inFlight
}

/// A result whose response a keyed write stores in its own transaction, so that a retry after
/// a crash replays it instead of applying the write again. The HTTP layer says how it is
/// encoded (``ReplayableResponses``).
protocol ReplayableResponse {
    func replayBody() throws -> Data
}

extension GatewayStore {
    /// How long a key is remembered (on the gateway clock), as payment APIs do: long enough for
    /// any retry, short enough that a gateway answering writes for days does not keep every
    /// answer it ever gave.
    static let idempotencyLifetime: TimeInterval = 24 * 3600
    /// Responses holding session tokens kept for replay (in memory only), oldest dropped first.
    static let maxTokenReplays = 2_000
    static let replayContentType = "application/json; charset=utf-8"

    /// Claims a key, in the database: the claim (`state = 'in_flight'`) is what makes a second
    /// process asking with the same key wait (409, retry) instead of applying the request again.
    /// A claim whose process died (or that is older than ``abandonedClaimAge``) is taken over:
    /// its write never committed, since a keyed write commits its record with its change.
    func beginIdempotent(scope: String, key: String, requestHash: String) -> IdempotencyDecision {
        let scopedKey = scope + "\u{1F}" + key
        if let replay = tokenReplays[scopedKey] {
            if now.timeIntervalSince(replay.createdAt) < Self.idempotencyLifetime {
                return replay.requestHash == requestHash ? .replay(replay) : .reusedWithDifferentBody
            }
            tokenReplays[scopedKey] = nil
        }
        let now = self.now
        let owner = claimOwner
        let inProgressHere = claimsInProgress.contains(scopedKey)
        let decision: IdempotencyDecision
        do {
            // Not durable: a claim lost in a crash costs nothing (the retry claims again), and
            // every keyed write commits its answer durably with its change.
            decision = try write(durable: false) { db -> IdempotencyDecision in
                try self.sweepIfDue(db)
                if let row = try IdempotencyRows.fetch(db, scopedKey) {
                    let expired = now.timeIntervalSince(row.record.createdAt) >= Self.idempotencyLifetime
                    if !expired {
                        if row.isDone { return row.record.requestHash == requestHash ? .replay(row.record) : .reusedWithDifferentBody }
                        let abandoned =
                            row.owner == owner ? !inProgressHere : IdempotencyRows.ownerIsGone(row.owner, claimedAt: row.claimedAt)
                        guard abandoned else { return .inFlight }
                    }
                    try IdempotencyRows.delete(db, scopedKey)
                }
                try IdempotencyRows.claim(db, scopedKey, requestHash: requestHash, owner: owner, at: now)
                return .proceed(IdempotencyClaim(scopedKey: scopedKey, requestHash: requestHash))
            }
        } catch {
            // The store is failing: let the request run unprotected rather than refuse it; its
            // own write will fail the same way.
            return .proceed(IdempotencyClaim(scopedKey: scopedKey, requestHash: requestHash))
        }
        if case .proceed = decision { claimsInProgress.insert(scopedKey) }
        return decision
    }

    /// Releases a claim, storing the response when it succeeded and its write did not already
    /// store it (keyed writes record it in their own transaction).
    ///
    /// `durable: false` keeps the record in memory only: responses that carry session
    /// tokens are never written to disk.
    func finishIdempotent(_ claim: IdempotencyClaim, status: Int, contentType: String, body: Data?, durable: Bool = true) {
        claimsInProgress.remove(claim.scopedKey)
        if claimsCompleted.remove(claim.scopedKey) != nil { return }
        let now = self.now
        let succeeded = (200..<300).contains(status) && body != nil
        let record = IdempotencyRecord(
            scopedKey: claim.scopedKey, requestHash: claim.requestHash, status: status, contentType: contentType,
            body: body ?? Data(), createdAt: now)
        if succeeded && !durable { rememberTokenReplay(record) }
        do {
            try write(durable: succeeded && durable) { db in
                if succeeded && durable {
                    try IdempotencyRows.complete(db, record, onlyIfInFlight: true)
                } else {
                    try IdempotencyRows.releaseClaim(db, claim.scopedKey)
                }
            }
        } catch {
            // The response already went well; losing its replay record only costs a re-run.
            logger.warning("Could not store an idempotency record", metadata: ["error": "\(error)"])
        }
    }

    /// Inside a keyed write's transaction: stores its response with the change.
    func completeClaim(_ db: Database, _ claim: IdempotencyClaim, status: Int, body: Data) throws {
        try IdempotencyRows.complete(
            db,
            IdempotencyRecord(
                scopedKey: claim.scopedKey, requestHash: claim.requestHash, status: status, contentType: Self.replayContentType,
                body: body, createdAt: now),
            onlyIfInFlight: false)
    }

    /// A write whose response is stored in its transaction when the request holds a key.
    func keyedWrite<T: ReplayableResponse>(status: Int, _ rule: (Database) throws -> T) throws(GatewayProblem) -> T {
        let claim = RequestScope.current.idempotencyClaim
        let result = try write { db in
            let result = try rule(db)
            if let claim { try self.completeClaim(db, claim, status: status, body: try result.replayBody()) }
            return result
        }
        if let claim { claimsCompleted.insert(claim.scopedKey) }
        return result
    }

    private func rememberTokenReplay(_ record: IdempotencyRecord) {
        if tokenReplays.count >= Self.maxTokenReplays,
            let oldest = tokenReplays.min(by: { $0.value.createdAt < $1.value.createdAt })?.key
        {
            tokenReplays[oldest] = nil
        }
        tokenReplays[record.scopedKey] = record
    }
}
