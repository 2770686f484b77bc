import Foundation
import GRDB

/// The gateway's SQLite database: the one source of truth for everything it knows.
///
/// With a data directory it is `gateway.sqlite` in WAL mode with `synchronous = FULL`, so
/// once a write returns the change survives a crash or `kill -9`, and any number of gateway
/// processes on the directory share it: every business rule runs in a `BEGIN IMMEDIATE`
/// transaction, which SQLite serialises across processes (a writer waits up to
/// ``busyTimeout`` for another). Without a data directory it is an in-memory database with the
/// same schema and the same rules; it lives and dies with the gateway.
final class GatewayDatabase: Sendable {
    static let fileName = "gateway.sqlite"
    /// How long a writer waits for another process's transaction before failing.
    static let busyTimeout: TimeInterval = 10

    private let queue: DatabaseQueue
    /// The database file; nil for the in-memory database.
    let path: String?

    /// The in-memory database of a gateway without a data directory.
    static func inMemory() throws -> GatewayDatabase {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: configuration)
        try GatewaySchema.migrator.migrate(queue)
        return GatewayDatabase(queue: queue, path: nil)
    }

    /// Opens (or creates) the database in `directory`, private to its owner, and brings its
    /// schema up to date. Safe when many gateways open a new directory at once (``DataDirectoryLock``).
    convenience init(directory: String, logger: ((String) -> Void)? = nil) throws {
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
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        // One gateway at a time creates or upgrades the file; the others then find it ready.
        let queue = try DataDirectoryLock.whileHeld(directory: directory, timeout: Self.busyTimeout) {
            try LegacyDocumentStore.moveAsideIfPresent(path: path, notice: logger)
            // Under the lock: `createFile` replaces a file whole, so unlocked it could swap out a
            // database another gateway had just created and begun to write.
            if !fileManager.fileExists(atPath: path) {
                _ = fileManager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            try fileManager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            let queue = try DatabaseQueue(path: path, configuration: Self.fileConfiguration())
            try queue.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
            try GatewaySchema.migrator.migrate(queue)
            return queue
        }
        self.init(queue: queue, path: path)
    }

    static func fileConfiguration(readonly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.readonly = readonly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            if !readonly { try db.execute(sql: "PRAGMA synchronous = FULL") }
        }
        return configuration
    }

    private init(queue: DatabaseQueue, path: String?) {
        self.queue = queue
        self.path = path
    }

    /// True when other processes may share this database (it is a file).
    var isShared: Bool { path != nil }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction: it holds the write lock from its first
    /// statement, so what it reads cannot change before it commits, in any process.
    /// A throw rolls everything back.
    ///
    /// `durable: false` commits without waiting for the disk (`synchronous = NORMAL`): for
    /// bookkeeping that a crash may lose harmlessly, such as an idempotency claim (other
    /// processes still see it at once; the next durable commit flushes it too).
    func write<T>(durable: Bool = true, _ body: (Database) throws -> T) throws -> T {
        try queue.writeWithoutTransaction { db in
            let relaxed = !durable && path != nil
            if relaxed { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            defer { if relaxed { try? db.execute(sql: "PRAGMA synchronous = FULL") } }
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// Runs `body` in a read transaction (a consistent snapshot).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.read(body)
    }

    /// SQLite's `PRAGMA data_version`: changes whenever another connection (another process,
    /// or the probe of this one) commits, never for this connection's own commits.
    func dataVersion() throws -> Int {
        try queue.inDatabase { db in try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0 }
    }

    /// Closes the connection (the gateway is stopping); later calls fail.
    func close() {
        try? queue.close()
    }
}

/// A data directory written by the first version of the gateway, which kept one JSON document
/// per record (`(id, body)` tables, migration "v1 documents").
///
/// Not migrated: its file is renamed `gateway.v1.sqlite` (nothing is deleted, a person can
/// still read it) and the gateway starts fresh, saying so in one line.
enum LegacyDocumentStore {
    static func moveAsideIfPresent(path: String, notice: ((String) -> Void)?) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let isLegacy: Bool = try {
            let queue = try DatabaseQueue(path: path, configuration: GatewayDatabase.fileConfiguration())
            defer { try? queue.close() }
            return try queue.read { db in
                guard try db.tableExists("grdb_migrations") else { return false }
                let applied = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
                return applied.contains("v1 documents") && !applied.contains(GatewaySchema.firstRelational)
            }
        }()
        guard isLegacy else { return }
        let directory = (path as NSString).deletingLastPathComponent
        let aside = (directory as NSString).appendingPathComponent("gateway.v1.sqlite")
        let fileManager = FileManager.default
        for suffix in ["", "-wal", "-shm"] where fileManager.fileExists(atPath: path + suffix) {
            try? fileManager.removeItem(atPath: aside + suffix)
            try fileManager.moveItem(atPath: path + suffix, toPath: aside + suffix)
        }
        notice?(
            "The data directory was written by an older gateway (JSON documents); it was kept as \(aside) and the gateway starts with fresh data.")
    }
}
