import Foundation
import ShopKit
import Testing
import TerminalUI
@testable import ShopApp

/// Issue 10: one current product, refused adds that leave the cart alone, history that follows
/// the person, and a sign-out that says what it does.
@Suite("Reducer: the product keys act on, refused adds, signing in and out")
struct TrustReducerTests {
    static let umbrella = Fixtures.product("p9", "Storm umbrella", 2500, stock: 3, category: "outdoors")

    /// Searches for `text` and opens the first hit, as `/`, typing, Tab and Enter do.
    static func openFromSearch(_ hit: ProductSummary, _ state: inout AppState) -> [Effect] {
        Fixtures.press([.character("/")], &state)
        _ = Fixtures.type("umbrella", &state)
        _ = reduce(&state, .timerFired(.searchDebounce(generation: state.search.generation)))
        _ = reduce(&state, .searchLoaded(generation: state.search.generation,
                                         .success(SearchResults(hits: [SearchHit(product: hit, matchedIn: [.name])], total: 1))))
        Fixtures.press([.tab], &state)  // to the results
        return Fixtures.press([.enter], &state)
    }

    @Test("Search → Enter → Tab → + adds the searched product, not the list's first")
    func searchedProductIsCurrent() {
        var state = Fixtures.browsing()
        let opened = Self.openFromSearch(Self.umbrella, &state)
        #expect(opened.contains(.loadProduct(id: "p9", currency: .usd)))
        #expect(state.screen == .browse)
        #expect(state.browse.productList.selected == nil, "no other row looks current")
        // Before its details arrive, and after.
        #expect(Fixtures.press([.character("+")], &state) == [.addToCart(productID: "p9", quantity: 1, currency: .usd)])
        _ = reduce(&state, .productLoaded(id: "p9", .success(Fixtures.detail(Self.umbrella))))
        Fixtures.press([.tab], &state)
        #expect(state.browse.focus != .detail)
        #expect(Fixtures.press([.character("+")], &state) == [.addToCart(productID: "p9", quantity: 1, currency: .usd)])
        // A page of the listing arriving later does not take the current product away.
        _ = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: [], nextCursor: nil))))
        #expect(state.browse.detailProductID == "p9")
        #expect(Fixtures.press([.character("+")], &state) == [.addToCart(productID: "p9", quantity: 1, currency: .usd)])
        // Moving in the list makes the selected product current again.
        Fixtures.press([.character("h"), .character("l"), .character("j")], &state)
        #expect(state.browse.detailProductID == state.browse.selectedProduct?.id)
        #expect(Fixtures.press([.character("+")], &state) == [.addToCart(productID: state.browse.selectedProduct!.id, quantity: 1, currency: .usd)])
    }

    @Test("A searched product that is in the list is selected there too")
    func searchedProductIsSelectedInTheList() {
        var state = Fixtures.browsing()
        _ = Self.openFromSearch(Fixtures.products[3], &state)
        #expect(state.browse.selectedProduct?.id == "p4")
        Fixtures.press([.tab], &state)
        #expect(Fixtures.press([.character("+")], &state) == [.addToCart(productID: "p4", quantity: 1, currency: .usd)])
    }

    @Test("A recommendation → Enter → + adds the recommended product")
    func recommendationIsCurrent() {
        var state = Fixtures.browsing()
        Fixtures.press([.enter], &state)  // into the details of p1
        #expect(state.browse.focus == .detail)
        _ = reduce(&state, .recommendationsLoaded(productID: "p1", .success([Fixtures.products[2], Self.umbrella])))
        Fixtures.press([.down, .down], &state)
        #expect(state.browse.recommendationSelected == 1)
        #expect(state.browse.selectedProduct?.id == "p1", "the list did not move")
        let opened = Fixtures.press([.enter], &state)
        #expect(opened.contains(.loadProduct(id: "p9", currency: .usd)))
        #expect(state.browse.detailProductID == "p9")
        #expect(state.browse.recommendationSelected == nil)
        _ = reduce(&state, .productLoaded(id: "p9", .success(Fixtures.detail(Self.umbrella))))
        #expect(Fixtures.press([.character("+")], &state) == [.addToCart(productID: "p9", quantity: 1, currency: .usd)])
        #expect(Fixtures.press([.enter], &state) == [.addToCart(productID: "p9", quantity: 1, currency: .usd)])
    }

    @Test("+ four times on a product with 3 in stock: 3 of 3, the 4th refused in true words, the cart still valid")
    func refusedAddKeepsAValidCart() {
        var state = Fixtures.browsing()
        let kettle = Fixtures.products[1]  // 3 in stock
        Fixtures.press([.character("j")], &state)
        #expect(state.browse.detailProductID == kettle.id)
        for quantity in 1...3 {
            #expect(Fixtures.press([.character("+")], &state) == [.addToCart(productID: kettle.id, quantity: 1, currency: .usd)])
            let lines = Fixtures.cartWithTwo.lines + [Fixtures.line(kettle, quantity: quantity)]
            _ = reduce(&state, .cartChanged(productID: kettle.id, .success(Fixtures.cart(lines))))
        }
        let full = state.cart.cart
        #expect(state.cart.cart.value?.line(for: kettle.id)?.quantity == 3)

        // The 4th: the app knows the whole stock is in the cart and says so, without a request.
        #expect(Fixtures.press([.character("+")], &state).isEmpty)
        #expect(state.banner?.text == "Pour-over kettle: you already have all 3 in your cart.")
        #expect(state.banner?.kind != .error)
        #expect(state.cart.cart == full, "the cart is unchanged")

        // The same refusal from the gateway (its copy of the stock was newer) says the same.
        state.banner = nil
        state.cart.pendingKinds[kettle.id] = .add(units: 1)
        let effects = reduce(&state, .cartChanged(productID: kettle.id, .failure(ServiceFailure(
            kind: .conflict, message: "Only 0 available", productID: kettle.id, available: 0))))
        #expect(effects == [.loadCart(currency: .usd)])
        #expect(state.banner?.text == "Pour-over kettle: you already have all 3 in your cart.")
        #expect(state.cart.cart == full)

        // No line is marked and checkout is open.
        Fixtures.press([.escape, .character("c")], &state)
        #expect(state.cart.lines.allSatisfy { state.cart.problem(for: $0) == nil })
        #expect(!state.cart.hasProblems)
        Fixtures.press([.enter], &state)
        #expect(state.screen == .checkout)
    }

    @Test("A refused quantity change in the cart names the stock, and a line over the stock is marked")
    func refusedSetInTheCart() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("c")], &state)
        state.cart.pendingKinds["p1"] = .set(quantity: 5)
        _ = reduce(&state, .cartChanged(productID: "p1", .failure(ServiceFailure(
            kind: .conflict, message: "Not enough stock", productID: "p1", available: 4))))
        #expect(state.banner?.text == "Only 4 of Espresso cup in stock; you have 2 in your cart.")
        #expect(!state.cart.hasProblems)

        // Judged against the stock only: 5 in the cart with 3 on hand is a problem.
        let over = Fixtures.cart([Fixtures.line(Fixtures.products[1], quantity: 5)])
        _ = reduce(&state, .cartLoaded(.success(over)))
        #expect(state.cart.problem(for: over.lines[0]) == "Only 3 in stock")
        Fixtures.press([.enter], &state)
        #expect(state.screen == .cart, "checkout waits until the line is fixed")
    }

    @Test("Signing in reloads the orders and the inbox (the guest's history moved to the account)")
    func signInReloadsHistory() {
        var state = Fixtures.browsing()
        let effects = reduce(&state, .signedIn(.success(Fixtures.account)))
        #expect(effects.contains(.loadOrders))
        #expect(effects.contains(.loadInbox))
        #expect(effects.contains(.loadCart(currency: .usd)))
    }

    @Test("Signing out asks first and says what stays with the account")
    func signOutAsks() {
        var state = Fixtures.browsing()
        _ = reduce(&state, .signedIn(.success(Fixtures.account)))
        state.banner = nil
        Fixtures.press([.character("a")], &state)
        #expect(Fixtures.press([.character("S")], &state).isEmpty)
        #expect(state.overlay == .confirmSignOut)
        #expect(AccountReducer.signOutNotice.contains("orders"))
        #expect(AccountReducer.signOutNotice.contains("empty cart"))
        #expect(Fixtures.press([.enter], &state).isEmpty, "the safe button is the default")
        #expect(state.overlay == nil)
        Fixtures.press([.character("S")], &state)
        #expect(Fixtures.press([.character("y")], &state) == [.signOut])
    }

    @Test("A list page with items left out says so, and shows the good ones")
    func skippedItemsAreToldNotHidden() {
        var state = Fixtures.browsing(width: 80, height: 24)
        let before = state.browse.products.count
        let broken = ContractViolation(operation: "listProducts", field: "items[1].price.amount", rule: "must be an integer")
        let more = [Fixtures.product("p7", "Tea tin", 900, stock: 4)]
        _ = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: more, nextCursor: nil, skipped: [broken]))))
        #expect(state.browse.products.count == before + 1)
        #expect(state.flash?.text == "Left out 1 product the shop sent in a form this app can't use")
    }
}
