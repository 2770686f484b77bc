import Foundation
import GRDB

/// The kinds of record the gateway keeps, one table each (`id`, JSON `body`).
enum StoredKind: String, CaseIterable, Sendable {
    case users, sessions, carts, orders, invoices, notifications, activity, idempotency
    /// Products whose stock or fields changed since the catalog file was loaded.
    case products
    /// Ids of catalog products an admin deleted.
    case removedProducts = "removed_products"
}

/// Rows to write in one transaction.
struct ChangeSet: Sendable {
    var upserts: [(kind: StoredKind, id: String, body: Data)] = []
    var deletions: [(kind: StoredKind, id: String)] = []
    var isEmpty: Bool { upserts.isEmpty && deletions.isEmpty }
}

/// SQLite storage for a gateway with a data directory.
///
/// WAL with `synchronous = FULL`: once `commit` returns, the change survives a crash or
/// `kill -9`. Each record is a JSON document keyed by id; the in-memory store is the
/// model, this is its durable copy. Writes are synchronous on purpose: the store calls them
/// inside a business operation, before the response goes out, without suspending.
final class GatewayDatabase: Sendable {
    private let queue: DatabaseQueue
    let path: String

    init(directory: String) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw GatewayStartError(message: "the data directory \(directory) is a file")
            }
        } else {
            try fileManager.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        try fileManager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory)
        path = (directory as NSString).appendingPathComponent("gateway.sqlite")
        if !fileManager.fileExists(atPath: path) {
            _ = fileManager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        try fileManager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)

        var configuration = Configuration()
        // A gateway restarted on the same directory may meet the previous one still closing.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 documents") { db in
            for kind in StoredKind.allCases {
                try db.execute(sql: "CREATE TABLE \(kind.rawValue) (id TEXT PRIMARY KEY NOT NULL, body BLOB NOT NULL)")
            }
        }
        try migrator.migrate(queue)
    }

    /// Writes every change in one transaction.
    func commit(_ changes: ChangeSet) throws {
        guard !changes.isEmpty else { return }
        try queue.write { db in
            for upsert in changes.upserts {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO \(upsert.kind.rawValue) (id, body) VALUES (?, ?)",
                    arguments: [upsert.id, upsert.body])
            }
            for deletion in changes.deletions {
                try db.execute(sql: "DELETE FROM \(deletion.kind.rawValue) WHERE id = ?", arguments: [deletion.id])
            }
        }
    }

    /// Closes the connection (the gateway is stopping); later writes fail.
    func close() {
        try? queue.close()
    }

    /// Every stored body of one kind.
    func loadAll(_ kind: StoredKind) throws -> [Data] {
        try queue.read { db in
            try Data.fetchAll(db, sql: "SELECT body FROM \(kind.rawValue)")
        }
    }

    /// Every stored id of one kind.
    func loadIds(_ kind: StoredKind) throws -> [String] {
        try queue.read { db in try String.fetchAll(db, sql: "SELECT id FROM \(kind.rawValue)") }
    }
}
