import Foundation
import ShopKit
import Testing
import TerminalUI
@testable import ShopApp

/// Drives the checkout by key presses, feeding the gateway's answers in.
enum CheckoutDriver {
    static let card = "4242424242424242"

    /// Browse → cart → checkout, through Contact and a new Address, to Shipping with options.
    static func toShipping(_ state: inout AppState) {
        Fixtures.press([.character("c")], &state)
        Fixtures.press([.enter], &state)
        _ = Fixtures.type("grace@example.com", &state)
        Fixtures.press([.enter], &state)
        let fields: [(AddressField, String)] = [(.name, "Grace Hopper"), (.line1, "1 Navy Way"), (.city, "Arlington"), (.region, "VA"),
                                                (.postalCode, "22201"), (.country, "US")]
        for (field, text) in fields {
            state.checkout!.addressForm.focus = field
            _ = Fixtures.type(text, &state)
        }
        let effects = Fixtures.press([.enter], &state)
        #expect(effects == [.quoteShipping(Fixtures.addressInput, currency: .usd, purpose: .checkout)])
        _ = reduce(&state, .shippingQuoted(.checkout, .success(Fixtures.shippingOptions)))
    }

    /// … then Shipping (standard), Payment with the test card, to Review.
    static func toReview(_ state: inout AppState, card number: String = card) {
        toShipping(&state)
        shippingToReview(&state, card: number)
    }

    /// From Shipping: the standard option, Payment with the test card, to Review.
    static func shippingToReview(_ state: inout AppState, card number: String = card) {
        Fixtures.press([.enter], &state)
        _ = Fixtures.type(number, &state)
        Fixtures.press([.tab], &state)
        _ = Fixtures.type("12/30", &state)
        Fixtures.press([.tab], &state)
        _ = Fixtures.type("123", &state)
        Fixtures.press([.enter], &state)
    }
}

@Suite("Reducer: checkout")
struct CheckoutReducerTests {
    @Test("Home and End (g and G) choose the first and the last shipping option; the step stays")
    func homeAndEndOnShipping() {
        var state = Fixtures.browsing()
        CheckoutDriver.toShipping(&state)
        Fixtures.press([.end], &state)
        #expect(state.checkout?.step == .shipping)
        #expect(state.checkout?.selectedShipping?.id == Fixtures.shippingOptions.last?.id)
        Fixtures.press([.home], &state)
        #expect(state.checkout?.selectedShipping?.id == Fixtures.shippingOptions.first?.id)
        Fixtures.press([.character("G")], &state)
        #expect(state.checkout?.selectedShipping?.id == Fixtures.shippingOptions.last?.id)
        Fixtures.press([.pageUp], &state)
        #expect(state.checkout?.selectedShipping?.id == Fixtures.shippingOptions.first?.id)
        #expect(state.checkout?.step == .shipping)
    }

    @Test("Every step in order, from the cart to the confirmation and the tracker")
    func happyPath() throws {
        var state = Fixtures.browsing()
        CheckoutDriver.toShipping(&state)
        #expect(state.checkout?.step == .shipping)
        #expect(state.checkout?.selectedShipping?.id == .standard)
        Fixtures.press([.enter], &state)
        #expect(state.checkout?.step == .payment)
        _ = Fixtures.type("4242424242424242", &state)
        #expect(state.checkout?.card.groupedNumber == "4242 4242 4242 4242")
        #expect(state.checkout?.card.brand == .visa)
        Fixtures.press([.tab], &state)
        _ = Fixtures.type("12/30", &state)
        Fixtures.press([.tab], &state)
        _ = Fixtures.type("123", &state)
        Fixtures.press([.enter], &state)
        #expect(state.checkout?.step == .review)

        let prepare = Fixtures.press([.enter], &state)
        #expect(prepare == [.makeIdempotencyKey])
        let place = reduce(&state, .idempotencyKeyCreated("key-1"))
        let request = try #require(CheckoutReducer.request(state))
        #expect(place == [.placeOrder(request, idempotencyKey: "key-1")])
        #expect(request.address == Fixtures.addressInput)
        #expect(request.shippingOption == .standard)
        #expect(request.card.last4 == "4242")
        #expect(request.card.expMonth == 12 && request.card.expYear == 2030)

        let order = Fixtures.order()
        state.browse.detailProductID = "p-shown"
        let done = reduce(&state, .orderPlaced(idempotencyKey: "key-1", .success(order)))
        #expect(state.checkout?.step == .done)
        #expect(state.checkout?.placedOrder == order)
        #expect(state.checkout?.card.digits == "")  // the card is forgotten
        #expect(done.contains(.loadCart(currency: .usd)))
        #expect(done.contains(.loadProduct(id: "p-shown", currency: .usd)))  // the order took some of its stock

        let track = Fixtures.press([.enter], &state)
        #expect(state.screen == .orderDetail)
        #expect(state.checkout == nil)
        #expect(track == [.loadOrder(id: "ord-1001"), .loadTracking(orderID: "ord-1001")])
        _ = reduce(&state, .orderLoaded(id: "ord-1001", .success(order)))
        #expect(state.orders.detail?.order.value == order)
    }

    @Test("A second Enter on Place sends nothing")
    func noDoubleSubmit() {
        var state = Fixtures.browsing()
        CheckoutDriver.toReview(&state)
        #expect(Fixtures.press([.enter], &state) == [.makeIdempotencyKey])
        #expect(Fixtures.press([.enter], &state).isEmpty)
        _ = reduce(&state, .idempotencyKeyCreated("key-1"))
        #expect(state.checkout?.placement == .placing)
        #expect(Fixtures.press([.enter, .enter], &state).isEmpty)
        #expect(Fixtures.press([.escape], &state).isEmpty)
        #expect(state.checkout?.step == .review)
    }

    @Test("A retry after a network failure reuses the idempotency key")
    func retryReusesKey() throws {
        var state = Fixtures.browsing()
        CheckoutDriver.toReview(&state)
        Fixtures.press([.enter], &state)
        _ = reduce(&state, .idempotencyKeyCreated("key-1"))
        _ = reduce(&state, .orderPlaced(idempotencyKey: "key-1", .failure(ServiceFailure(kind: .network, message: "connection reset"))))
        #expect(state.checkout?.placement == .failed("connection reset"))
        #expect(state.connection == .offline)
        #expect(state.checkout?.idempotencyKey == "key-1")
        let retry = Fixtures.press([.enter], &state)
        let request = try #require(CheckoutReducer.request(state))
        #expect(retry == [.placeOrder(request, idempotencyKey: "key-1")])
        // A late answer for some other key is ignored.
        _ = reduce(&state, .orderPlaced(idempotencyKey: "other", .success(Fixtures.order())))
        #expect(state.checkout?.step == .review)
        _ = reduce(&state, .orderPlaced(idempotencyKey: "key-1", .success(Fixtures.order())))
        #expect(state.checkout?.step == .done)
    }

    @Test("A declined card returns to Payment with the gateway's message; a new card gets a new key")
    func declinedCard() {
        var state = Fixtures.browsing()
        CheckoutDriver.toReview(&state, card: "4000000000000002")
        Fixtures.press([.enter], &state)
        _ = reduce(&state, .idempotencyKeyCreated("key-1"))
        _ = reduce(&state, .orderPlaced(idempotencyKey: "key-1", .failure(ServiceFailure(kind: .paymentDeclined, message: "Your card was declined."))))
        #expect(state.checkout?.step == .payment)
        #expect(state.checkout?.stepMessage == nil)
        #expect(state.checkout?.card.errors[.number] == "Your card was declined. Nothing was charged: enter another card.")
        #expect(state.checkout?.placement == .idle)
        // Type another card: a different request, so a fresh key.
        Fixtures.press(Array(repeating: .backspace, count: 16), &state)
        _ = Fixtures.type(CheckoutDriver.card, &state)
        Fixtures.press([.enter], &state)
        #expect(state.checkout?.step == .review)
        #expect(Fixtures.press([.enter], &state) == [.makeIdempotencyKey])
    }

    @Test("After a declined card, Esc back to Contact: letters type into the e-mail, and the card's message stays behind")
    func lettersTypeAfterARefusedCheckout() {
        var state = Fixtures.browsing()
        CheckoutDriver.toReview(&state, card: "4000000000000002")
        Fixtures.press([.enter], &state)
        _ = reduce(&state, .idempotencyKeyCreated("key-1"))
        _ = reduce(&state, .orderPlaced(idempotencyKey: "key-1", .failure(ServiceFailure(kind: .paymentDeclined, message: "Your card was declined."))))
        Fixtures.press([.escape, .escape, .escape], &state)  // payment → shipping → address → contact
        #expect(state.checkout?.step == .contact)
        #expect(state.checkout?.stepMessage == nil)
        Fixtures.press([.ctrl("u")], &state)
        let effects = Fixtures.type("grace@navy.mil", &state)
        #expect(state.checkout?.email.text == "grace@navy.mil")
        #expect(state.screen == .checkout && effects.isEmpty)  // no letter ran as a shortcut
    }

    @Test("An expired card is caught on the Payment step by the card checks")
    func expiredCard() {
        var state = Fixtures.browsing()
        CheckoutDriver.toShipping(&state)
        Fixtures.press([.enter], &state)
        _ = Fixtures.type(CheckoutDriver.card, &state)
        Fixtures.press([.tab], &state)
        _ = Fixtures.type("01/24", &state)
        Fixtures.press([.tab], &state)
        _ = Fixtures.type("123", &state)
        Fixtures.press([.enter], &state)
        #expect(state.checkout?.step == .payment)
        #expect(state.checkout?.card.errors[.expiry] == "Your credit card (ending 4242) expired on 1/2024")
    }

    @Test("A rejected address on placing returns to the Address step with the field error")
    func addressRejected() {
        var state = Fixtures.browsing()
        CheckoutDriver.toReview(&state)
        Fixtures.press([.enter], &state)
        _ = reduce(&state, .idempotencyKeyCreated("key-1"))
        let failure = ServiceFailure(kind: .validation, message: "The address is invalid", fieldErrors: ["address.postalCode": "Unknown postal code"])
        _ = reduce(&state, .orderPlaced(idempotencyKey: "key-1", .failure(failure)))
        #expect(state.checkout?.step == .address)
        #expect(state.checkout?.addressForm.errors[.postalCode] == "Unknown postal code")
        #expect(state.checkout?.addressForm.text(.name) == "Grace Hopper")  // nothing typed is lost
    }

    @Test("Stock gone at placing sends the person to the cart with the message")
    func stockGone() {
        var state = Fixtures.browsing()
        CheckoutDriver.toReview(&state)
        Fixtures.press([.enter], &state)
        _ = reduce(&state, .idempotencyKeyCreated("key-1"))
        let effects = reduce(&state, .orderPlaced(idempotencyKey: "key-1", .failure(ServiceFailure(kind: .conflict, message: "Trail backpack is out of stock", productID: "p4", available: 0))))
        #expect(state.screen == .cart)
        #expect(state.banner?.text == "Trail backpack is out of stock")
        #expect(effects.contains(.loadCart(currency: .usd)))
    }

    @Test("Field checks keep the wizard on the step at fault")
    func validation() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("c"), .enter], &state)
        _ = Fixtures.type("not-an-email", &state)
        Fixtures.press([.enter], &state)
        #expect(state.checkout?.step == .contact)
        #expect(state.checkout?.emailError != nil)
        Fixtures.press([.ctrl("u")], &state)
        _ = Fixtures.type("a@b.co", &state)
        Fixtures.press([.enter, .enter], &state)
        #expect(state.checkout?.step == .address)
        #expect(state.checkout?.addressForm.errors[.name] == "Full name is required")
        #expect(state.checkout?.addressForm.errors[.country] == nil)  // filled in with US
        #expect(state.checkout?.addressForm.text(.country) == "US")
    }

    @Test("q during checkout asks first; Ctrl-C quits at once")
    func quitConfirm() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("c"), .enter], &state)
        Fixtures.press([.escape], &state)  // back to the cart: not in the wizard
        #expect(Fixtures.press([.character("q")], &state) == [.quit])
        state = Fixtures.browsing()
        CheckoutDriver.toShipping(&state)
        #expect(Fixtures.press([.character("q")], &state).isEmpty)
        #expect(state.overlay == .confirmQuit)
        Fixtures.press([.escape], &state)
        #expect(state.overlay == nil && state.isRunning)
        Fixtures.press([.character("q")], &state)
        #expect(Fixtures.press([.character("y")], &state) == [.quit])
        #expect(!state.isRunning)
    }

    @Test("A signed-in person picks a saved address")
    func savedAddress() {
        var state = Fixtures.browsing()
        _ = reduce(&state, .signedIn(.success(Fixtures.account)))
        Fixtures.press([.character("c")], &state)
        let effects = Fixtures.press([.enter], &state)
        #expect(effects.contains(.loadAddresses))
        #expect(state.checkout?.email.text == "ada@example.com")
        _ = reduce(&state, .addressesLoaded(.success([Fixtures.savedAddress])))
        Fixtures.press([.enter], &state)
        #expect(state.checkout?.step == .address)
        #expect(!state.isTyping)
        let quote = Fixtures.press([.enter], &state)
        #expect(quote == [.quoteShipping(Fixtures.savedAddress.input, currency: .usd, purpose: .checkout)])
        #expect(state.checkout?.confirmedAddressID == "a1")
    }
}

@Suite("Reducer: orders, account, inbox")
struct OrdersAccountReducerTests {
    @Test("The tracker refreshes itself while open and stops once delivered")
    func trackerRefresh() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("o")], &state)
        _ = reduce(&state, .ordersLoaded(.success(Page(items: Fixtures.orderSummaries))))
        let open = Fixtures.press([.enter], &state)
        #expect(open == [.loadOrder(id: "ord-1001"), .loadTracking(orderID: "ord-1001")])
        _ = reduce(&state, .orderLoaded(id: "ord-1001", .success(Fixtures.order(status: .shipped, cancellable: false))))
        #expect(reduce(&state, .tick(Fixtures.now.addingTimeInterval(1))).isEmpty)
        let refresh = reduce(&state, .tick(Fixtures.now.addingTimeInterval(3)))
        #expect(refresh == [.loadOrder(id: "ord-1001"), .loadTracking(orderID: "ord-1001")])
        #expect(reduce(&state, .tick(Fixtures.now.addingTimeInterval(10))).isEmpty)  // one at a time
        _ = reduce(&state, .orderLoaded(id: "ord-1001", .success(Fixtures.order(status: .delivered, cancellable: false))))
        #expect(state.orders.list.value?.first?.status == .delivered)
        #expect(!reduce(&state, .tick(Fixtures.now.addingTimeInterval(30))).contains(.loadOrder(id: "ord-1001")))
    }

    @Test("Cancel asks first, then cancels")
    func cancelOrder() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("o")], &state)
        _ = reduce(&state, .ordersLoaded(.success(Page(items: Fixtures.orderSummaries))))
        Fixtures.press([.enter], &state)
        _ = reduce(&state, .orderLoaded(id: "ord-1001", .success(Fixtures.order())))
        #expect(Fixtures.press([.character("X")], &state).isEmpty)
        #expect(state.overlay == .confirmCancelOrder(orderID: "ord-1001"))
        #expect(Fixtures.press([.enter], &state).isEmpty)  // "Keep it" is the default
        Fixtures.press([.character("X"), .left], &state)
        #expect(Fixtures.press([.enter], &state) == [.cancelOrder(id: "ord-1001")])
        _ = reduce(&state, .orderCancelled(id: "ord-1001", .success(Fixtures.order(status: .cancelled, cancellable: false))))
        #expect(state.orders.detail?.order.value?.status == .cancelled)
    }

    @Test("The invoice is loaded on demand")
    func invoice() {
        var state = Fixtures.browsing()
        _ = OrdersReducer.openDetail(orderID: "ord-1001", replacingCheckout: false, &state)
        _ = reduce(&state, .orderLoaded(id: "ord-1001", .success(Fixtures.order())))
        #expect(Fixtures.press([.character("v")], &state) == [.loadInvoice(orderID: "ord-1001")])
        #expect(state.orders.detail?.showsInvoice == true)
        Fixtures.press([.escape], &state)
        #expect(state.orders.detail?.showsInvoice == false)
    }

    @Test("Signing in merges the guest cart: the cart and account data are loaded again")
    func signInMergesCart() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("a")], &state)
        #expect(state.isTyping)
        _ = Fixtures.type("ada@example.com", &state)
        Fixtures.press([.tab], &state)
        _ = Fixtures.type("correct horse", &state)
        let submit = Fixtures.press([.enter], &state)
        #expect(submit == [.signIn(email: "ada@example.com", password: "correct horse")])
        #expect(Fixtures.press([.enter], &state).isEmpty)  // not twice
        let effects = reduce(&state, .signedIn(.success(Fixtures.account)))
        #expect(state.isSignedIn)
        #expect(state.account.password.text.isEmpty)
        #expect(effects.contains(.loadCart(currency: .usd)))
        let merged = Fixtures.cart(Fixtures.cartWithTwo.lines + [Fixtures.line(Fixtures.products[4], quantity: 1)])
        _ = reduce(&state, .cartLoaded(.success(merged)))
        #expect(state.cart.itemCount == 4)
    }

    @Test("A failed sign-in keeps what was typed")
    func signInFails() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("a")], &state)
        _ = Fixtures.type("ada@example.com", &state)
        Fixtures.press([.tab], &state)
        _ = Fixtures.type("wrong", &state)
        Fixtures.press([.enter], &state)
        _ = reduce(&state, .signedIn(.failure(ServiceFailure(kind: .unauthorized, message: "Wrong e-mail or password."))))
        #expect(state.account.formError == "Wrong e-mail or password.")
        #expect(state.account.email.text == "ada@example.com")
        #expect(state.account.password.text == "wrong")
    }

    @Test("Opening a message marks it read and lowers the unread count")
    func inbox() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("i")], &state)
        #expect(state.inbox.unreadCount == 1)
        #expect(Fixtures.press([.enter], &state) == [.markNotificationRead(id: "n2")])
        #expect(state.inbox.unreadCount == 0)
        #expect(state.inbox.openedID == "n2")
    }

    @Test("Help lists the keymap; any close key hides it")
    func help() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("?")], &state)
        #expect(state.overlay == .help)
        Fixtures.press([.escape], &state)
        #expect(state.overlay == nil)
    }
}
