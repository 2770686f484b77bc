import Foundation
import ShopKit
import Testing
import TerminalUI
import TerminalUITesting
@testable import ShopApp

/// Every screen and state at 80x24 and 120x40, in the default and mono themes. The files under
/// `__Snapshots__/ScreenSnapshotTests` are the pictures; CI fails on a missing one.
@Suite("Screens")
struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (120, 40)]
    static let themes: [(String, Theme)] = [("default", .default), ("mono", .mono)]

    /// Pictures the state at the snapshot sizes, then lints it at every lint size and theme.
    private func snapshot(_ name: String, testName: String = #function, line: UInt = #line,
                          sourceLocation: SourceLocation = #_sourceLocation, _ build: (Int, Int) -> AppState) async {
        for (width, height) in Self.sizes {
            let state = build(width, height)
            for (themeName, theme) in Self.themes {
                let buffer = AppView.render(state, size: Size(width: width, height: height), theme: theme)
                assertScreen(buffer, named: "\(name).\(width)x\(height).\(themeName)", resolvedWith: theme, testName: testName, line: line)
            }
        }
        LayoutLint.expectClean("\(testName) \(name)", sourceLocation: sourceLocation, build)
        await EmulatorReplay.expectReproduced("\(testName) \(name)", sourceLocation: sourceLocation, build)
    }

    // MARK: Browse

    @Test func browseLoading() async {
        await snapshot("loading") { width, height in
            var state = Fixtures.state(width: width, height: height)
            _ = reduce(&state, .start)
            return state
        }
    }

    @Test func browsePopulated() async {
        await snapshot("populated") { Fixtures.browsing(width: $0, height: $1) }
    }

    @Test func browseDetailFocused() async {
        await snapshot("detail") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("j"), .enter], &state)
            _ = reduce(&state, .productLoaded(id: "p2", .success(Fixtures.detail(Fixtures.products[1]))))
            _ = reduce(&state, .recommendationsLoaded(productID: "p2", .success([Fixtures.products[0], Fixtures.products[4]])))
            Fixtures.press([.character("l")], &state)
            return state
        }
    }

    @Test func browseError() async {
        await snapshot("error") { width, height in
            var state = Fixtures.state(width: width, height: height)
            _ = reduce(&state, .start)
            let failure = ServiceFailure(kind: .network, message: "connection refused")
            _ = reduce(&state, .categoriesLoaded(.failure(failure)))
            _ = reduce(&state, .productsLoaded(generation: 0, .failure(failure)))
            _ = reduce(&state, .sessionLoaded(.failure(failure)))
            return state
        }
    }

    @Test func browseEmptyCategory() async {
        await snapshot("emptyCategory") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("h"), .character("G")], &state)
            _ = reduce(&state, .productsLoaded(generation: 1, .success(Page(items: []))))
            return state
        }
    }

    @Test func tooSmall() async {
        let state = Fixtures.browsing(width: 59, height: 19)
        for (themeName, theme) in Self.themes {
            assertScreen(AppView.render(state, size: Size(width: 59, height: 19), theme: theme), named: "59x19.\(themeName)", resolvedWith: theme)
        }
        // Narrower still, the requirement wraps instead of being cut.
        for size in [Size(width: 59, height: 19), Size(width: 30, height: 12), Size(width: 20, height: 8)] {
            let buffer = AppView.render(Fixtures.browsing(width: size.width, height: size.height), size: size, theme: .default)
            let text = (0..<size.height).map { buffer.text(ofRow: $0).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            #expect(text.contains("needs at least 60x20."), "\(LayoutLint.picture(buffer))")
            #expect(LayoutLint.cutWords(buffer).isEmpty, "\(LayoutLint.picture(buffer))")
        }
    }

    @Test func help() async {
        await snapshot("help") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("?")], &state)
            return state
        }
    }

    /// The command palette over Browse, signed in, with a query that finds commands, orders
    /// and the products the gateway's search returned.
    @Test func palette() async {
        await snapshot("palette") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            _ = reduce(&state, .sessionLoaded(.success(Fixtures.account)))
            _ = reduce(&state, .ordersLoaded(.success(Page(items: Fixtures.orderSummaries))))
            _ = reduce(&state, .addressesLoaded(.success([Fixtures.savedAddress])))
            Fixtures.press([.character(":")], &state)
            _ = Fixtures.type("or", &state)
            let hits = [Fixtures.products[1], Fixtures.products[4]].map { SearchHit(product: $0, matchedIn: [.name]) }
            _ = reduce(&state, .paletteSearched(query: "or", .success(SearchResults(hits: hits, total: 2))))
            return state
        }
    }

    // MARK: Search

    @Test func searchEmpty() async {
        await snapshot("empty") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("/")], &state)
            return state
        }
    }

    @Test func searchResults() async {
        await snapshot("results") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("/")], &state)
            _ = Fixtures.type("pan", &state)
            _ = reduce(&state, .searchLoaded(generation: 3, .success(SearchResults(hits: [
                SearchHit(product: Fixtures.products[2], matchedIn: [.name]),
                SearchHit(product: Fixtures.products[0], matchedIn: [.description]),
            ], total: 2))))
            Fixtures.press([.ctrl("s")], &state)
            _ = reduce(&state, .searchLoaded(generation: 4, .success(SearchResults(hits: [
                SearchHit(product: Fixtures.products[0], matchedIn: [.description]),
            ], total: 1))))
            return state
        }
    }

    /// At the smallest size the name keeps the room "in description" would take.
    @Test func narrowSearchResultsShowWholeNames() async {
        var state = Fixtures.browsing(width: 60, height: 20)
        Fixtures.press([.character("/")], &state)
        _ = Fixtures.type("pan", &state)
        _ = reduce(&state, .searchLoaded(generation: 3, .success(SearchResults(hits: [
            SearchHit(product: Fixtures.products[0], matchedIn: [.description]),
        ], total: 7, nextCursor: "c1"))))
        let buffer = AppView.render(state, size: Size(width: 60, height: 20), theme: .default)
        let rows = (0..<20).map { buffer.text(ofRow: $0) }
        #expect(rows.contains { $0.contains(Fixtures.products[0].name) }, "\(rows.joined(separator: "\n"))")
        #expect(rows[1].contains("1 of 7 found"))
    }

    @Test func searchNoMatch() async {
        await snapshot("noMatch") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("/")], &state)
            _ = Fixtures.type("zzz", &state)
            _ = reduce(&state, .searchLoaded(generation: 3, .success(SearchResults(hits: [], total: 0))))
            return state
        }
    }

    @Test func searchDidYouMean() async {
        await snapshot("didYouMean") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("/")], &state)
            _ = Fixtures.type("lamq", &state)
            _ = reduce(&state, .searchLoaded(generation: 4, .success(SearchResults(hits: [], total: 0, suggestion: "lamp"))))
            return state
        }
    }

    // MARK: Cart

    @Test func cartPopulated() async {
        await snapshot("populated") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("c")], &state)
            _ = reduce(&state, .cartLoaded(.success(Fixtures.cartWithTwo)))
            _ = reduce(&state, .shippingQuoted(.cartEstimate, .success(Fixtures.shippingOptions)))
            return state
        }
    }

    @Test func cartEmpty() async {
        await snapshot("empty") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("c")], &state)
            _ = reduce(&state, .cartLoaded(.success(.empty())))
            return state
        }
    }

    @Test func cartLoading() async {
        await snapshot("loading") { width, height in
            var state = Fixtures.state(width: width, height: height)
            Fixtures.press([.character("c")], &state)
            return state
        }
    }

    @Test func cartConflict() async {
        await snapshot("conflict") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("c")], &state)
            let lines = [Fixtures.line(Fixtures.products[0], quantity: 2), Fixtures.line(Fixtures.products[1], quantity: 5, problem: "Only 3 left in stock")]
            _ = reduce(&state, .cartLoaded(.success(Fixtures.cart(lines))))
            _ = reduce(&state, .shippingQuoted(.cartEstimate, .success(Fixtures.shippingOptions)))
            _ = reduce(&state, .cartChanged(productID: "p2", .failure(ServiceFailure(kind: .conflict, message: "Only 3 left in stock", productID: "p2", available: 3))))
            return state
        }
    }

    // MARK: Checkout

    @Test func checkoutContact() async {
        await snapshot("contact") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("c"), .enter], &state)
            _ = Fixtures.type("grace@exa", &state)
            return state
        }
    }

    @Test func checkoutAddressForm() async {
        await snapshot("addressForm") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("c"), .enter], &state)
            _ = Fixtures.type("grace@example.com", &state)
            Fixtures.press([.enter], &state)
            _ = Fixtures.type("Grace Hopper", &state)
            Fixtures.press([.tab], &state)
            Fixtures.press([.enter], &state)  // validation: required fields missing
            return state
        }
    }

    @Test func checkoutSavedAddresses() async {
        await snapshot("savedAddresses") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            _ = reduce(&state, .signedIn(.success(Fixtures.account)))
            _ = reduce(&state, .tick(Fixtures.now.addingTimeInterval(10)))
            Fixtures.press([.character("c"), .enter], &state)
            _ = reduce(&state, .addressesLoaded(.success([Fixtures.savedAddress])))
            Fixtures.press([.enter], &state)
            return state
        }
    }

    @Test func checkoutShippingLoading() async {
        await snapshot("shippingLoading") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            CheckoutDriver.toShipping(&state)
            state.checkout?.shippingOptions = .loading(previous: nil)
            return state
        }
    }

    @Test func checkoutShipping() async {
        await snapshot("shipping") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            CheckoutDriver.toShipping(&state)
            return state
        }
    }

    @Test func checkoutPayment() async {
        // The number field is left, so it shows the last four only: no card number in the file.
        await snapshot("payment") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            CheckoutDriver.toShipping(&state)
            Fixtures.press([.enter], &state)
            _ = Fixtures.type(CheckoutDriver.card, &state)
            Fixtures.press([.tab], &state)
            _ = Fixtures.type("12/3", &state)
            return state
        }
    }

    @Test func checkoutPaymentDeclined() async {
        await snapshot("paymentDeclined") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            CheckoutDriver.toReview(&state)
            Fixtures.press([.enter], &state)
            _ = reduce(&state, .idempotencyKeyCreated("key-1"))
            _ = reduce(&state, .orderPlaced(idempotencyKey: "key-1", .failure(ServiceFailure(kind: .paymentDeclined, message: "Your card was declined."))))
            Fixtures.press([.tab], &state)
            return state
        }
    }

    @Test func checkoutReview() async {
        await snapshot("review") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            CheckoutDriver.toReview(&state)
            return state
        }
    }

    @Test func checkoutPlacing() async {
        await snapshot("placing") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            CheckoutDriver.toReview(&state)
            Fixtures.press([.enter], &state)
            _ = reduce(&state, .idempotencyKeyCreated("key-1"))
            return state
        }
    }

    @Test func checkoutRetry() async {
        await snapshot("retry") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            CheckoutDriver.toReview(&state)
            Fixtures.press([.enter], &state)
            _ = reduce(&state, .idempotencyKeyCreated("key-1"))
            _ = reduce(&state, .orderPlaced(idempotencyKey: "key-1", .failure(ServiceFailure(kind: .network, message: "connection reset"))))
            return state
        }
    }

    @Test func checkoutDone() async {
        await snapshot("done") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            CheckoutDriver.toReview(&state)
            Fixtures.press([.enter], &state)
            _ = reduce(&state, .idempotencyKeyCreated("key-1"))
            _ = reduce(&state, .orderPlaced(idempotencyKey: "key-1", .success(Fixtures.order())))
            _ = reduce(&state, .cartLoaded(.success(.empty())))
            return state
        }
    }

    @Test func checkoutConfirmQuit() async {
        await snapshot("confirmQuit") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            CheckoutDriver.toShipping(&state)
            Fixtures.press([.character("q")], &state)
            return state
        }
    }

    // MARK: Orders and tracker

    @Test func ordersList() async {
        await snapshot("list") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("o")], &state)
            _ = reduce(&state, .ordersLoaded(.success(Page(items: Fixtures.orderSummaries))))
            return state
        }
    }

    @Test func ordersEmpty() async {
        await snapshot("empty") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("o")], &state)
            _ = reduce(&state, .ordersLoaded(.success(Page(items: []))))
            return state
        }
    }

    static func tracker(width: Int, height: Int, order: Order) -> AppState {
        var state = Fixtures.browsing(width: width, height: height)
        Fixtures.press([.character("o")], &state)
        _ = reduce(&state, .ordersLoaded(.success(Page(items: Fixtures.orderSummaries))))
        Fixtures.press([.enter], &state)
        _ = reduce(&state, .orderLoaded(id: "ord-1001", .success(order)))
        _ = reduce(&state, .trackingLoaded(orderID: "ord-1001", .success(Fixtures.tracking(for: order))))
        _ = reduce(&state, .tick(Fixtures.now.addingTimeInterval(2)))
        return state
    }

    @Test func trackerInTransit() async {
        await snapshot("inTransit") { Self.tracker(width: $0, height: $1, order: Fixtures.order(status: .inTransit, cancellable: false)) }
    }

    @Test func trackerCancellable() async {
        await snapshot("cancellable") { Self.tracker(width: $0, height: $1, order: Fixtures.order(status: .paid)) }
    }

    @Test func trackerCancelled() async {
        await snapshot("cancelled") { Self.tracker(width: $0, height: $1, order: Fixtures.order(status: .cancelled, cancellable: false)) }
    }

    @Test func trackerConfirmCancel() async {
        await snapshot("confirmCancel") { width, height in
            var state = Self.tracker(width: width, height: height, order: Fixtures.order(status: .paid))
            Fixtures.press([.character("X")], &state)
            return state
        }
    }

    @Test func invoice() async {
        await snapshot("invoice") { width, height in
            var state = Self.tracker(width: width, height: height, order: Fixtures.order(status: .delivered, cancellable: false))
            Fixtures.press([.character("v")], &state)
            let order = Fixtures.order(status: .delivered, cancellable: false)
            _ = reduce(&state, .invoiceLoaded(orderID: order.id, .success(Fixtures.invoice(for: order))))
            return state
        }
    }

    // MARK: Account and inbox

    @Test func accountSignIn() async {
        await snapshot("signIn") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("a")], &state)
            _ = Fixtures.type("ada@example.com", &state)
            Fixtures.press([.tab], &state)
            _ = Fixtures.type("secret", &state)
            Fixtures.press([.enter], &state)
            _ = reduce(&state, .signedIn(.failure(ServiceFailure(kind: .unauthorized, message: "Wrong e-mail or password."))))
            return state
        }
    }

    @Test func accountRegister() async {
        await snapshot("register") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("a"), .ctrl("r")], &state)
            return state
        }
    }

    static func signedIn(width: Int, height: Int) -> AppState {
        var state = Fixtures.browsing(width: width, height: height)
        _ = reduce(&state, .signedIn(.success(Fixtures.account)))
        _ = reduce(&state, .tick(Fixtures.now.addingTimeInterval(10)))
        Fixtures.press([.character("a")], &state)
        _ = reduce(&state, .addressesLoaded(.success([Fixtures.savedAddress])))
        _ = reduce(&state, .activityLoaded(.success(Fixtures.activity)))
        return state
    }

    @Test func accountProfile() async {
        await snapshot("profile") { Self.signedIn(width: $0, height: $1) }
    }

    @Test func accountAddresses() async {
        await snapshot("addresses") { width, height in
            var state = Self.signedIn(width: width, height: height)
            Fixtures.press([.tab], &state)
            return state
        }
    }

    @Test func accountActivity() async {
        await snapshot("activity") { width, height in
            var state = Self.signedIn(width: width, height: height)
            Fixtures.press([.tab, .tab], &state)
            return state
        }
    }

    @Test func inbox() async {
        await snapshot("inbox") { width, height in
            var state = Fixtures.browsing(width: width, height: height)
            Fixtures.press([.character("i"), .enter], &state)
            return state
        }
    }

    @Test func inboxEmpty() async {
        await snapshot("empty") { width, height in
            var state = Fixtures.state(width: width, height: height)
            Fixtures.press([.character("i")], &state)
            _ = reduce(&state, .inboxLoaded(.success(Page(items: [], unreadCount: 0))))
            return state
        }
    }
}
