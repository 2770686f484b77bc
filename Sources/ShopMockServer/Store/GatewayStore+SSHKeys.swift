import Foundation
import GRDB

/// Identities of `shop serve`: an SSH key's fingerprint signs in to the account it is bound to.
extension GatewayStore {
    /// A fresh session for the account `fingerprint` is bound to. With `userId`, the key is
    /// bound to that account first; a key seen for the first time is bound to a new guest.
    func keySession(fingerprint: String, bindTo userId: String?) throws(GatewayProblem) -> IssuedSession {
        let now = self.now
        return try write { db in
            let account: UserAccount
            if let userId {
                guard let target = try AccountRows.user(db, userId) else {
                    throw GatewayProblem.notFound("No user \(userId).")
                }
                account = target
                try db.cachedStatement(sql: """
                    INSERT INTO ssh_keys (fingerprint, user_id, created_at, last_used_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(fingerprint) DO UPDATE SET user_id = excluded.user_id, last_used_at = excluded.last_used_at
                    """).execute(arguments: [fingerprint, target.id, now.timeIntervalSince1970, now.timeIntervalSince1970])
                if !target.isGuest {
                    try self.record(db, .signedIn, "Linked an SSH key", userId: target.id)
                }
            } else if let boundId = try String.fetchOne(
                db.cachedStatement(sql: "SELECT user_id FROM ssh_keys WHERE fingerprint = ?"), arguments: [fingerprint]),
                let bound = try AccountRows.user(db, boundId) {
                account = bound
                try db.cachedStatement(sql: "UPDATE ssh_keys SET last_used_at = ? WHERE fingerprint = ?")
                    .execute(arguments: [now.timeIntervalSince1970, fingerprint])
            } else {
                try self.sweepIfDue(db)
                let guest = UserAccount(id: "usr_" + RandomToken.hex(byteCount: 8), isGuest: true, createdAt: now)
                try AccountRows.insert(db, guest)
                try db.cachedStatement(sql: "INSERT INTO ssh_keys (fingerprint, user_id, created_at, last_used_at) VALUES (?, ?, ?, ?)")
                    .execute(arguments: [fingerprint, guest.id, now.timeIntervalSince1970, now.timeIntervalSince1970])
                account = guest
            }
            return try self.openSession(db, for: account)
        }
    }
}
