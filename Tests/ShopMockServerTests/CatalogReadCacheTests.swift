import Foundation
import HTTPTypes
import NIOCore
import Testing
@testable import ShopMockServer

#if canImport(Glibc)
import Glibc
#endif

/// Kept catalog answers: what is cacheable, when an entry stops being served, and, over real
/// HTTP, that every catalog change shows at once and that cached answers look like fresh ones.
/// Run on its own (`.ci/run` does, after the whole suite): beside the whole suite on two cores
/// the test process stalls for 50–80 s at times, and these raw-connection exchanges then saw the
/// connection close with no answer (not root-caused yet; see docs/performance.md).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SHOP_CONNECTION_TESTS"] == "1",
                "set SHOP_CONNECTION_TESTS=1 and run it alone: swift test --filter 'ConnectionGuardTests|CatalogReadCacheTests'"))
struct CatalogReadCacheTests {
    // MARK: The cache itself

    @Test(arguments: [
        ("GET", "/v1/products", true), ("GET", "/v1/products/p1", true), ("GET", "/v1/search", true),
        ("GET", "/v1/categories", true), ("GET", "/v1/inventory/p1", true),
        ("POST", "/v1/products", false), ("HEAD", "/v1/products", false), ("PUT", "/v1/inventory/p1", false),
        ("GET", "/v1/products/", false), ("GET", "/v1/products/p1/x", false), ("GET", "/v1/inventory", false),
        ("GET", "/v1/cart", false), ("GET", "/v1/recommendations", false), ("GET", "/v1/ads", false),
        ("GET", "/v1/orders", false), ("GET", "/v1/me", false), ("GET", "/healthz", false), ("GET", "/v2/products", false),
        ("GET", "products", false), ("GET", "", false),
    ])
    func onlyAnswersThatDependOnTheCatalogAloneAreKept(method: String, path: String, cacheable: Bool) {
        #expect(CatalogResponseCache.isCacheable(method: HTTPRequest.Method(method)!, path: path) == cacheable)
    }

    @Test func anEntryIsServedOnlyWhileTheCatalogIsUnchanged() {
        let revision = CatalogRevision()
        let cache = CatalogResponseCache(revision: revision)
        cache.store("/v1/products", entry(revision.current, "page"))
        #expect(cache.lookup("/v1/products").map(text) == "page")
        #expect(cache.lookup("/v1/products?limit=2") == nil)

        revision.advance()
        #expect(cache.lookup("/v1/products") == nil)
        // An answer computed before the change is not kept after it.
        cache.store("/v1/search?q=lamp", entry(revision.current - 1, "old"))
        #expect(cache.lookup("/v1/search?q=lamp") == nil)
        cache.store("/v1/products", entry(revision.current, "new page"))
        #expect(cache.lookup("/v1/products").map(text) == "new page")
        #expect(cache.count == 1)  // the stale entries were dropped with the first new one
    }

    @Test func theCacheStaysWithinItsBounds() {
        let revision = CatalogRevision()
        let cache = CatalogResponseCache(revision: revision)
        cache.store("/v1/products?big", entry(0, String(repeating: "x", count: CatalogResponseCache.maxEntryBytes + 1)))
        #expect(cache.lookup("/v1/products?big") == nil)
        for index in 0..<CatalogResponseCache.maxEntries {
            cache.store("/v1/products/p\(index)", entry(0, "{}"))
        }
        #expect(cache.count == CatalogResponseCache.maxEntries)
        cache.store("/v1/products/one-more", entry(0, "{}"))
        #expect(cache.count == 1)
        #expect(cache.lookup("/v1/products/one-more") != nil)
    }

    // MARK: Over HTTP

    @Test func aRepeatedReadIsAnsweredFromTheCacheWithItsOwnRequestID() async throws {
        try await TestGateway.with { gateway in
            let cache = try #require(gateway.running.catalogReadCache)
            let first = try await gateway.get("/v1/products?limit=3")
            #expect(cache.count == 1)
            let second = try await gateway.send("GET", "/v1/products?limit=3", headers: [("X-Request-ID", "mine-1")])
            let third = try await gateway.get("/v1/products?limit=3")
            for response in [first, second, third] {
                #expect(response.status == 200)
                #expect(response.contentType == "application/json; charset=utf-8")
                #expect(response.header("Content-Length") == String(response.body.count))
                #expect(response.header("Date")?.hasSuffix(" GMT") == true)
            }
            #expect(second.body == first.body && third.body == first.body)
            #expect(second.header("X-Request-ID") == "mine-1")
            #expect(third.header("X-Request-ID")?.hasPrefix("req_") == true)
            #expect(third.header("X-Request-ID") != first.header("X-Request-ID"))
            #expect(cache.count == 1)
        }
    }

    @Test func aCallerThatDoesNotTakeJSONStillGetsTheRoutersAnswer() async throws {
        try await TestGateway.with { gateway in
            _ = try await gateway.get("/v1/categories")
            _ = try await gateway.get("/v1/categories")
            for accept in ["text/html", "application/xml, text/*"] {
                #expect(try await gateway.send("GET", "/v1/categories", headers: [("Accept", accept)]).status == 406)
            }
            for accept in ["application/json", "text/html, application/json;q=0.5", "*/*", "application/*; q=1"] {
                let response = try await gateway.send("GET", "/v1/categories", headers: [("Accept", accept)])
                #expect(response.status == 200 && response.contentType == "application/json; charset=utf-8")
            }
        }
    }

    @Test func failuresAreNeverKept() async throws {
        try await TestGateway.with { gateway in
            let cache = try #require(gateway.running.catalogReadCache)
            for _ in 0..<2 {
                #expect(try await gateway.get("/v1/products?limit=abc").status == 400)
                #expect(try await gateway.get("/v1/products/no-such-product").status == 404)
                #expect(try await gateway.get("/v1/search?q=").status == 400)
            }
            #expect(cache.count == 0)
        }
    }

    @Test func everyCatalogChangeShowsAtOnce() async throws {
        try await TestGateway.with { gateway in
            let admin = TestGateway.adminToken
            let (productId, _) = try await gateway.anyProduct()
            let product = try await gateway.get("/v1/products/\(productId)").object
            let name = product["name"] as? String ?? ""
            let category = product["category"] as? String ?? ""
            let reads = [
                "/v1/products/\(productId)", "/v1/inventory/\(productId)", "/v1/categories",
                "/v1/products?limit=100&category=\(category)", "/v1/search?q=\(name.prefix(4).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&limit=100",
            ]
            // Read everything twice so that each answer is kept, then check it after each change.
            func readAll() async throws -> [String] {
                var bodies: [String] = []
                for path in reads {
                    _ = try await gateway.get(path)
                    bodies.append(try await gateway.get(path).text)
                }
                return bodies
            }
            var before = try await readAll()

            // An order takes stock.
            let token = try await gateway.guestToken()
            try await gateway.add(productId, quantity: 2, token: token)
            let placed = try await gateway.placeOrder(token: token)
            #expect(placed.status == 201)
            let stock = product["stock"] as? Int ?? 0
            #expect(try await gateway.stock(of: productId) == stock - 2)
            var after = try await readAll()
            #expect(after[0].contains("\"stock\":\(stock - 2)"))
            #expect(after[3].contains("\"stock\":\(stock - 2)") && after[4].contains("\"stock\":\(stock - 2)"))

            // A cancellation gives it back.
            before = after
            let cancelled = try await gateway.post("/v1/orders/\(placed.object["id"] as? String ?? "")/cancel", token: token)
            #expect(cancelled.status == 200)
            #expect(try await gateway.stock(of: productId) == stock)
            after = try await readAll()
            #expect(after[0] != before[0] && after[0].contains("\"stock\":\(stock)"))

            // An admin edit renames it and changes its price.
            var edit: [String: Any] = [
                "code": product["code"]!, "name": name + " Deluxe", "description": product["description"]!,
                "category": category, "priceUsd": 123_456, "stock": stock,
            ]
            #expect(try await gateway.send("PUT", "/v1/admin/products/\(productId)", token: admin, json: edit).status == 200)
            after = try await readAll()
            for index in [0, 3, 4] {
                #expect(after[index].contains("\(name) Deluxe") && after[index].contains("123456"))
            }

            // A new product counts in its category; a removed one is gone.
            edit["code"] = "CACHE-NEW-1"
            let created = try await gateway.post("/v1/admin/products", token: admin, json: edit)
            #expect(created.status == 201)
            let count = { (body: String) in
                ((try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any])?["items"]
                    .flatMap { $0 as? [[String: Any]] }?.first { $0["id"] as? String == category }?["productCount"] as? Int
            }
            let countBefore = count(after[2]) ?? -1
            after = try await readAll()
            #expect(count(after[2]) == countBefore + 1)
            #expect(try await gateway.send("DELETE", "/v1/admin/products/\(productId)", token: admin).status == 204)
            #expect(try await gateway.get("/v1/products/\(productId)").status == 404)
            #expect(try await gateway.get("/v1/inventory/\(productId)").status == 404)
            #expect(!(try await gateway.get(reads[3]).text.contains(productId)))
        }
    }

    @Test func cachedAnswersEqualUncachedOnes() async throws {
        let paths = [
            "/v1/products?limit=20", "/v1/products?limit=5&sort=price_desc&currency=JPY", "/v1/categories",
            "/v1/search?q=lamp", "/v1/search?q=%E3%81%8A&inStock=true", "/v1/products?category=books&inStock=true",
        ]
        func answers(cached: Bool) async throws -> [NSDictionary] {
            try await TestGateway.with({ $0.cachesCatalogReads = cached }) { gateway in
                #expect((gateway.running.catalogReadCache != nil) == cached)
                var bodies: [NSDictionary] = []
                for path in paths {
                    _ = try await gateway.get(path)
                    let body = try await gateway.get(path).body
                    bodies.append(try #require(try JSONSerialization.jsonObject(with: body) as? NSDictionary))
                }
                return bodies
            }
        }
        #expect(try await answers(cached: true) == answers(cached: false))
    }

    @Test func injectedFaultsTurnTheCacheOff() async throws {
        try await TestGateway.with({ $0.latency = 0...1 }) { gateway in
            #expect(gateway.running.catalogReadCache == nil)
        }
        try await TestGateway.with({ $0.failRate = 0.01 }) { gateway in
            #expect(gateway.running.catalogReadCache == nil)
        }
    }

    /// Two requests written at once: the first goes through the router, the second could be
    /// answered from the cache at once; the answers must still come back in request order.
    @Test func pipelinedAnswersKeepTheirOrder() async throws {
        try await TestGateway.with { gateway in
            _ = try await gateway.get("/v1/categories")
            let port = gateway.running.port
            let reply = try await Task.detached {
                try RawHTTP.exchange(
                    port: port,
                    "POST /v1/sessions/guest HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
                        + "GET /v1/categories HTTP/1.1\r\nHost: x\r\n\r\n",
                    until: { $0.components(separatedBy: "HTTP/1.1 ").count == 3 && $0.hasSuffix("}") })
            }.value
            let statuses = reply.components(separatedBy: "HTTP/1.1 ").dropFirst().map { String($0.prefix(3)) }
            #expect(statuses == ["201", "200"])
        }
    }

    private func entry(_ revision: UInt64, _ body: String) -> CatalogResponseCache.Entry {
        .init(revision: revision, headerFields: [.contentType: "application/json"], body: ByteBuffer(string: body))
    }

    private func text(_ entry: CatalogResponseCache.Entry) -> String {
        String(buffer: entry.body)
    }
}

/// A blocking loopback HTTP/1.1 exchange over a plain socket, for what an HTTP client library
/// will not do (pipelining).
enum RawHTTP {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func exchange(port: Int, _ request: String, until done: (String) -> Bool) throws -> String {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect() failed") }
        let bytes = Array(request.utf8)
        guard send(socket, bytes, bytes.count, 0) == bytes.count else { throw Failure(description: "send() failed") }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while !done(String(decoding: received, as: UTF8.self)) {
            let count = recv(socket, &chunk, chunk.count, 0)
            guard count > 0 else { throw Failure(description: "connection ended after: \(String(decoding: received, as: UTF8.self))") }
            received += chunk[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}
