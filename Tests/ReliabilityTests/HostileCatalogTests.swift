import AsyncHTTPClient
import Foundation
import ShopKit
import ShopMockServer
import Testing

extension Reliability {
    @Suite("Hostile catalog: loaded verbatim or refused clearly")
    struct HostileCatalogTests {
        static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/hostile-catalog.json")

        static func fixtureProducts() throws -> [[String: Any]] {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: fixture)) as? [String: Any]
            return object?["products"] as? [[String: Any]] ?? []
        }

        @Test func theHostileFixtureIsServedByteForByteAndCanBeBought() async throws {
            let expected = try Self.fixtureProducts()
            #expect(expected.count >= 20)
            let gateway = try await Gateways.start(catalogFile: Self.fixture.path)
            do {
                let raw = RawGateway(gateway.url)
                // Every name and description comes back exactly as in the file (the gateway is a
                // carrier; clients sanitise what they draw).
                for product in expected {
                    let id = product["id"] as? String ?? ""
                    let served = try await raw.send("GET", "/v1/products/\(id)")
                    #expect(served.status == 200, "\(id)")
                    let object = try JSONSerialization.jsonObject(with: served.body) as? [String: Any] ?? [:]
                    #expect(object["name"] as? String == product["name"] as? String, "name of \(id)")
                    #expect(object["description"] as? String == product["description"] as? String, "description of \(id)")
                }
                // Browsing, every sort, search with hostile queries, categories: all well-formed answers.
                for sort in ["name", "price_asc", "price_desc", "rating"] {
                    let page = try await raw.send("GET", "/v1/products?limit=100&sort=\(sort)&currency=JPY")
                    #expect(page.status == 200 && page.items().count == expected.count)
                }
                for query in ["\u{1B}[31m", "\u{202E}", "名名名", "\u{200D}", "👨", "%00", "a", "\u{85}", String(repeating: "N", count: 200)] {
                    let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "a"
                    let search = try await raw.send("GET", "/v1/search?q=\(encoded)&limit=100")
                    // A query that is only whitespace once trimmed (NEL is whitespace) is a clear 400.
                    let blank = query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    #expect(search.status == (blank ? 400 : 200), "search \(query.debugDescription): \(search.status) \(search.text.prefix(200))")
                }
                #expect(try await raw.send("GET", "/v1/categories").status == 200)

                // ShopKit reads every hostile product.
                let client = ShopClient(configuration: ShopClientConfiguration(baseURL: gateway.url))
                let all = try await client.catalog.products(pageSize: 7).collect()
                #expect(all.count == expected.count)
                #expect(Set(all.map(\.name)) == Set(expected.compactMap { $0["name"] as? String }))

                // The largest price, ten at a time, in yen: totals stay exact and consistent.
                _ = try await client.cart.add(productID: "h021-max-price", quantity: 10)
                _ = try await client.cart.add(productID: "h018-ten-thousand-name", quantity: 1)
                let placed = try await client.checkout.placeOrder(
                    PlaceOrderRequest(email: "rich@example.com", address: AddressInput(
                        name: "R", line1: "1 Main St", city: "Oslo", postalCode: "0150", country: "NO"),
                        card: CardInput(number: "4242424242424242", cvv: "123", expMonth: 12, expYear: 2099), currency: .jpy))
                let order = placed.order
                #expect(order.total.amount == order.lines.reduce(0) { $0 + $1.lineTotal.amount } + order.shipping.amount)
                let priciest = try #require(order.lines.first { $0.productID == "h021-max-price" })
                #expect(priciest.lineTotal.amount == priciest.unitPrice.amount * 10 && priciest.unitPrice.amount > 100_000_000)
                #expect(order.lines.contains { $0.name.count == 10_000 })
                let invoice = try await client.orders.invoice(orderID: order.id)
                #expect(invoice.total == order.total)
                #expect(try await client.notifications.listPage().items.contains { $0.body.contains("Name ame ame") })
                try await client.shutdown()
            } catch {
                await gateway.stop()
                throw error
            }
            await gateway.stop()
        }

        /// A catalog of one or more products, as raw JSON text.
        static func catalog(product: String) -> String {
            #"{"categories":[{"id":"c","name":"C"}],"products":[\#(product)]}"#
        }

        /// A valid product with some fields replaced by raw JSON values (`nil` drops the field).
        static func product(_ overrides: [String: String?] = [:]) -> String {
            var fields: [String: String?] = [
                "id": #""p1""#, "code": #""C1""#, "name": #""N""#, "description": #""D""#, "category": #""c""#,
                "priceUsd": "100", "stock": "1",
            ]
            for (key, value) in overrides { fields[key] = value }
            return "{" + fields.sorted { $0.key < $1.key }.compactMap { key, value in value.map { "\"\(key)\":\($0)" } }
                .joined(separator: ",") + "}"
        }

        /// Catalogs the gateway must refuse, and words the refusal must contain.
        static let refused: [(String, String, String)] = [
            ("negative price", catalog(product: product(["priceUsd": #"-1"#])), "priceUsd is negative"),
            ("absurd price", catalog(product: product(["priceUsd": #"100000001"#])), "priceUsd must be at most"),
            ("Int64.max price", catalog(product: product(["priceUsd": #"9223372036854775807"#])), "priceUsd must be at most"),
            ("price beyond Int64", catalog(product: product(["priceUsd": #"1e30"#])), "priceUsd"),
            ("fractional price", catalog(product: product(["priceUsd": #"12.5"#])), "priceUsd"),
            ("negative stock", catalog(product: product(["stock": #"-5"#])), "stock is negative"),
            ("absurd stock", catalog(product: product(["stock": #"1000001"#])), "stock must be at most"),
            ("Int.max stock", catalog(product: product(["stock": #"9223372036854775807"#])), "stock must be at most"),
            ("rating above 5", catalog(product: product(["rating": #"5.5"#])), "rating must be between 0 and 5"),
            ("negative rating count", catalog(product: product(["ratingCount": #"-1"#])), "ratingCount is negative"),
            ("slash in id", catalog(product: product(["id": #""../admin/x""#])), "id may hold only"),
            ("escape in id", catalog(product: product(["id": #""p\u001b[2J""#])), "id may hold only"),
            ("65-character id", catalog(product: product(["id": #""\#(String(repeating: "x", count: 65))""#])), "id must be 1 to 64"),
            ("duplicate code", #"{"categories":[{"id":"c","name":"C"}],"products":[\#(product()),\#(product(["id": #""p2""#]))]}"#, "is used twice"),
            ("unknown category", catalog(product: product(["category": #""nope""#])), "unknown category"),
            ("missing price", catalog(product: product(["priceUsd": nil])), "priceUsd"),
            ("not JSON", "{\"categories\": [", "not valid JSON"),
            ("empty file", "", "not valid JSON"),
        ]

        @Test func invalidCatalogsAreRefusedWithAMessageNamingTheFault() async throws {
            let directory = temporaryDirectory("hostile-catalogs")
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            for (index, (label, text, words)) in Self.refused.enumerated() {
                let file = directory + "/catalog-\(index).json"
                try Data(text.utf8).write(to: URL(fileURLWithPath: file))
                do {
                    let gateway = try await Gateways.start(catalogFile: file)
                    await gateway.stop()
                    Issue.record("\(label): the gateway accepted it")
                } catch let error as CatalogLoadError {
                    #expect(error.description.contains(words), "\(label): \(error.description)")
                    #expect(error.description.contains(file), "\(label): names the file")
                }
            }
        }

        @Test func loneSurrogatesAreRefusedOrReplacedButNeverServedBroken() async throws {
            let directory = temporaryDirectory("surrogates")
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let file = directory + "/catalog.json"
            let text = Self.catalog(product: Self.product(["name": #""lone \ud800 high""#, "description": #""lone \udc00 low \ud83d""#]))
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            do {
                let gateway = try await Gateways.start(catalogFile: file)
                defer { Task { await gateway.stop() } }
                let served = try await RawGateway(gateway.url).send("GET", "/v1/products/p1")
                #expect(served.status == 200)
                #expect(String(data: served.body, encoding: .utf8) != nil, "valid UTF-8")
                let object = try JSONSerialization.jsonObject(with: served.body) as? [String: Any]
                #expect((object?["name"] as? String)?.hasPrefix("lone ") == true)
                print("hostile catalog: lone surrogates were loaded and served as valid UTF-8")
                await gateway.stop()
            } catch let error as CatalogLoadError {
                #expect(error.description.contains("not valid JSON"), "\(error.description)")
                print("hostile catalog: lone surrogates were refused: \(error.description)")
            }
        }

        @Test(.enabled(if: ServerProcess.binary != nil, "build shop-mock-server first"))
        func theBinaryLoadsTheFixtureAndRefusesABadOneOnItsCommandLine() async throws {
            let server = try await ServerProcess.start(["--catalog", Self.fixture.path, "--log-level", "error"])
            let page = try? await RawGateway(base: server.base).send("GET", "/v1/products?limit=100")
            await server.terminate()
            #expect(page?.items().count == (try Self.fixtureProducts()).count)

            let directory = temporaryDirectory("bad-catalog")
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let file = directory + "/absurd.json"
            try Data(Self.catalog(product: Self.product(["priceUsd": #"9223372036854775807"#])).utf8).write(to: URL(fileURLWithPath: file))
            do {
                let unexpected = try await ServerProcess.start(["--catalog", file, "--log-level", "error"])
                await unexpected.terminate()  // never leave it running
                Issue.record("shop-mock-server started with \(file)")
            } catch let failure as HarnessFailure {
                #expect(failure.description.contains("priceUsd must be at most"), "\(failure.description)")
            }
        }

        /// Products the admin API must refuse with a 4xx problem that names the field.
        static let invalidProducts: [(String, String, String?)] = [
            ("negative price", #""priceUsd":-1"#, "priceUsd"),
            ("absurd price", #""priceUsd":100000001"#, "priceUsd"),
            ("Int64.max price", #""priceUsd":9223372036854775807"#, "priceUsd"),
            ("price beyond Int64", #""priceUsd":1e30"#, nil),
            ("negative stock", #""stock":-1"#, "stock"),
            ("absurd stock", #""stock":1000001"#, "stock"),
            ("rating above 5", #""rating":6"#, "rating"),
            ("negative rating count", #""ratingCount":-3"#, "ratingCount"),
            ("10k-character name", #""name":"\#(String(repeating: "N", count: 10_000))""#, "name"),
            ("empty name", #""name":"""#, "name"),
            ("huge description", #""description":"\#(String(repeating: "D", count: 100_000))""#, "description"),
            ("escape in code", #""code":"A\u001b[2J""#, "code"),
            ("code too long", #""code":"\#(String(repeating: "C", count: 33))""#, "code"),
            ("empty category", #""category":"""#, "category"),
            ("string price", #""priceUsd":"12""#, nil),
            ("null stock", #""stock":null"#, nil),
        ]

        @Test func adminCreateRefusesInvalidProductsClearly() async throws {
            try await Gateways.with { gateway in
                let raw = RawGateway(gateway.url)
                for (index, (label, override, field)) in Self.invalidProducts.enumerated() {
                    var fields: [String: String] = [
                        "code": #""BAD-\#(index)""#, "name": #""Bad""#, "description": #""d""#, "category": #""kitchen""#,
                        "priceUsd": "100", "stock": "1",
                    ]
                    let key = String(override.split(separator: ":", maxSplits: 1)[0].dropFirst().dropLast())
                    fields[key] = String(override.split(separator: ":", maxSplits: 1)[1])
                    let body = "{" + fields.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
                    let response = try await raw.send("POST", "/v1/admin/products", token: RawGateway.adminToken, json: body)
                    #expect([400, 422].contains(response.status), "\(label): \(response.status)")
                    #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true, "\(label)")
                    if let field {
                        let errors = response.object["errors"] as? [[String: Any]] ?? []
                        let detail = response.string("detail") ?? ""
                        #expect(errors.contains { $0["field"] as? String == field } || detail.contains(field), "\(label): \(response.text.prefix(300))")
                    }
                }
                // None of them made it into the catalog.
                let search = try await raw.send("GET", "/v1/products?limit=100&category=kitchen")
                #expect(!search.items().contains { ($0["code"] as? String ?? "").hasPrefix("BAD-") })
            }
        }
    }
}
