import Foundation
import ShopKit
import Testing

/// One walk through every operation of the contract, checking each answer a little.
enum ContractTour {
    static func run(_ client: ShopClient) async throws {
        // Health, catalog, inventory, currency, recommendations, ads: no session needed.
        #expect(try await client.health().status == "ok")
        let categories = try await client.catalog.categories()
        #expect(!categories.isEmpty)
        let firstPage = try await client.catalog.productsPage(category: "kitchen", limit: 3)
        #expect(firstPage.items.count == 3)
        let product = try await client.catalog.product(id: Fixtures.skillet, currency: .eur)
        #expect(product.price.currency == .eur)
        let hits = try await client.catalog.searchPage("skillet", limit: 5)
        #expect(hits.items.first?.product.id == Fixtures.skillet)
        #expect(try await client.inventory.stock(productID: Fixtures.skillet).onHand > 0)
        #expect(try await client.currency.list().count == 6)
        #expect(try await client.currency.convert(Money(amount: 1999, currency: .usd), to: .eur).amount == 1768)
        #expect(try await client.recommendations.for(productIDs: [Fixtures.skillet]).count <= 5)
        #expect(try await !client.ads.for(categories: ["kitchen"]).isEmpty)

        // A guest session starts on demand; then the account.
        let guest = try await client.sessions.startGuest()
        #expect(guest.isGuest)
        try await client.cart.add(productID: Fixtures.skillet, quantity: 2)
        let email = Fixtures.uniqueEmail()
        let registered = try await client.sessions.register(email: email, password: "correct horse", name: "Ada")
        #expect(!registered.isGuest)
        try await client.sessions.refresh()
        try await client.sessions.signOut()
        let signedIn = try await client.sessions.signIn(email: email, password: "correct horse")
        #expect(signedIn.user.email == email)

        // Account.
        #expect(try await client.account.profile().email == email)
        #expect(try await client.account.updateProfile(name: "Ada L.", preferredCurrency: .gbp).preferredCurrency == .gbp)
        let saved = try await client.account.createAddress(Fixtures.address)
        var moved = Fixtures.address
        moved.city = "Shelbyville"
        #expect(try await client.account.updateAddress(id: saved.id, with: moved).city == "Shelbyville")
        #expect(try await client.account.addresses().map(\.id) == [saved.id])

        // Cart.
        var cart = try await client.cart.get()
        #expect(cart.line(for: Fixtures.skillet)?.quantity == 2)
        cart = try await client.cart.add(productID: Fixtures.coffeeSet)
        cart = try await client.cart.setQuantity(productID: Fixtures.coffeeSet, to: 3)
        cart = try await client.cart.remove(productID: Fixtures.coffeeSet)
        #expect(cart.line(for: Fixtures.coffeeSet) == nil)
        #expect(try await client.cart.clear().isEmpty)
        cart = try await client.cart.add(productID: Fixtures.skillet, quantity: 2)

        // Shipping, payment, checkout.
        let options = try await client.shipping.quote(address: Fixtures.address)
        #expect(options.map(\.id).contains(.standard))
        #expect(try await client.payment.validate(card: Fixtures.visa).last4 == "4242")
        let placed = try await client.checkout.placeOrder(
            PlaceOrderRequest(email: email, savedAddressID: saved.id, card: Fixtures.visa))
        let order = placed.order

        // Orders and tracking.
        #expect(try await client.orders.listPage().items.first?.id == order.id)
        #expect(try await client.orders.get(id: order.id).total == order.total)
        #expect(try await client.orders.tracking(orderID: order.id).trackingID == order.trackingID)
        #expect(try await client.shipping.track(trackingID: order.trackingID).orderID == order.id)
        #expect(try await client.orders.invoice(orderID: order.id).total == order.total)
        #expect(try await client.orders.cancel(id: order.id).status == .cancelled)

        // Notifications and activity.
        let inbox = try await client.notifications.listPage()
        let message = try #require(inbox.items.first)
        #expect(try await client.notifications.markRead(id: message.id).isRead)
        #expect(try await client.notifications.markAllRead() == 0)
        #expect(try await !client.account.activityPage().items.isEmpty)

        // Admin.
        let code = "TST-\(UUID().uuidString.prefix(6))"
        let created = try await client.admin.createProduct(ProductInput(
            code: code, name: "Test Kettle", description: "Boils.", category: "kitchen", priceUSD: 2500, stock: 4))
        var changed = ProductInput(code: code, name: "Test Kettle 2", description: "Boils faster.",
                                   category: "kitchen", priceUSD: 2600, stock: 5)
        changed.rating = 4.5
        #expect(try await client.admin.updateProduct(id: created.id, with: changed).stock == 5)
        try await client.admin.deleteProduct(id: created.id)
        #expect(try await !client.admin.activityPage(limit: 5).items.isEmpty)
        _ = try await client.admin.advanceClock(by: 1)
        let keySession = try await client.admin.keySession(fingerprint: "SHA256:" + String(repeating: "A", count: 43))
        #expect(keySession.isGuest)

        try await client.account.deleteAddress(id: saved.id)
        #expect(try await client.account.addresses().isEmpty)
    }
}
