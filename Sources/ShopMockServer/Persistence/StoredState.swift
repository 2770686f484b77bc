import Foundation

/// Everything read back from the database at start.
struct StoredState {
    var catalog: ProductCatalog
    var users: [String: UserAccount] = [:]
    var sessions: [String: SessionRecord] = [:]
    var carts: [String: [CartLineItem]] = [:]
    var orders: [String: OrderRecord] = [:]
    var invoices: [String: InvoiceRecord] = [:]
    var notifications: [String: NotificationRecord] = [:]
    var activity: [ActivityRecord] = []
    var idempotency: [String: IdempotencyRecord] = [:]
    var removedProductIds: Set<String> = []

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }()

    /// Loads every table and overlays stored product changes on the seed catalog.
    static func load(from database: GatewayDatabase, seed: ProductCatalog) throws -> StoredState {
        func all<T: Decodable>(_ kind: StoredKind, _ type: T.Type) throws -> [T] {
            try database.loadAll(kind).map { try decoder.decode(T.self, from: $0) }
        }
        var state = StoredState(catalog: seed)
        for product in try all(.products, Product.self) { state.catalog.upsert(product) }
        state.removedProductIds = Set(try database.loadIds(.removedProducts))
        for id in state.removedProductIds { state.catalog.remove(id) }
        for user in try all(.users, UserAccount.self) { state.users[user.id] = user }
        for session in try all(.sessions, SessionRecord.self) { state.sessions[session.tokenDigest] = session }
        for cart in try all(.carts, StoredCart.self) { state.carts[cart.userId] = cart.lines }
        for order in try all(.orders, OrderRecord.self) { state.orders[order.id] = order }
        for invoice in try all(.invoices, InvoiceRecord.self) { state.invoices[invoice.orderId] = invoice }
        for note in try all(.notifications, NotificationRecord.self) { state.notifications[note.id] = note }
        state.activity = try all(.activity, ActivityRecord.self)
        for record in try all(.idempotency, IdempotencyRecord.self) { state.idempotency[record.scopedKey] = record }
        return state
    }
}
