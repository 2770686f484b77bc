import Foundation

/// A stored response to replay for a repeated `Idempotency-Key`.
struct IdempotencyRecord: Codable, Sendable {
    /// Caller scope + key (the record's key).
    var scopedKey: String
    /// SHA-256 of method, path and body; the body itself is never stored.
    var requestHash: String
    var status: Int
    var contentType: String
    var body: Data
    var createdAt: Date
}
