import Foundation
import Testing
@testable import ShopMockServer

/// Issue 10, item 2: a guest's orders, invoices and messages follow them into the account
/// they register or sign in to from the guest session.
@Suite struct GuestHistoryTests {
    /// A guest checkout: the guest's token and the order's id.
    func guestCheckout(_ gateway: TestGateway, email: String) async throws -> (token: String, orderId: String) {
        let guest = try await gateway.guestToken()
        let product = try await gateway.anyProduct()
        try await gateway.add(product.id, token: guest)
        var body = TestGateway.orderBody()
        body["email"] = email
        let order = try await gateway.placeOrder(token: guest, body: body)
        #expect(order.status == 201)
        return (guest, order.object["id"] as? String ?? "")
    }

    func expectTheOrderIsTheAccounts(_ gateway: TestGateway, orderId: String, account: String, guest: String) async throws {
        let orders = try await gateway.get("/v1/orders", token: account).object["items"] as? [[String: Any]] ?? []
        #expect(orders.map { $0["id"] as? String } == [orderId])
        #expect(try await gateway.get("/v1/orders/\(orderId)", token: account).status == 200)
        #expect(try await gateway.get("/v1/orders/\(orderId)/invoice", token: account).status == 200)
        let inbox = try await gateway.get("/v1/notifications", token: account).object["items"] as? [[String: Any]] ?? []
        #expect(inbox.contains { $0["orderId"] as? String == orderId && $0["kind"] as? String == "order_confirmation" })
        // The guest session no longer reaches them: they moved, they were not copied.
        #expect(try await gateway.get("/v1/orders/\(orderId)", token: guest).status == 404)
        let guestInbox = try await gateway.get("/v1/notifications", token: guest).object["items"] as? [[String: Any]] ?? []
        #expect(guestInbox.isEmpty)
    }

    @Test func registeringFromTheGuestSessionTakesTheOrderAlong() async throws {
        try await TestGateway.with { gateway in
            let (guest, orderId) = try await guestCheckout(gateway, email: "later@example.com")
            let account = try await gateway.register(email: "later@example.com", guestToken: guest)
            try await expectTheOrderIsTheAccounts(gateway, orderId: orderId, account: account, guest: guest)
        }
    }

    @Test func signingInFromTheGuestSessionTakesTheOrderAlong() async throws {
        try await TestGateway.with { gateway in
            _ = try await gateway.register(email: "known@example.com", password: "correct horse")
            let (guest, orderId) = try await guestCheckout(gateway, email: "known@example.com")
            let signIn = try await gateway.post(
                "/v1/sessions", token: guest, json: ["email": "known@example.com", "password": "correct horse"])
            #expect(signIn.status == 200)
            let account = signIn.object["token"] as? String ?? ""
            try await expectTheOrderIsTheAccounts(gateway, orderId: orderId, account: account, guest: guest)
        }
    }
}
