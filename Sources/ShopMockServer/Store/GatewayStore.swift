import Foundation
import GRDB
import Logging

/// Every business rule of the gateway, run against its database.
///
/// The database is the truth: each rule runs in one `BEGIN IMMEDIATE` transaction that reads
/// the rows it needs and writes its changes (see ``write(_:)``), so several gateway processes
/// on one data directory never lose each other's writes and never sell a unit twice. The only
/// copy kept in memory is the catalog, for fast browsing and search; it is caught up from the
/// rows changed since its revision whenever another process committed (`PRAGMA data_version`)
/// and after every write of this one. Stock checks never trust it: they read `inventory`.
actor GatewayStore {
    let clock: GatewayClock
    let tokenLifetime: TimeInterval
    let logger: Logger
    let database: GatewayDatabase

    /// The catalog as of ``loadedCatalogRevision``, for reads.
    var catalog: ProductCatalog
    var loadedCatalogRevision: Int64 = 0
    /// The data version last seen; nil until the first check.
    var lastDataVersion: Int?
    /// What the HTTP read cache tags its answers with (see ``CatalogResponseCache``).
    let catalogRevision: CatalogRevision

    /// Names this process in the in-flight markers of idempotency records it claims.
    let claimOwner = "pid:\(getpid()):" + RandomToken.hex(byteCount: 4)
    /// Keys this gateway is handling right now.
    var claimsInProgress: Set<String> = []
    /// Claims whose keyed write stored the answer in its own transaction: nothing left to store.
    var claimsCompleted: Set<String> = []
    /// Replays of responses that hold session tokens: never written to disk, so kept here,
    /// bounded (see ``GatewayStore+Idempotency``).
    var tokenReplays: [String: IdempotencyRecord] = [:]
    /// When expired records and guests are next swept (gateway clock), and writes since.
    var nextSweep = Date.distantPast
    var insertsSinceCapCheck = 0
    let caps: InMemoryCaps

    init(
        catalog seed: CatalogSeed, database: GatewayDatabase?, clock: GatewayClock, tokenLifetime: TimeInterval, logger: Logger,
        caps: InMemoryCaps = .standard
    ) async throws {
        self.clock = clock
        self.caps = caps
        self.tokenLifetime = tokenLifetime
        self.logger = logger
        let database = try database ?? GatewayDatabase.inMemory()
        self.database = database
        self.catalogRevision = CatalogRevision(probe: try database.path.map { try CatalogChangeProbe(path: $0) })
        let now = clock.now()
        let (categories, products, revision) = try database.write { db in
            _ = try CatalogRows.seedIfEmpty(db, from: seed, now: now)
            let live = try CatalogRows.changed(db, after: 0).filter { !$0.removed }.map(\.product)
            return (try CatalogRows.categories(db), live, try CatalogRows.revision(db))
        }
        // The one build of the catalog in memory (its search keys are most of a 100k start-up),
        // from the rows: with a data directory they may differ from the file.
        self.catalog = ProductCatalog(categories: categories, products: products)
        self.loadedCatalogRevision = revision
        self.catalogRevision.raise(to: UInt64(revision))
        // Sort once up front so the first browse or search is not the one that pays for it.
        for sort in ProductSortOrder.allCases { _ = self.catalog.list(category: nil, inStockOnly: false, sort: sort) }
    }

    var now: Date { clock.now() }

    // MARK: Transactions

    /// Runs a rule in one immediate transaction and catches the catalog up with what it (or
    /// another process) changed. A `GatewayProblem` thrown by the rule rolls back and is
    /// answered as is; a storage failure is a 500 and changes nothing.
    func write<T>(durable: Bool = true, _ rule: (Database) throws -> T) throws(GatewayProblem) -> T {
        let loaded = loadedCatalogRevision
        let outcome: (T, CatalogChanges?)
        do {
            outcome = try database.write(durable: durable) { db in
                let result = try rule(db)
                return (result, try CatalogChanges.since(loaded, db))
            }
        } catch let problem as GatewayProblem {
            throw problem
        } catch {
            logger.error("Storage write failed", metadata: ["error": "\(error)"])
            throw GatewayProblem.internal("The gateway could not save the change.")
        }
        if let changes = outcome.1 { apply(changes) }
        return outcome.0
    }

    /// Runs a read in one snapshot.
    func read<T>(_ query: (Database) throws -> T) throws(GatewayProblem) -> T {
        do {
            return try database.read(query)
        } catch let problem as GatewayProblem {
            throw problem
        } catch {
            logger.error("Storage read failed", metadata: ["error": "\(error)"])
            throw GatewayProblem.internal("The gateway could not read its data.")
        }
    }

    /// Brings the in-memory catalog up to date before a catalog read, when another process
    /// committed since the last look (this process's own writes catch up as they commit).
    func syncCatalog() {
        guard database.isShared else { return }
        do {
            let version = try database.dataVersion()
            guard version != lastDataVersion else { return }
            lastDataVersion = version
            let loaded = loadedCatalogRevision
            if let changes = try database.read({ db in try CatalogChanges.since(loaded, db) }) { apply(changes) }
        } catch {
            logger.error("Could not check the catalog for changes", metadata: ["error": "\(error)"])
        }
    }

    private func apply(_ changes: CatalogChanges) {
        guard changes.revision > loadedCatalogRevision else { return }
        for category in changes.newCategories where !catalog.categories.contains(where: { $0.id == category.id }) {
            catalog.addCategory(category)
        }
        for (product, removed) in changes.products {
            if removed { catalog.remove(product.id) } else { catalog.upsert(product) }
        }
        loadedCatalogRevision = changes.revision
        catalogRevision.raise(to: UInt64(changes.revision))
    }

    /// Closes the database when the gateway stops.
    func close() {
        database.close()
        catalogRevision.closeProbe()
    }

    // MARK: Shared helpers

    func record(_ db: Database, _ kind: ActivityKind, _ summary: String, userId: String?, subjectId: String? = nil) throws {
        try ServiceRows.insertActivity(
            db,
            ActivityRecord(
                id: "act_" + RandomToken.hex(byteCount: 8), at: now, kind: kind, summary: summary, userId: userId,
                subjectId: subjectId, sequence: 0))
    }

    func notify(
        _ db: Database, userId: String, kind: NotificationKind, title: String, body: String, orderId: String?, at: Date? = nil
    ) throws {
        try ServiceRows.insertNotification(
            db,
            NotificationRecord(
                id: "ntf_" + RandomToken.hex(byteCount: 8), userId: userId, kind: kind, title: title, body: body,
                orderId: orderId, createdAt: at ?? now, read: false, sequence: 0))
    }

    /// A live product, from the catalog in memory (for reads).
    func product(_ id: String) throws(GatewayProblem) -> Product {
        guard let product = catalog.product(id) else { throw .notFound("There is no product \(id).") }
        return product
    }

    /// A live product as the database holds it now, inside a rule's transaction.
    func product(_ db: Database, _ id: String) throws -> Product {
        guard let product = try CatalogRows.liveProduct(db, id) else { throw GatewayProblem.notFound("There is no product \(id).") }
        return product
    }

    func user(_ id: String) throws(GatewayProblem) -> UserAccount {
        try read { db in try self.user(db, id) }
    }

    func user(_ db: Database, _ id: String) throws -> UserAccount {
        guard let user = try AccountRows.user(db, id) else {
            throw GatewayProblem.unauthorized("The session's user no longer exists.")
        }
        return user
    }
}

/// Catalog rows changed after a revision, read in the transaction that saw them.
struct CatalogChanges: Sendable {
    var revision: Int64
    var products: [(product: Product, removed: Bool)]
    var newCategories: [CategoryInfo]

    /// Nil when nothing changed since `loaded`.
    static func since(_ loaded: Int64, _ db: Database) throws -> CatalogChanges? {
        let revision = try CatalogRows.revision(db)
        guard revision > loaded else { return nil }
        return CatalogChanges(
            revision: revision, products: try CatalogRows.changed(db, after: loaded), newCategories: try CatalogRows.categories(db))
    }
}
