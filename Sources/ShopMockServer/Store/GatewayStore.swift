import Foundation
import Logging

/// The gateway's state and every business rule that changes it.
///
/// An actor, and no business operation contains an `await`: each one checks, changes memory
/// and commits to SQLite (when there is a data directory) in one uninterrupted step. That is
/// what makes stock reservation atomic (two buyers can never both get the last unit) and
/// what lets an order and its idempotency record land in the same transaction.
actor GatewayStore {
    let clock: GatewayClock
    let tokenLifetime: TimeInterval
    let logger: Logger
    let database: GatewayDatabase?
    /// The catalog as loaded from its file, before stored changes; kept to rebuild after a failed write.
    let seedCatalog: ProductCatalog

    var catalog: ProductCatalog
    /// Advanced with every change to `catalog` (see ``markDirty(_:_:)``).
    let catalogRevision = CatalogRevision()
    var users: [String: UserAccount] = [:]
    var userIdByEmail: [String: String] = [:]
    var sessions: [String: SessionRecord] = [:]
    var sessionDigestByRefreshDigest: [String: String] = [:]
    var carts: [String: [CartLineItem]] = [:]
    var orders: [String: OrderRecord] = [:]
    var orderIdsByUser: [String: [String]] = [:]
    var orderIdByTrackingId: [String: String] = [:]
    var invoices: [String: InvoiceRecord] = [:]
    var notifications: [String: NotificationRecord] = [:]
    var notificationIdsByUser: [String: [String]] = [:]
    var activity: [ActivityRecord] = []
    var idempotency: [String: IdempotencyRecord] = [:]
    var idempotencyInFlight: Set<String> = []
    /// When expired idempotency records are next looked for.
    var nextIdempotencySweep = Date.distantPast
    var removedProductIds: Set<String> = []
    var nextSequence = 1
    var nextInvoiceNumber = 1

    /// Records changed by the operation in progress, written by `commit()`.
    var dirty: [StoredKind: Set<String>] = [:]

    init(catalog: ProductCatalog, database: GatewayDatabase?, clock: GatewayClock, tokenLifetime: TimeInterval, logger: Logger) async throws {
        self.clock = clock
        self.tokenLifetime = tokenLifetime
        self.logger = logger
        self.database = database
        self.seedCatalog = catalog
        self.catalog = catalog
        if let database {
            let loaded = try StoredState.load(from: database, seed: catalog)
            self.catalog = loaded.catalog
            self.apply(loaded)
        }
        // Sort once up front so the first browse or search is not the one that pays for it.
        for sort in ProductSortOrder.allCases { _ = self.catalog.list(category: nil, inStockOnly: false, sort: sort) }
    }

    var now: Date { clock.now() }

    // MARK: Persistence

    /// Records that `id` changed in this operation. Every catalog change passes through here
    /// (it must be stored), so this is also where cached catalog answers are made stale.
    func markDirty(_ kind: StoredKind, _ id: String) {
        dirty[kind, default: []].insert(id)
        if kind == .products || kind == .removedProducts { catalogRevision.advance() }
    }

    /// Writes the records changed by this operation, plus `extra` rows, in one transaction.
    ///
    /// If the write fails, memory is rebuilt from the database so the gateway never answers
    /// with state the disk does not hold.
    func commit(extra: [(kind: StoredKind, id: String, body: Data)] = []) throws(GatewayProblem) {
        let changed = dirty
        dirty = [:]
        guard let database else { return }
        do {
            var changes = ChangeSet()
            changes.upserts = extra
            for (kind, ids) in changed {
                for id in ids {
                    if let body = try encodedRecord(kind, id) {
                        changes.upserts.append((kind, id, body))
                    } else {
                        changes.deletions.append((kind, id))
                    }
                }
            }
            try database.commit(changes)
        } catch {
            logger.error("Storage write failed; reloading state from disk", metadata: ["error": "\(error)"])
            if let reloaded = try? StoredState.load(from: database, seed: seedCatalog) {
                catalog = reloaded.catalog
                apply(reloaded)
            }
            throw GatewayProblem.internal("The gateway could not save the change.")
        }
    }

    private func encodedRecord(_ kind: StoredKind, _ id: String) throws -> Data? {
        let encoder = StoredState.encoder
        switch kind {
        case .users: return try users[id].map(encoder.encode)
        case .sessions: return try sessions[id].map(encoder.encode)
        case .carts:
            guard let lines = carts[id], !lines.isEmpty else { return nil }
            return try encoder.encode(StoredCart(userId: id, lines: lines))
        case .orders: return try orders[id].map(encoder.encode)
        case .invoices: return try invoices[id].map(encoder.encode)
        case .notifications: return try notifications[id].map(encoder.encode)
        case .activity: return try activity.last { $0.id == id }.map(encoder.encode)
        case .idempotency: return try idempotency[id].map(encoder.encode)
        case .products: return try catalog.product(id).map(encoder.encode)
        case .removedProducts: return removedProductIds.contains(id) ? Data(id.utf8) : nil
        }
    }

    private func apply(_ state: StoredState) {
        users = state.users
        userIdByEmail = [:]
        for user in users.values { if let email = user.email { userIdByEmail[email.lowercased()] = user.id } }
        sessions = state.sessions
        sessionDigestByRefreshDigest = [:]
        for session in sessions.values { sessionDigestByRefreshDigest[session.refreshDigest] = session.tokenDigest }
        carts = state.carts
        orders = state.orders
        orderIdsByUser = [:]
        orderIdByTrackingId = [:]
        for order in orders.values.sorted(by: { $0.placedAt < $1.placedAt }) {
            orderIdsByUser[order.userId, default: []].append(order.id)
            orderIdByTrackingId[order.trackingId] = order.id
        }
        invoices = state.invoices
        notifications = state.notifications
        notificationIdsByUser = [:]
        for note in notifications.values.sorted(by: { $0.sequence < $1.sequence }) {
            notificationIdsByUser[note.userId, default: []].append(note.id)
        }
        activity = state.activity.sorted { $0.sequence < $1.sequence }
        idempotency = state.idempotency
        removedProductIds = state.removedProductIds
        nextSequence = max(
            (notifications.values.map(\.sequence).max() ?? 0), (activity.map(\.sequence).max() ?? 0)) + 1
        nextInvoiceNumber = (invoices.values.compactMap { Int($0.number.dropFirst(4)) }.max() ?? 0) + 1
    }

    /// Closes the database when the gateway stops.
    func close() {
        database?.close()
    }

    // MARK: Shared helpers

    func takeSequence() -> Int {
        defer { nextSequence += 1 }
        return nextSequence
    }

    func record(_ kind: ActivityKind, _ summary: String, userId: String?, subjectId: String? = nil) {
        let entry = ActivityRecord(
            id: "act_" + RandomToken.hex(byteCount: 8), at: now, kind: kind, summary: summary, userId: userId,
            subjectId: subjectId, sequence: takeSequence())
        activity.append(entry)
        markDirty(.activity, entry.id)
    }

    func notify(userId: String, kind: NotificationKind, title: String, body: String, orderId: String?, at: Date? = nil) {
        let note = NotificationRecord(
            id: "ntf_" + RandomToken.hex(byteCount: 8), userId: userId, kind: kind, title: title, body: body,
            orderId: orderId, createdAt: at ?? now, read: false, sequence: takeSequence())
        notifications[note.id] = note
        notificationIdsByUser[userId, default: []].append(note.id)
        markDirty(.notifications, note.id)
    }

    func product(_ id: String) throws(GatewayProblem) -> Product {
        guard let product = catalog.product(id) else { throw .notFound("There is no product \(id).") }
        return product
    }

    func user(_ id: String) throws(GatewayProblem) -> UserAccount {
        guard let user = users[id] else { throw .unauthorized("The session's user no longer exists.") }
        return user
    }
}

/// A cart as stored (the table is keyed by user id).
struct StoredCart: Codable {
    var userId: String
    var lines: [CartLineItem]
}
