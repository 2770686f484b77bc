import Foundation
import ShopKit
import Testing

@Suite("Checkout, payment, shipping and orders through ShopKit")
struct CheckoutTests {
    static func request(_ card: CardInput = Fixtures.visa, option: ShippingOptionID = .standard,
                        currency: CurrencyCode? = nil) -> PlaceOrderRequest {
        PlaceOrderRequest(email: "buyer@example.com", address: Fixtures.address, shippingOption: option,
                          card: card, currency: currency)
    }

    @Test func shippingQuotes() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let empty = try await client.shipping.quote(address: Fixtures.address)
            #expect(!empty.isEmpty)
            #expect(empty.allSatisfy { $0.cost.isZero })

            try await client.cart.add(productID: Fixtures.skillet)
            let options = try await client.shipping.quote(address: Fixtures.address)
            let standard = try #require(options.first { $0.id == .standard })
            let express = try #require(options.first { $0.id == .express })
            #expect(standard.cost == Money(amount: 899, currency: .usd))
            #expect(standard.cost.formatted == "$8.99")
            #expect(express.cost > standard.cost)
            #expect(options.first?.id == .standard, "cheapest first")
            #expect(express.maxDays <= standard.maxDays)

            let inEuros = try await client.shipping.quote(address: Fixtures.address, currency: .eur)
            let standardEUR = try #require(inEuros.first { $0.id == .standard })
            #expect(standardEUR.cost == (try await client.currency.convert(standard.cost, to: .eur)))
        }
    }

    @Test("the gateway's card messages are the CardValidator's", arguments: [
        (Fixtures.amex, "Sorry, we cannot process amex credit cards. Only VISA or MasterCard is accepted."),
        (Fixtures.expired, "Your credit card (ending 0454) expired on 1/2024"),
        (CardInput(number: "4242 4242 4242 4241", cvv: "123", expMonth: 1, expYear: 2099), "Credit card info is invalid"),
    ])
    func cardMessages(card: CardInput, message: String) async throws {
        #expect(CardValidator.problem(with: card, at: Date())?.message == message)
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let error = await #expect(throws: ShopError.self) { try await client.payment.validate(card: card) }
            #expect(error?.status == 422)
            // The card is the whole body here, so fields are "number"/"expMonth" (at checkout: "card.number").
            let field = try #require(error?.fieldErrors.first?.field)
            #expect("card.\(field)" == CardValidator.problem(with: card, at: Date())?.field)
            #expect(error?.userMessage == message)
        }
    }

    @Test func validCardsAreAcceptedWithoutTheirSecrets() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let visa = try await client.payment.validate(card: Fixtures.visa)
            #expect(visa == CardCheck(brand: .visa, last4: "4242", expMonth: 12, expYear: 2099))
            #expect(try await client.payment.validate(card: Fixtures.mastercard).brand == .mastercard)
        }
    }

    @Test("declined cards are 402 and leave the cart alone", arguments: [
        (Fixtures.declined, "Your card was declined."),
        (Fixtures.insufficientFunds, "Your card has insufficient funds."),
    ])
    func declines(card: CardInput, message: String) async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            try await client.cart.add(productID: Fixtures.skillet)
            let error = await #expect(throws: ShopError.self) {
                try await client.checkout.placeOrder(Self.request(card))
            }
            #expect(error?.status == 402)
            #expect(error?.userMessage == message)
            #expect(try await client.cart.get().itemCount == 1)
            #expect(try await client.orders.listPage().items.isEmpty)
        }
    }

    @Test func placingAnOrderChargesShipsAndEmptiesTheCart() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let stockBefore = try await client.inventory.stock(productID: Fixtures.skillet).onHand
            try await client.cart.add(productID: Fixtures.skillet, quantity: 2, currency: .eur)
            try await client.cart.add(productID: Fixtures.coffeeSet, currency: .eur)
            let quote = try await client.shipping.quote(address: Fixtures.address, currency: .eur)
            let express = try #require(quote.first { $0.id == .express })

            let placed = try await client.checkout.placeOrder(Self.request(Fixtures.mastercard, option: .express, currency: .eur))
            let order = placed.order
            #expect(!placed.idempotencyKey.isEmpty)
            #expect(order.cardBrand == .mastercard)
            #expect(order.cardLast4 == "4444")
            #expect(order.shipping == express.cost)
            #expect(order.subtotal == Money.sum(order.lines.map(\.lineTotal), in: .eur))
            #expect(order.total == order.subtotal + order.shipping)
            #expect(order.lines.allSatisfy { $0.lineTotal == $0.unitPrice * $0.quantity })
            #expect(order.itemCount == 3)
            #expect(order.isCancellable)
            #expect(try await client.cart.get().isEmpty)
            #expect(try await client.inventory.stock(productID: Fixtures.skillet).onHand == stockBefore - 2)

            let invoice = try await client.orders.invoice(orderID: order.id)
            #expect(invoice.orderID == order.id)
            #expect(invoice.lines == order.lines)
            #expect(invoice.subtotal == order.subtotal)
            #expect(invoice.shipping == order.shipping)
            #expect(invoice.total == order.total)
            #expect(invoice.transactionID == order.transactionID)
            #expect(invoice.status == .paid)

            let inbox = try await client.notifications.listPage()
            #expect(inbox.items.contains { $0.kind == .orderConfirmation && $0.orderID == order.id })
            #expect((inbox.unreadCount ?? 0) >= 1)
        }
    }

    @Test func ordersProgressOnTheGatewayClock() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            try await client.cart.add(productID: Fixtures.skillet)
            let order = try await client.checkout.placeOrder(Self.request()).order
            #expect(order.status <= .paid)

            var seen: [OrderStatus] = [order.status]
            for _ in 0..<8 {
                try await client.admin.advanceClock(by: 600)
                seen.append(try await client.orders.get(id: order.id).status)
            }
            #expect(seen == seen.sorted(), "status only moves forward")
            #expect(seen.last == .delivered)

            let delivered = try await client.orders.get(id: order.id)
            let history = delivered.events.map(\.status)
            #expect(history == history.sorted())
            #expect(Array(history.suffix(5)) == [.packed, .shipped, .inTransit, .outForDelivery, .delivered])
            #expect(delivered.events.map(\.at) == delivered.events.map(\.at).sorted())
            #expect(!delivered.isCancellable)

            let tracking = try await client.shipping.track(trackingID: order.trackingID)
            #expect(tracking.status == .delivered)
            #expect(tracking.events.last?.status == .delivered)
            #expect(try await client.orders.tracking(orderID: order.id) == tracking)

            let summaries = try await client.orders.list().collect()
            #expect(summaries.map(\.id) == [order.id])
            #expect(summaries.first?.status == .delivered)
        }
    }

    @Test func anOrderCanBeCancelledOnlyBeforeItShips() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let stockBefore = try await client.inventory.stock(productID: Fixtures.skillet).onHand
            try await client.cart.add(productID: Fixtures.skillet, quantity: 2)
            let first = try await client.checkout.placeOrder(Self.request()).order
            let cancelled = try await client.orders.cancel(id: first.id)
            #expect(cancelled.status == .cancelled)
            #expect(!cancelled.isCancellable)
            #expect(try await client.orders.cancel(id: first.id).status == .cancelled, "cancelling again answers it again")
            #expect(try await client.inventory.stock(productID: Fixtures.skillet).onHand == stockBefore, "stock went back")
            #expect(try await client.orders.invoice(orderID: first.id).status == .refunded)

            try await client.cart.add(productID: Fixtures.skillet)
            let second = try await client.checkout.placeOrder(Self.request()).order
            try await client.admin.advanceClock(by: 200)  // past "shipped" at 180 s
            #expect(try await client.orders.get(id: second.id).status >= .shipped)
            let error = await #expect(throws: ShopError.self) { try await client.orders.cancel(id: second.id) }
            #expect(error?.status == 409)
        }
    }

    @Test func theSameKeyAndRequestReplayTheSameOrder() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            try await client.cart.add(productID: Fixtures.skillet)
            let key = ShopClient.makeIdempotencyKey()
            let first = try await client.checkout.placeOrder(Self.request(), idempotencyKey: key)
            #expect(first.idempotencyKey == key)
            let again = try await client.checkout.placeOrder(Self.request(), idempotencyKey: key)
            #expect(again.order.id == first.order.id)
            #expect(try await client.orders.listPage().items.count == 1)
            #expect(gateway.recorder.attempts(of: "placeOrder").allSatisfy { $0.idempotencyKey == key })

            let error = await #expect(throws: ShopError.self) {
                try await client.checkout.placeOrder(Self.request(option: .express), idempotencyKey: key)
            }
            #expect(error?.status == 422)
            #expect(try await client.orders.listPage().items.count == 1)
        }
    }

    @Test func everyPostCarriesAFreshIdempotencyKey() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            try await client.cart.add(productID: Fixtures.skillet)
            try await client.cart.add(productID: Fixtures.skillet)
            _ = try await client.shipping.quote(address: Fixtures.address)
            let posts = gateway.recorder.all.filter { $0.method == .post }
            #expect(posts.count == 4)  // guest session, two adds, one quote
            #expect(posts.allSatisfy { $0.idempotencyKey != nil })
            #expect(Set(posts.compactMap(\.idempotencyKey)).count == posts.count)
            #expect(gateway.recorder.all.filter { $0.method == .get }.allSatisfy { $0.idempotencyKey == nil })
        }
    }

    @Test func addressesAreForAccountsOnly() async throws {
        try await TestGateway.with { gateway in
            let client = gateway.client()
            let guestError = await #expect(throws: ShopError.self) { try await client.account.createAddress(Fixtures.address) }
            #expect(guestError?.status == 403)

            try await client.sessions.register(email: Fixtures.uniqueEmail(), password: "long enough pw", name: "Kay")
            let saved = try await client.account.createAddress(Fixtures.address)
            try await client.cart.add(productID: Fixtures.coffeeSet)
            let order = try await client.checkout.placeOrder(
                PlaceOrderRequest(email: "kay@example.com", savedAddressID: saved.id, card: Fixtures.visa)).order
            #expect(order.address.city == Fixtures.address.city)

            var bad = Fixtures.address
            bad.country = "USA"
            let invalid = await #expect(throws: ShopError.self) { try await client.account.createAddress(bad) }
            #expect(invalid?.status == 422 || invalid?.status == 400)
        }
    }
}
