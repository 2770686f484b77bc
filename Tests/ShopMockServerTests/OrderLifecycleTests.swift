import Foundation
import Testing

@Suite struct OrderLifecycleTests {
    func placedOrder(_ gateway: TestGateway, quantity: Int = 2) async throws -> (token: String, order: [String: Any], productId: String) {
        let token = try await gateway.register()
        let product = try await gateway.anyProduct()
        try await gateway.add(product.id, quantity: quantity, token: token)
        let response = try await gateway.placeOrder(token: token)
        guard response.status == 201 else { throw TestFailure("order failed: \(response.text)") }
        return (token, response.object, product.id)
    }

    @Test func progressesOnTheGatewayClockWithNotifications() async throws {
        try await TestGateway.with { gateway in
            let (token, order, _) = try await placedOrder(gateway)
            let id = order["id"] as? String ?? ""
            func status() async throws -> String? { try await gateway.get("/v1/orders/\(id)", token: token).object["status"] as? String }
            #expect(try await status() == "paid")

            let advance = try await gateway.post("/v1/admin/clock/advance", token: TestGateway.adminToken, json: ["seconds": 90])
            #expect(advance.status == 200)
            #expect(try await status() == "packed")
            gateway.clock.advance(by: 120)
            #expect(try await status() == "shipped")
            gateway.clock.advance(by: 3_600)
            let delivered = try await gateway.get("/v1/orders/\(id)", token: token).object
            #expect(delivered["status"] as? String == "delivered")
            #expect(delivered["cancellable"] as? Bool == false)
            let events = (delivered["events"] as? [[String: Any]] ?? []).map { $0["status"] as? String ?? "" }
            #expect(events == ["placed", "paid", "packed", "shipped", "in_transit", "out_for_delivery", "delivered"])

            let tracking = try await gateway.get("/v1/orders/\(id)/tracking", token: token).object
            #expect(tracking["status"] as? String == "delivered")
            let trackingEvents = tracking["events"] as? [[String: Any]] ?? []
            #expect(trackingEvents.count == 7)
            #expect(trackingEvents.last?["location"] as? String == "Lisboa, PT")
            let byTrackingId = try await gateway.get("/v1/shipping/tracking/\(order["trackingId"] as? String ?? "")", token: token)
            #expect(byTrackingId.object["orderId"] as? String == id)

            let inbox = try await gateway.get("/v1/notifications?limit=100", token: token).object["items"] as? [[String: Any]] ?? []
            let updates = inbox.filter { $0["kind"] as? String == "shipping_update" && $0["orderId"] as? String == id }
            #expect(updates.count == 4)  // shipped, in transit, out for delivery, delivered
        }
    }

    @Test func cancelBeforeShippingReturnsStockAndRefunds() async throws {
        try await TestGateway.with { gateway in
            let (token, order, productId) = try await placedOrder(gateway, quantity: 3)
            let id = order["id"] as? String ?? ""
            let stockAfterOrder = try await gateway.stock(of: productId)
            gateway.clock.advance(by: 90)  // packed: still cancellable
            let cancelled = try await gateway.post("/v1/orders/\(id)/cancel", token: token)
            #expect(cancelled.status == 200)
            #expect(cancelled.object["status"] as? String == "cancelled")
            #expect(cancelled.object["cancellable"] as? Bool == false)
            #expect(try await gateway.stock(of: productId) == stockAfterOrder + 3)
            let invoice = try await gateway.get("/v1/orders/\(id)/invoice", token: token).object
            #expect(invoice["status"] as? String == "refunded")
            // Cancelling again answers the cancelled order; the clock no longer moves it.
            #expect(try await gateway.post("/v1/orders/\(id)/cancel", token: token).status == 200)
            gateway.clock.advance(by: 7_200)
            #expect(try await gateway.get("/v1/orders/\(id)", token: token).object["status"] as? String == "cancelled")
            #expect(try await gateway.stock(of: productId) == stockAfterOrder + 3)
            let kinds = (try await gateway.get("/v1/notifications", token: token).object["items"] as? [[String: Any]] ?? [])
                .map { $0["kind"] as? String ?? "" }
            #expect(kinds.contains("order_cancelled"))
        }
    }

    @Test func cannotCancelAfterShipping() async throws {
        try await TestGateway.with { gateway in
            let (token, order, productId) = try await placedOrder(gateway)
            let id = order["id"] as? String ?? ""
            let stock = try await gateway.stock(of: productId)
            gateway.clock.advance(by: 200)  // shipped
            let response = try await gateway.post("/v1/orders/\(id)/cancel", token: token)
            #expect(response.status == 409)
            #expect(response.problemSlug == "not-cancellable")
            #expect(try await gateway.stock(of: productId) == stock)
        }
    }

    @Test func invoiceTotalsEqualTheOrder() async throws {
        try await TestGateway.with { gateway in
            let (token, order, _) = try await placedOrder(gateway)
            let invoice = try await gateway.get("/v1/orders/\(order["id"] as? String ?? "")/invoice", token: token).object
            #expect((invoice["number"] as? String)?.hasPrefix("INV-") == true)
            #expect((invoice["number"] as? String)?.count == 10)
            for key in ["subtotal", "shipping", "total"] {
                #expect(invoice.money(key) == order.money(key), "\(key)")
            }
            #expect(invoice["status"] as? String == "paid")
            #expect(invoice["transactionId"] as? String == order["transactionId"] as? String)
            #expect((invoice["lines"] as? [Any] ?? []).count == (order["lines"] as? [Any] ?? []).count)

            // Invoice numbers count up, one per order.
            let (token2, order2, _) = try await placedOrder(gateway)
            let second = try await gateway.get("/v1/orders/\(order2["id"] as? String ?? "")/invoice", token: token2).object
            #expect(second["number"] as? String != invoice["number"] as? String)
        }
    }

    @Test func ordersListNewestFirstWithCursor() async throws {
        try await TestGateway.with { gateway in
            let token = try await gateway.register()
            let product = try await gateway.anyProduct()
            var ids: [String] = []
            for _ in 0..<3 {
                try await gateway.add(product.id, token: token)
                ids.append(try await gateway.placeOrder(token: token).object["id"] as? String ?? "")
                gateway.clock.advance(by: 1)
            }
            let firstPage = try await gateway.get("/v1/orders?limit=2", token: token).object
            let firstIds = (firstPage["items"] as? [[String: Any]] ?? []).map { $0["id"] as? String ?? "" }
            #expect(firstIds == [ids[2], ids[1]])
            let cursor = try #require(firstPage["nextCursor"] as? String)
            let secondPage = try await gateway.get("/v1/orders?limit=2&cursor=\(cursor)", token: token).object
            #expect((secondPage["items"] as? [[String: Any]] ?? []).map { $0["id"] as? String ?? "" } == [ids[0]])
            #expect(secondPage["nextCursor"] == nil)
            #expect(try await gateway.get("/v1/orders?cursor=garbage", token: token).status == 400)
        }
    }

    @Test func notificationsCanBeMarkedRead() async throws {
        try await TestGateway.with { gateway in
            let (token, _, _) = try await placedOrder(gateway)
            let inbox = try await gateway.get("/v1/notifications", token: token).object
            #expect(inbox["unreadCount"] as? Int == 2)  // welcome + confirmation
            let first = (inbox["items"] as? [[String: Any]] ?? [])[at: 0]["id"] as? String ?? ""
            let read = try await gateway.post("/v1/notifications/\(first)/read", token: token)
            #expect(read.object["read"] as? Bool == true)
            #expect(try await gateway.get("/v1/notifications?unreadOnly=true", token: token).object["unreadCount"] as? Int == 1)
            let all = try await gateway.post("/v1/notifications/read-all", token: token)
            #expect(all.object["unreadCount"] as? Int == 0)
            let other = try await gateway.guestToken()
            #expect(try await gateway.post("/v1/notifications/\(first)/read", token: other).status == 404)
        }
    }
}
