import Foundation

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

extension GatewayStore {
    /// How long a key is remembered (on the gateway clock), as payment APIs do: long enough for
    /// any retry, short enough that a gateway answering writes for days does not keep every
    /// answer it ever gave.
    static let idempotencyLifetime: TimeInterval = 24 * 3600

    func beginIdempotent(scope: String, key: String, requestHash: String) -> IdempotencyDecision {
        let scopedKey = scope + "\u{1F}" + key
        sweepExpiredIdempotencyRecords()
        if let record = idempotency[scopedKey] {
            if isExpired(record) {
                forgetIdempotencyRecord(scopedKey)
            } else {
                return record.requestHash == requestHash ? .replay(record) : .reusedWithDifferentBody
            }
        }
        guard idempotencyInFlight.insert(scopedKey).inserted else { return .inFlight }
        return .proceed(IdempotencyClaim(scopedKey: scopedKey, requestHash: requestHash))
    }

    /// Releases a claim, storing the response when it succeeded and nothing stored it yet
    /// (placing an order stores its own record inside the order's transaction).
    ///
    /// `durable: false` keeps the record in memory only: responses that carry session
    /// tokens are never written to disk.
    func finishIdempotent(_ claim: IdempotencyClaim, status: Int, contentType: String, body: Data?, durable: Bool = true) {
        idempotencyInFlight.remove(claim.scopedKey)
        guard (200..<300).contains(status), let body, idempotency[claim.scopedKey] == nil else { return }
        idempotency[claim.scopedKey] = IdempotencyRecord(
            scopedKey: claim.scopedKey, requestHash: claim.requestHash, status: status, contentType: contentType,
            body: body, createdAt: now)
        guard durable else { return }
        markDirty(.idempotency, claim.scopedKey)
        do { try commit() } catch {
            // The response already went well; losing its replay record only costs a re-run.
            logger.warning("Could not store an idempotency record", metadata: ["error": "\(error)"])
        }
    }

    private func isExpired(_ record: IdempotencyRecord) -> Bool {
        now.timeIntervalSince(record.createdAt) >= Self.idempotencyLifetime
    }

    /// Removes the record from memory now and from disk with the next commit.
    private func forgetIdempotencyRecord(_ scopedKey: String) {
        idempotency[scopedKey] = nil
        markDirty(.idempotency, scopedKey)
    }

    /// At most once an hour of gateway time, forgets every expired record.
    private func sweepExpiredIdempotencyRecords() {
        let now = self.now
        guard now >= nextIdempotencySweep else { return }
        nextIdempotencySweep = now.addingTimeInterval(3600)
        for (scopedKey, record) in idempotency where isExpired(record) {
            forgetIdempotencyRecord(scopedKey)
        }
    }
}
