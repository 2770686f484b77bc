import Foundation
import Testing

@Suite struct CatalogTests {
    @Test func seedCatalogHasThePromisedVariety() async throws {
        try await TestGateway.with { gateway in
            let categories = try await gateway.get("/v1/categories").object["items"] as? [[String: Any]] ?? []
            #expect(categories.count >= 8)
            #expect(categories.allSatisfy { ($0["productCount"] as? Int ?? -1) > 0 })
            let page = try await gateway.get("/v1/products?limit=100").object
            let items = page["items"] as? [[String: Any]] ?? []
            #expect(items.count >= 60)
            #expect(page["total"] as? Int == items.count)
            #expect(Set(items.map { $0["code"] as? String ?? "" }).count == items.count)
            #expect(items.contains { $0["availability"] as? String == "low_stock" })
            #expect(items.contains { $0["availability"] as? String == "out_of_stock" })
            #expect(items.contains { !($0["name"] as? String ?? "").allSatisfy(\.isASCII) })
        }
    }

    @Test func pagingWalksEveryProductOnce() async throws {
        try await TestGateway.with { gateway in
            var seen: [String] = []
            var cursor: String?
            repeat {
                let path = "/v1/products?limit=7&sort=price_asc" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await gateway.get(path).object
                seen += (page["items"] as? [[String: Any]] ?? []).map { $0["id"] as? String ?? "" }
                cursor = page["nextCursor"] as? String
            } while cursor != nil
            #expect(seen.count == Set(seen).count)
            #expect(seen.count == (try await gateway.get("/v1/products?limit=1").object["total"] as? Int ?? -1))
        }
    }

    @Test func sortsAndFilters() async throws {
        try await TestGateway.with { gateway in
            func prices(_ query: String) async throws -> [Int] {
                (try await gateway.get("/v1/products?limit=100&\(query)").object["items"] as? [[String: Any]] ?? [])
                    .map { $0.money("price").amount }
            }
            let ascending = try await prices("sort=price_asc")
            #expect(ascending == ascending.sorted())
            let descending = try await prices("sort=price_desc")
            #expect(descending == descending.sorted(by: >))
            let rated = (try await gateway.get("/v1/products?limit=100&sort=rating").object["items"] as? [[String: Any]] ?? [])
                .map { $0["rating"] as? Double ?? -1 }
            #expect(rated == rated.sorted(by: >))
            let kitchen = try await gateway.get("/v1/products?category=kitchen&limit=100").object["items"] as? [[String: Any]] ?? []
            #expect(!kitchen.isEmpty && kitchen.allSatisfy { $0["category"] as? String == "kitchen" })
            let inStock = try await gateway.get("/v1/products?inStock=true&limit=100").object["items"] as? [[String: Any]] ?? []
            #expect(inStock.allSatisfy { ($0["stock"] as? Int ?? -1) > 0 })
        }
    }

    @Test func badCursorIs400() async throws {
        try await TestGateway.with { gateway in
            #expect(try await gateway.get("/v1/products?cursor=not-a-cursor").status == 400)
            // A cursor from another query is refused too.
            let cursor = try await gateway.get("/v1/products?limit=2").object["nextCursor"] as? String ?? ""
            #expect(try await gateway.get("/v1/products?limit=2&sort=rating&cursor=\(cursor)").status == 400)
        }
    }

    @Test func searchRanksNameMatchesFirst() async throws {
        try await TestGateway.with { gateway in
            let page = try await gateway.get("/v1/search?q=LEATHER&limit=100").object
            let hits = page["items"] as? [[String: Any]] ?? []
            #expect(!hits.isEmpty)
            let firstFields = hits.map { ($0["matchedIn"] as? [String] ?? []).first ?? "" }
            // Every name match comes before every description-only match.
            let lastName = firstFields.lastIndex(of: "name") ?? -1
            let firstDescription = firstFields.firstIndex(of: "description") ?? Int.max
            #expect(lastName < firstDescription)
            #expect(firstFields.contains("name") && firstFields.contains("description"))
            #expect(page["total"] as? Int == hits.count)
        }
    }

    @Test func searchMatchesCategoryAndNonASCII() async throws {
        try await TestGateway.with { gateway in
            let byCategory = try await gateway.get("/v1/search?q=outdoors").object["items"] as? [[String: Any]] ?? []
            #expect(!byCategory.isEmpty)
            #expect(byCategory.allSatisfy { ($0["matchedIn"] as? [String] ?? []).contains("category") })
            let cjk = try await gateway.get("/v1/search?q=%E6%8A%B9%E8%8C%B6").object["items"] as? [[String: Any]] ?? []  // 抹茶
            #expect(cjk.count == 1)
            let accented = try await gateway.get("/v1/search?q=CR%C3%88ME").object["items"] as? [[String: Any]] ?? []  // CRÈME
            #expect(accented.count >= 1)
            let filtered = try await gateway.get("/v1/search?q=a&category=toys&inStock=true&sort=price_asc&limit=100").object["items"] as? [[String: Any]] ?? []
            let products = filtered.map { $0["product"] as? [String: Any] ?? [:] }
            #expect(products.allSatisfy { $0["category"] as? String == "toys" && ($0["stock"] as? Int ?? -1) > 0 })
            let prices = products.map { $0.money("price").amount }
            #expect(prices == prices.sorted())
            #expect(try await gateway.get("/v1/search?q=").status == 400)
            #expect(try await gateway.get("/v1/search").status == 400)
        }
    }

    @Test func productDetailAndStock() async throws {
        try await TestGateway.with { gateway in
            let product = try await gateway.anyProduct()
            let detail = try await gateway.get("/v1/products/\(product.id)").object
            #expect((detail["description"] as? String)?.isEmpty == false)
            #expect(detail["updatedAt"] is String)
            let stock = try await gateway.get("/v1/inventory/\(product.id)").object
            #expect(stock["onHand"] as? Int == detail["stock"] as? Int)
            #expect(try await gateway.get("/v1/products/missing").status == 404)
            #expect(try await gateway.get("/v1/inventory/missing").status == 404)
        }
    }

    @Test func recommendationsAndAds() async throws {
        try await TestGateway.with { gateway in
            let kitchen = try await gateway.get("/v1/products?category=kitchen&limit=2").object["items"] as? [[String: Any]] ?? []
            let ids = kitchen.map { $0["id"] as? String ?? "" }
            try #require(ids.count == 2)
            let recommended = try await gateway.get("/v1/recommendations?productIds=\(ids[0])&productIds=\(ids[1])")
                .object["items"] as? [[String: Any]] ?? []
            #expect(recommended.count == 5)
            #expect(recommended.allSatisfy { !ids.contains($0["id"] as? String ?? "") })
            #expect(recommended.first?["category"] as? String == "kitchen")
            #expect(try await gateway.get("/v1/recommendations").status == 400)

            let ads = try await gateway.get("/v1/ads?categories=books&categories=toys").object["items"] as? [[String: Any]] ?? []
            #expect(Set(ads.map { $0["category"] as? String ?? "" }) == ["books", "toys"])
            let random = try await gateway.get("/v1/ads").object["items"] as? [[String: Any]] ?? []
            #expect(random.count == 2)
            let unknown = try await gateway.get("/v1/ads?categories=nothing-like-this").object["items"] as? [[String: Any]] ?? []
            #expect(unknown.count == 2)
        }
    }

    @Test func adminManagesProducts() async throws {
        try await TestGateway.with { gateway in
            let admin = TestGateway.adminToken
            let body: [String: Any] = [
                "code": "NEW-1", "name": "Tea Kettle", "description": "Whistles.", "category": "kitchen",
                "priceUsd": 4599, "stock": 3,
            ]
            let created = try await gateway.post("/v1/admin/products", token: admin, json: body)
            #expect(created.status == 201)
            let id = created.object["id"] as? String ?? ""
            #expect(created.object["availability"] as? String == "low_stock")
            let duplicate = try await gateway.post("/v1/admin/products", token: admin, json: body)
            #expect(duplicate.status == 409)
            #expect(duplicate.problemSlug == "duplicate-code")
            var invalid = body
            invalid["code"] = "bad code!"
            invalid["priceUsd"] = -1
            let rejected = try await gateway.post("/v1/admin/products", token: admin, json: invalid)
            #expect(rejected.status == 422)
            #expect(Set(rejected.fieldErrors.keys) == ["code", "priceUsd"])

            var update = body
            update["stock"] = 0
            let updated = try await gateway.send("PUT", "/v1/admin/products/\(id)", token: admin, json: update)
            #expect(updated.object["availability"] as? String == "out_of_stock")
            #expect(try await gateway.send("DELETE", "/v1/admin/products/\(id)", token: admin).status == 204)
            #expect(try await gateway.get("/v1/products/\(id)").status == 404)
            #expect(try await gateway.send("DELETE", "/v1/admin/products/\(id)", token: admin).status == 404)

            let trail = try await gateway.get("/v1/admin/activity", token: admin).object["items"] as? [[String: Any]] ?? []
            #expect(trail.prefix(3).map { $0["kind"] as? String ?? "" } == ["product_deleted", "product_updated", "product_created"])
        }
    }
}
