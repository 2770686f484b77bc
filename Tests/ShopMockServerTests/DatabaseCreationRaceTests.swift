import Foundation
import ShopTestSupport
import GRDB
import Synchronization
import Testing
@testable import ShopMockServer

/// Many gateways opening a data directory that does not exist yet, at the same instant (two
/// `shop` windows started together, a script starting several `shop` commands): every one opens
/// the same database, the schema is created once and the catalog seeded once.
@Suite struct DatabaseCreationRaceTests {
    static let openers = 8
    static let rounds = 5

    @Test func manyOpenersOfABrandNewDirectoryAllSucceedOnOneDatabase() async throws {
        try await offThePool {
            let catalog = try CatalogLoader.load(file: nil, now: Date())
            for round in 0..<Self.rounds {
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shop-create-race-\(UUID().uuidString)").path
                defer { try? FileManager.default.removeItem(atPath: directory) }
                let failures = Mutex<[String]>([])
                let seeded = Atomic<Int>(0)
                // Every opener waits at the gate, so they reach the empty directory together.
                let gate = DispatchSemaphore(value: 0)
                let done = DispatchGroup()
                for opener in 0..<Self.openers {
                    done.enter()
                    Thread.detachNewThread {
                        defer { done.leave() }
                        gate.wait()
                        do {
                            let database = try GatewayDatabase(directory: directory)
                            defer { database.close() }
                            if try database.write({ db in try CatalogRows.seedIfEmpty(db, from: catalog, now: Date()) }) {
                                seeded.add(1, ordering: .relaxed)
                            }
                        } catch {
                            failures.withLock { $0.append("round \(round), opener \(opener): \(error)") }
                        }
                    }
                }
                for _ in 0..<Self.openers { gate.signal() }
                done.wait()
                let failed = failures.withLock { $0 }
                #expect(failed.isEmpty, "\(failed.count) of \(Self.openers) failed, e.g. \(failed.first ?? "")")
                #expect(seeded.load(ordering: .relaxed) == 1, "round \(round)")

                // One database file, fully migrated, with one seed of the catalog.
                let queue = try DatabaseQueue(path: (directory as NSString).appendingPathComponent(GatewayDatabase.fileName))
                defer { try? queue.close() }
                let (migrations, products, seeds) = try queue.read { db in
                    (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                     try Int.fetchOne(db, sql: "SELECT count(*) FROM products"),
                     try Int.fetchOne(db, sql: "SELECT count(*) FROM stock_updates WHERE reason = 'seed'"))
                }
                #expect(migrations == GatewaySchema.migrator.migrations)
                #expect(products == catalog.products.count)
                #expect(seeds == catalog.products.count)
            }
        }
    }
}
