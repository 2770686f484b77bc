import Foundation
import ShopKit
import Testing
import TerminalUI
@testable import ShopApp

@Suite("Effects and input")
struct EffectsAndInputTests {
    @Test("ShopKit errors become failures the reducer understands")
    func failureMapping() {
        let declined = ShopError.server(ProblemDetails(status: 402, title: "Payment Required", detail: "Your card was declined."))
        #expect(ShopClientService.failure(from: declined) == ServiceFailure(kind: .paymentDeclined, message: "Your card was declined."))
        let stock = ShopError.server(ProblemDetails(status: 409, title: "Conflict", detail: "Only 2 left", productID: "p1", available: 2))
        let conflict = ShopClientService.failure(from: stock)
        #expect(conflict.kind == .conflict && conflict.productID == "p1" && conflict.available == 2)
        // The same order key still being handled is no stock conflict: checkout must not send
        // the person back to the cart while their order is being placed.
        let inFlight = ShopError.server(ProblemDetails(
            status: 409, type: "https://shop.example/problems/idempotency-key-in-flight", title: "Request in progress",
            retryAfterSeconds: 1))
        #expect(ShopClientService.failure(from: inFlight).kind == .unavailable)
        #expect(inFlight.isRetryable)
        let invalid = ShopError.server(ProblemDetails(status: 422, title: "Unprocessable", detail: "Invalid order",
                                                      fieldErrors: [FieldError(field: "card.number", message: "Credit card info is invalid")]))
        #expect(ShopClientService.failure(from: invalid).fieldErrors == ["card.number": "Credit card info is invalid"])
        #expect(ShopClientService.failure(from: .transport("reset")).kind == .network)
        #expect(ShopClientService.failure(from: .timeout).isRetryable)
    }

    @Test("The runner answers each effect with the action that names what it answers")
    func runner() async throws {
        let queue = ActionQueue()
        let runner = EffectRunner(service: FakeService(), queue: queue, makeKey: { "key-42" })
        runner.run(.makeIdempotencyKey)
        runner.run(.loadProduct(id: "p2", currency: .usd))
        runner.run(.search(SearchQuery(text: "kettle"), generation: 7))
        runner.run(.searchMore(SearchQuery(text: "kettle"), cursor: "c1", generation: 7))
        runner.run(.placeOrder(PlaceOrderRequest(email: "a@b.co", address: Fixtures.addressInput,
                                                 card: CardInput(number: "4000000000000002", cvv: "123", expMonth: 12, expYear: 2030)),
                               idempotencyKey: "key-42"))
        var actions: [Action] = []
        for _ in 0..<200 where actions.count < 5 {
            actions += queue.drain()
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(actions.contains(.idempotencyKeyCreated("key-42")))
        #expect(actions.contains(.productLoaded(id: "p2", .success(Fixtures.detail(Fixtures.products[1])))))
        #expect(actions.contains(.searchLoaded(generation: 7, .success(SearchResults(hits: [], total: 0)))))
        #expect(actions.contains(.searchMoreLoaded(generation: 7, .success(SearchResults(hits: [], total: 0, nextCursor: "after-c1")))))
        #expect(actions.contains(.orderPlaced(idempotencyKey: "key-42", .failure(ServiceFailure(kind: .paymentDeclined, message: "Your card was declined.")))))
    }

    @Test("The wheel moves the list and a click selects a product row when the mouse is on")
    func mouse() {
        var state = Fixtures.browsing()
        #expect(reduce(&state, .mouse(MouseEvent(.wheelDown, x: 40, y: 10))).isEmpty)  // mouse off: ignored
        #expect(state.browse.productList.selected == 0)
        state.mouseEnabled = true
        _ = reduce(&state, .mouse(MouseEvent(.wheelDown, x: 40, y: 10)))
        #expect(state.browse.productList.selected == 3)
        // Rows start under the header (y 0) and the panel border (y 1): y 3 is the second product.
        // The wheel's first step asked for p2 (one request for the notch, not three), and that
        // request is still out: the click on p2 sends nothing more.
        #expect(reduce(&state, .mouse(MouseEvent(.click, x: 40, y: 3))).isEmpty)
        #expect(state.browse.productList.selected == 1)
        _ = reduce(&state, .productLoaded(id: "p2", .success(Fixtures.detail(Fixtures.products[1]))))
        #expect(state.browse.detail.value?.id == "p2")
        _ = reduce(&state, .mouse(MouseEvent(.click, x: 32, y: 0)))  // "c Cart (3)" in the header
        #expect(state.screen == .cart)
        // In the cart: the second line (y 4: header, border, column titles, first line).
        _ = reduce(&state, .mouse(MouseEvent(.click, x: 10, y: 4)))
        #expect(state.cart.list.selected == 1)
        let open = reduce(&state, .mouse(MouseEvent(.click, x: 10, y: 4)))  // again: opens (checkout)
        #expect(state.screen == .checkout)
        #expect(open.isEmpty == false || state.checkout != nil)
    }

    @Test("The card form never shows the number in its description")
    func cardRedaction() {
        var form = CardForm()
        for digit in "4242424242424242" { _ = form.type(.character(digit)) }
        #expect(form.description == "CardForm(Visa •••• 4242)")
        #expect(!String(reflecting: form).contains("42424242"))
    }

    @Test("The footer and help come from the one keymap")
    func keymap() {
        let footer = Keymap.footerHints(for: .cart, typing: false).map(\.label)
        #expect(footer.starts(with: ["one more", "one less", "remove", "checkout", "help", "quit"]))
        let typing = Keymap.footerHints(for: .search, typing: true)
        #expect(typing.allSatisfy { $0.keys.allSatisfy { !$0.isPrintable } })
        #expect(Keymap.vim.command(for: .character("q"), scope: .search, typing: true) == nil)
        #expect(Keymap.vim.command(for: .escape, scope: .search, typing: true) == .back)
        let help = Keymap.helpSections(current: .browse)
        #expect(help.map(\.title) == ["Browse", "Everywhere"])
    }

    @Test("The footer leaves out what cannot run now: no cancelling a shipped order")
    func footerLeavesOutUnavailableCommands() {
        #expect(Keymap.footerHints(for: .orderDetail, typing: false).map(\.label).contains("cancel order"))
        let shipped = Keymap.footerHints(for: .orderDetail, typing: false, unavailable: [.cancelOrder])
        #expect(!shipped.map(\.label).contains("cancel order"))
    }

    @Test("The expiry reads as MM/YY while it is typed")
    func expiryGetsItsSlash() {
        var form = CardForm()
        form.focus = .expiry
        for character in "1230" { _ = form.type(.character(character)) }
        #expect(form.expiry.text == "12/30")
        #expect(form.expiryParts?.month == 12)
        #expect(form.expiryParts?.year == 2030)
        _ = form.type(.backspace)
        _ = form.type(.backspace)
        _ = form.type(.backspace)
        for character in "/31" { _ = form.type(.character(character)) }
        #expect(form.expiry.text == "12/31")  // a typed slash is not doubled
    }
}

/// A gateway stand-in answering from the fixtures.
struct FakeService: ShopService {
    struct Unused: Error {}
    func currentUser() async throws -> User { Fixtures.guest }
    func signIn(email: String, password: String) async throws -> User { Fixtures.account }
    func register(email: String, password: String, name: String) async throws -> User { Fixtures.account }
    func signOut() async throws -> User { Fixtures.guest }
    func categories() async throws -> [ShopKit.Category] { Fixtures.categories }
    func products(categoryID: String?, cursor: String?, currency: CurrencyCode) async throws -> Page<ProductSummary> { Page(items: Fixtures.products) }
    func product(id: String, currency: CurrencyCode) async throws -> Product {
        Fixtures.detail(Fixtures.products.first { $0.id == id }!)
    }
    func recommendations(for productID: String, currency: CurrencyCode) async throws -> [ProductSummary] { [] }
    func ads(categories: [String]) async throws -> [Ad] { [Fixtures.ad] }
    func search(_ query: SearchQuery, cursor: String?) async throws -> SearchResults {
        cursor == nil ? SearchResults(hits: [], total: 0) : SearchResults(hits: [], total: 0, nextCursor: "after-\(cursor!)")
    }
    func cart(currency: CurrencyCode) async throws -> Cart { Fixtures.cartWithTwo }
    func addToCart(productID: String, quantity: Int, currency: CurrencyCode) async throws -> Cart { Fixtures.cartWithTwo }
    func setCartQuantity(productID: String, quantity: Int, currency: CurrencyCode) async throws -> Cart { Fixtures.cartWithTwo }
    func removeFromCart(productID: String, currency: CurrencyCode) async throws -> Cart { .empty() }
    func quoteShipping(to address: AddressInput, currency: CurrencyCode) async throws -> [ShippingOption] { Fixtures.shippingOptions }
    func placeOrder(_ request: PlaceOrderRequest, idempotencyKey: String) async throws -> Order {
        if request.card.last4 == "0002" { throw ServiceFailure(kind: .paymentDeclined, message: "Your card was declined.") }
        return Fixtures.order()
    }
    func orders(cursor: String?) async throws -> Page<OrderSummary> { Page(items: Fixtures.orderSummaries) }
    func order(id: String) async throws -> Order { Fixtures.order() }
    func tracking(orderID: String) async throws -> Tracking { Fixtures.tracking(for: Fixtures.order()) }
    func invoice(orderID: String) async throws -> Invoice { throw Unused() }
    func cancelOrder(id: String) async throws -> Order { Fixtures.order(status: .cancelled, cancellable: false) }
    func addresses() async throws -> [Address] { [Fixtures.savedAddress] }
    func saveAddress(_ address: AddressInput) async throws -> Address { Fixtures.savedAddress }
    func updateAddress(id: String, _ address: AddressInput) async throws -> Address { Fixtures.savedAddress }
    func deleteAddress(id: String) async throws {}
    func activity() async throws -> [ActivityEvent] { Fixtures.activity }
    func inbox() async throws -> Page<InboxMessage> { Page(items: Fixtures.messages, unreadCount: 1) }
    func markNotificationRead(id: String) async throws {}
    func markAllNotificationsRead() async throws {}
}
