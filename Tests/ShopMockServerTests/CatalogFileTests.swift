import Foundation
import Testing
@testable import ShopMockServer

@Suite struct CatalogFileTests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func startError(catalog path: String) async -> String? {
        do {
            let gateway = try await TestGateway.start { $0.catalogFile = path }
            await gateway.running.stop()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func aGoodFileReplacesTheSeed() async throws {
        let path = try write(
            #"{"categories":[{"id":"tea","name":"Tea"}],"products":[{"id":"t1","code":"T-1","name":"Sencha","description":"Green.","category":"tea","priceUsd":1200,"stock":9,"rating":4.5,"ratingCount":10}]}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await TestGateway.with({ $0.catalogFile = path }) { gateway in
            let page = try await gateway.get("/v1/products").object
            #expect(page["total"] as? Int == 1)
            #expect((page["items"] as? [[String: Any]] ?? [])[at: 0]["name"] as? String == "Sencha")
        }
    }

    @Test(arguments: [
        ("{ not json", "not valid JSON"),
        (#"{"categories":[]}"#, "products"),
        (#"{"categories":[{"id":"a","name":"A"}],"products":[{"id":"p","code":"C","name":"N","description":"","category":"zzz","priceUsd":1,"stock":1}]}"#, "unknown category"),
        (#"{"categories":[{"id":"a","name":"A"}],"products":[{"id":"p","code":"C","name":"N","description":"","category":"a","priceUsd":1,"stock":-2}]}"#, "stock is negative"),
        (#"{"categories":[{"id":"a","name":"A"}],"products":[{"id":"p","code":"C","name":"N","description":"","category":"a","priceUsd":1,"stock":1},{"id":"q","code":"C","name":"M","description":"","category":"a","priceUsd":1,"stock":1}]}"#, "used twice"),
        (#"{"categories":[{"id":"a","name":"A"}],"products":[{"id":"p","code":"C","name":"N","description":"","category":"a","priceUsd":"cheap","stock":1}]}"#, "priceUsd"),
    ])
    func aBadFileFailsClearly(contents: String, expected: String) async throws {
        let path = try write(contents)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let message = try #require(await startError(catalog: path))
        #expect(message.contains(path), "\(message)")
        #expect(message.contains(expected), "\(message)")
    }

    @Test func aMissingFileFailsClearly() async throws {
        let message = try #require(await startError(catalog: "/nonexistent/catalog.json"))
        #expect(message.contains("/nonexistent/catalog.json"))
        #expect(message.contains("cannot be read"))
    }
}
