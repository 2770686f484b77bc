import Foundation
import GRDB
import Logging
import Testing
@testable import ShopMockServer

/// The in-memory database (no data directory) must not grow with anonymous traffic once its
/// caps are reached: every table is counted after one and after two waves of visitors.
@Suite struct InMemoryCapsTests {
    static let caps = InMemoryCaps(idempotencyRecords: 20, guests: 40, checkInterval: 10)
    static let visitorsPerWave = 300

    @Test func noTableGrowsWithVisitorsPastTheCaps() async throws {
        let seed = try CatalogLoader.load(file: nil, now: Date())
        let store = try await GatewayStore(
            catalog: seed, database: nil, clock: GatewayClock(), tokenLifetime: 3600, logger: Logger(label: "test"),
            caps: Self.caps)
        let productId = try #require(seed.products.filter { $0.stock > 0 }.map(\.id).sorted().first)

        try await visit(store, productId: productId, from: 0)
        let afterOneWave = try await rowCounts(store)
        try await visit(store, productId: productId, from: Self.visitorsPerWave)
        let afterTwoWaves = try await rowCounts(store)

        #expect(afterOneWave.keys.sorted() == afterTwoWaves.keys.sorted())
        for (table, count) in afterTwoWaves.sorted(by: { $0.key < $1.key }) {
            let before = afterOneWave[table] ?? 0
            // The caps are checked every `checkInterval` keyed requests or guests, so a table
            // may be up to that many rows from where the previous wave left it.
            #expect(count - before <= Self.caps.checkInterval, "\(table): \(before) rows, then \(count)")
        }
        #expect((afterTwoWaves["users"] ?? 0) <= Self.caps.guests + Self.caps.checkInterval)
        #expect((afterTwoWaves["idempotency_records"] ?? 0) <= Self.caps.idempotencyRecords + Self.caps.checkInterval)
        #expect((afterTwoWaves["activity_events"] ?? 0) <= Self.caps.guests + Self.caps.checkInterval)
    }

    /// As `shop-bench memory` does over HTTP: a new guest, then one keyed cart add (its replay
    /// record committed with the add).
    private func visit(_ store: GatewayStore, productId: String, from first: Int) async throws {
        for index in first..<(first + Self.visitorsPerWave) {
            let guest = try await store.createGuestSession()
            guard case .proceed(let claim) = await store.beginIdempotent(scope: "user:\(guest.user.id)", key: "add-\(index)", requestHash: "h")
            else {
                Issue.record("visitor \(index): a new key should proceed")
                return
            }
            var scope = RequestScope(requestID: "r\(index)", path: "/v1/cart/items")
            scope.idempotencyClaim = claim
            _ = try await RequestScope.$current.withValue(scope) {
                try await store.addToCart(userId: guest.user.id, productId: productId, quantity: 1, currency: .USD)
            }
            await store.finishIdempotent(claim, status: 200, contentType: GatewayStore.replayContentType, body: Data("{}".utf8))
        }
    }

    private func rowCounts(_ store: GatewayStore) async throws -> [String: Int] {
        try await store.database.read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            var counts: [String: Int] = [:]
            for table in tables {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\"") ?? 0
            }
            return counts
        }
    }
}
