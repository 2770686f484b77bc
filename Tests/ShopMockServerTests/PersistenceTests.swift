import Foundation
import Testing
@testable import ShopMockServer

@Suite struct PersistenceTests {
    func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("shop-gateway-\(UUID().uuidString)").path
    }

    @Test func stateSurvivesARestart() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let clock = GatewayClock()
        let configure: (inout GatewayConfiguration) -> Void = {
            $0.dataDirectory = directory
            $0.clock = clock
        }

        let (token, orderId, productId, stockAfter, guestToken, replayedToken) = try await TestGateway.with(configure) { gateway in
            let token = try await gateway.register(email: "keep@example.com")
            let product = try await gateway.anyProduct()
            try await gateway.add(product.id, quantity: 2, token: token)
            let order = try await gateway.placeOrder(token: token, key: "persisted-order")
            #expect(order.status == 201)
            try await gateway.add(product.id, quantity: 1, token: token)  // a cart left behind
            let guest = try await gateway.guestToken()
            try await gateway.add(product.id, quantity: 3, token: guest)
            // A session made with an Idempotency-Key: its replay record holds the token, so it stays in memory.
            let keyed = try await gateway.post("/v1/sessions/guest", headers: [("Idempotency-Key", "guest-1")])
            let replayed = keyed.object["token"] as? String ?? ""
            return (token, order.object["id"] as? String ?? "", product.id, try await gateway.stock(of: product.id), guest, replayed)
        }

        let attributes = try FileManager.default.attributesOfItem(atPath: directory)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        let file = (directory as NSString).appendingPathComponent("gateway.sqlite")
        let fileAttributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((fileAttributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // Neither the card number, the password nor a live token is on disk (WAL included).
        var raw = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            raw += try Data(contentsOf: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name)))
        }
        #expect(!raw.isEmpty)
        #expect(raw.range(of: Data("4242424242424242".utf8)) == nil)
        #expect(raw.range(of: Data("correct horse".utf8)) == nil)
        #expect(raw.range(of: Data(token.utf8)) == nil)
        #expect(raw.range(of: Data(replayedToken.utf8)) == nil)

        try await TestGateway.with(configure) { gateway in
            // The session, the order, the cart, stock and the idempotency record are back.
            #expect(try await gateway.get("/v1/orders/\(orderId)", token: token).status == 200)
            let cart = try await gateway.get("/v1/cart", token: token).object["lines"] as? [[String: Any]] ?? []
            #expect(cart.first?["quantity"] as? Int == 1)
            #expect(try await gateway.stock(of: productId) == stockAfter)
            let guestCart = try await gateway.get("/v1/cart", token: guestToken).object["lines"] as? [[String: Any]] ?? []
            #expect(guestCart.first?["quantity"] as? Int == 3)
            let replay = try await gateway.placeOrder(token: token, key: "persisted-order")
            #expect(replay.header("Idempotent-Replayed") == "true")
            #expect(replay.object["id"] as? String == orderId)
            let signIn = try await gateway.post("/v1/sessions", json: ["email": "keep@example.com", "password": "correct horse"])
            #expect(signIn.status == 200)
            let invoice = try await gateway.get("/v1/orders/\(orderId)/invoice", token: token).object
            #expect(invoice["number"] as? String == "INV-000001")
        }
    }

    @Test func adminProductChangesSurvive() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configure: (inout GatewayConfiguration) -> Void = { $0.dataDirectory = directory }
        let removed = try await TestGateway.with(configure) { gateway in
            let product = try await gateway.anyProduct()
            #expect(try await gateway.send("DELETE", "/v1/admin/products/\(product.id)", token: TestGateway.adminToken).status == 204)
            return product.id
        }
        let status = try await TestGateway.with(configure) { gateway in
            try await gateway.get("/v1/products/\(removed)").status
        }
        #expect(status == 404)
    }
}
