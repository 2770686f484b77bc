import Foundation
import ShopKit
import Testing

@Suite("Cart rules through ShopKit")
struct CartTests {
    @Test func aGuestSessionStartsOnDemandAndReAddIncreasesTheQuantity() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            #expect(await client.currentSession == nil)
            #expect(try await client.cart.get().isEmpty)
            let session = try #require(await client.currentSession)
            #expect(session.isGuest)
            #expect(gateway.recorder.attempts(of: "createGuestSession").count == 1)

            try await client.cart.add(productID: Fixtures.skillet, quantity: 2)
            let cart = try await client.cart.add(productID: Fixtures.skillet, quantity: 3)
            #expect(cart.lines.count == 1)
            #expect(cart.line(for: Fixtures.skillet)?.quantity == 5)
            #expect(cart.itemCount == 5)
            #expect(cart.subtotal == Money(amount: 3499, currency: .usd) * 5)
            #expect(gateway.recorder.attempts(of: "createGuestSession").count == 1, "one guest session, reused")
        }
    }

    @Test("one add is 1 to 10 units", arguments: [0, 11])
    func addQuantityBounds(quantity: Int) async throws {
        try await TestGateway.with { gateway async throws in
            let client = gateway.client()
            let error = await #expect(throws: ShopError.self) {
                try await client.cart.add(productID: Fixtures.skillet, quantity: quantity)
            }
            #expect(error?.status == 422 || error?.status == 400)
            #expect(try await client.cart.get().isEmpty)
            #expect(try await client.cart.add(productID: Fixtures.skillet, quantity: 10).itemCount == 10)
        }
    }

    @Test func neverMoreThanTheStockOnHand() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let stock = try await client.inventory.stock(productID: Fixtures.cuttingBoard)
            #expect(stock.onHand == 3)
            #expect(stock.availability == .lowStock)

            let error = await #expect(throws: ShopError.self) {
                try await client.cart.add(productID: Fixtures.cuttingBoard, quantity: 4)
            }
            #expect(error?.status == 409)
            #expect(error?.isStockConflict == true)
            #expect(error?.problem?.available == 3)
            #expect(error?.problem?.productID == Fixtures.cuttingBoard)

            try await client.cart.add(productID: Fixtures.cuttingBoard, quantity: 3)
            let setError = await #expect(throws: ShopError.self) {
                try await client.cart.setQuantity(productID: Fixtures.cuttingBoard, to: 4)
            }
            #expect(setError?.problem?.available == 3)

            let outOfStock = await #expect(throws: ShopError.self) {
                try await client.cart.add(productID: Fixtures.chefsKnife)
            }
            #expect(outOfStock?.problem?.available == 0)
        }
    }

    @Test func setQuantityZeroRemovesAndClearEmpties() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            try await client.cart.add(productID: Fixtures.skillet)
            try await client.cart.add(productID: Fixtures.coffeeSet, quantity: 2)
            var cart = try await client.cart.setQuantity(productID: Fixtures.skillet, to: 0)
            #expect(cart.line(for: Fixtures.skillet) == nil)
            cart = try await client.cart.remove(productID: "not-in-cart")
            #expect(cart.itemCount == 2)
            cart = try await client.cart.clear(currency: .eur)
            #expect(cart.isEmpty)
            #expect(cart.subtotal == .zero(.eur))
        }
    }

    @Test func cartPricesFollowTheRequestedCurrency() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let cart = try await client.cart.add(productID: Fixtures.skillet, quantity: 2, currency: .jpy)
            let unit = try await client.currency.convert(Money(amount: 3499, currency: .usd), to: .jpy)
            #expect(cart.line(for: Fixtures.skillet)?.unitPrice == unit)
            #expect(cart.subtotal.currency == .jpy)
        }
    }

    @Test func signingInMergesTheGuestCart() async throws {
        try await TestGateway.with { gateway in
            let email = Fixtures.uniqueEmail()
            // An account with something already in its cart.
            let other = gateway.client()
            try await other.sessions.register(email: email, password: "hunter2hunter2", name: "Grace")
            try await other.cart.add(productID: Fixtures.coffeeSet)
            try await other.sessions.signOut()

            let client = gateway.client()
            try await client.cart.add(productID: Fixtures.skillet, quantity: 2)
            let guestToken = try #require(await client.currentSession?.token)
            let session = try await client.sessions.signIn(email: email, password: "hunter2hunter2")
            #expect(!session.isGuest)
            #expect(gateway.recorder.attempts(of: "signIn").last?.authorization == "Bearer \(guestToken)")

            let cart = try await client.cart.get()
            #expect(cart.line(for: Fixtures.skillet)?.quantity == 2)
            #expect(cart.line(for: Fixtures.coffeeSet)?.quantity == 1)
        }
    }

    @Test func anExpiredGuestTokenIsRefreshedBeforeSignInSoTheCartStillMerges() async throws {
        // The gateway's clock starts two hours behind ours: the guest token it issues has
        // already expired by our clock. Then the gateway catches up, and it has by its clock too.
        try await TestGateway.with(tokenLifetime: 3600, clockStart: Date().addingTimeInterval(-7200)) { gateway in
            let email = Fixtures.uniqueEmail()
            try await gateway.client().sessions.register(email: email, password: "long enough pw", name: "Eve")

            let client = gateway.client()
            try await client.cart.add(productID: Fixtures.skillet, quantity: 2)
            gateway.running.clock.advance(by: 7200)
            try await client.sessions.signIn(email: email, password: "long enough pw")
            #expect(gateway.recorder.attempts(of: "refreshSession").count == 1)
            #expect(try await client.cart.get().line(for: Fixtures.skillet)?.quantity == 2)
        }
    }

    @Test func registeringCarriesTheGuestCartOver() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            try await client.cart.add(productID: Fixtures.skillet, quantity: 3)
            try await client.sessions.register(email: Fixtures.uniqueEmail(), password: "long enough pw", name: "Lin")
            #expect(try await client.cart.get().line(for: Fixtures.skillet)?.quantity == 3)
        }
    }

    @Test func wrongPasswordIsA401WithoutRefreshing() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let error = await #expect(throws: ShopError.self) {
                try await client.sessions.signIn(email: "nobody@example.com", password: "wrong password")
            }
            #expect(error?.status == 401)
            #expect(gateway.recorder.attempts(of: "refreshSession").isEmpty)
        }
    }
}
