import GRDB
import Synchronization

/// Asks a shared database for its catalog revision, cheaply enough to do on every cached read.
///
/// A read-only connection of its own: `PRAGMA data_version` on it changes whenever any other
/// connection commits (another process, or this process's store), so the revision row is read
/// only after a commit, and an unchanged database costs one pragma.
final class CatalogChangeProbe: Sendable {
    private let queue: DatabaseQueue
    private let seen = Mutex<(dataVersion: Int, revision: UInt64)?>(nil)

    init(path: String) throws {
        queue = try DatabaseQueue(path: path, configuration: GatewayDatabase.fileConfiguration(readonly: true))
    }

    /// The database's catalog revision now; nil when the database cannot be read (the cache
    /// then trusts the store's own revision).
    func revision() -> UInt64? {
        try? queue.inDatabase { db in
            let version = try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
            if let known = seen.withLock({ $0 }), known.dataVersion == version { return known.revision }
            let revision = UInt64(try CatalogRows.revision(db))
            seen.withLock { $0 = (version, revision) }
            return revision
        }
    }

    func close() {
        try? queue.close()
    }
}
