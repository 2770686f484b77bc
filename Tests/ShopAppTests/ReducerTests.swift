import Foundation
import ShopKit
import Testing
import TerminalUI
@testable import ShopApp

@Suite("Reducer: browse")
struct BrowseReducerTests {
    @Test("Start asks for the session, catalog, cart, ads and inbox")
    func start() {
        var state = Fixtures.state()
        let effects = reduce(&state, .start)
        #expect(effects.contains(.loadSession))
        #expect(effects.contains(.loadCategories))
        #expect(effects.contains(.loadProducts(categoryID: nil, cursor: nil, currency: .usd, generation: 0)))
        #expect(effects.contains(.loadCart(currency: .usd)))
        #expect(state.browse.isLoadingPage)
    }

    @Test("The first page selects the first product and loads its detail")
    func firstPage() {
        var state = Fixtures.state()
        _ = reduce(&state, .start)
        let effects = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: Fixtures.products, nextCursor: "c2"))))
        #expect(state.browse.products.count == 5)
        #expect(state.browse.productList.selected == 0)
        #expect(effects.contains(.loadProduct(id: "p1", currency: .usd)))
        #expect(effects.contains(.loadRecommendations(productID: "p1", currency: .usd)))
        // Near the end of what is loaded: the next page is asked for by cursor.
        #expect(effects.contains(.loadProducts(categoryID: nil, cursor: "c2", currency: .usd, generation: 0)))
    }

    @Test("The product panel counts what is loaded against the catalog's total")
    func totalCount() {
        var state = Fixtures.state()
        _ = reduce(&state, .start)
        _ = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: Fixtures.products, nextCursor: "c2", total: 72))))
        #expect(state.browse.totalProducts == 72)
        let screen = AppView.render(state, size: Size(width: 120, height: 40), theme: .default)
        #expect((0..<screen.height).contains { screen.text(ofRow: $0).contains("5 of 72 items") })
    }

    @Test("Scrolling pages through the catalog by cursor, once at a time")
    func paging() {
        var state = Fixtures.browsing(width: 80, height: 24)  // 16 rows: a screenful is kept loaded
        #expect(state.browse.isLoadingPage)  // the prefetch of page 2 is on its way
        let more = (6...30).map { Fixtures.product("p\($0)", "Item \($0)", 100 * Int64($0), stock: 9) }
        _ = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: Array(more.prefix(20)), nextCursor: "c3"))))
        #expect(state.browse.products.count == 25)
        #expect(!state.browse.isLoadingPage)
        var effects = Fixtures.press([.character("G")], &state)
        #expect(effects.contains(.loadProducts(categoryID: nil, cursor: "c3", currency: .usd, generation: 0)))
        effects = Fixtures.press([.character("k")], &state)
        #expect(!effects.contains { if case .loadProducts = $0 { true } else { false } })
        _ = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: Array(more.suffix(5)), nextCursor: nil))))
        #expect(state.browse.isComplete)
        #expect(state.browse.products.count == 30)
    }

    @Test("Choosing a category restarts the listing; a late page of the old one is dropped")
    func categoryChange() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("h")], &state)
        #expect(state.browse.focus == .categories)
        let effects = Fixtures.press([.character("j")], &state)
        #expect(state.browse.selectedCategoryID == "kitchen")
        #expect(effects.contains(.loadProducts(categoryID: "kitchen", cursor: nil, currency: .usd, generation: 1)))
        #expect(state.browse.products.isEmpty)
        _ = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: Fixtures.products, nextCursor: nil))))
        #expect(state.browse.products.isEmpty)
        _ = reduce(&state, .productsLoaded(generation: 1, .success(Page(items: Array(Fixtures.products.prefix(3)), nextCursor: nil))))
        #expect(state.browse.products.count == 3)
    }

    @Test("+ adds the selected product; out of stock is refused without a request")
    func addToCart() {
        var state = Fixtures.browsing()
        var effects = Fixtures.press([.character("+")], &state)
        #expect(effects == [.addToCart(productID: "p1", quantity: 1, currency: .usd)])
        #expect(state.cart.pendingChanges == 1)
        _ = reduce(&state, .cartChanged(productID: "p1", .success(Fixtures.cart([Fixtures.line(Fixtures.products[0], quantity: 3)]))))
        #expect(state.cart.itemCount == 3)
        #expect(state.cart.pendingChanges == 0)
        Fixtures.press([.character("j"), .character("j")], &state)
        #expect(state.browse.selectedProduct?.id == "p3")
        effects = Fixtures.press([.character("+")], &state)
        #expect(effects.isEmpty)
        #expect(state.banner?.text.contains("out of stock") == true)
    }

    @Test("The detail pane adds the chosen quantity")
    func quantityPicker() {
        var state = Fixtures.browsing()
        Fixtures.press([.enter, .right, .right], &state)  // arrows change the quantity; h/l change panes
        #expect(state.browse.focus == .detail)
        #expect(state.browse.quantity == 3)
        let effects = Fixtures.press([.enter], &state)
        #expect(effects == [.addToCart(productID: "p1", quantity: 3, currency: .usd)])
    }

    @Test("$ cycles the currency and reloads everything priced")
    func currency() {
        var state = Fixtures.browsing()
        let effects = Fixtures.press([.character("$")], &state)
        #expect(state.currency == .eur)
        #expect(effects.contains(.loadProducts(categoryID: nil, cursor: nil, currency: .eur, generation: 1)))
        #expect(effects.contains(.loadProduct(id: "p1", currency: .eur)))
        #expect(effects.contains(.loadCart(currency: .eur)))
        #expect(effects.contains(.saveCurrency(.eur)))
        Fixtures.press(Array(repeating: .character("$"), count: 5), &state)
        #expect(state.currency == .usd)
    }

    @Test("A terminal that is too small only quits")
    func tooSmall() {
        var state = Fixtures.browsing()
        _ = reduce(&state, .resize(Size(width: 50, height: 15)))
        #expect(state.isTooSmall)
        #expect(Fixtures.press([.character("+")], &state).isEmpty)
        #expect(Fixtures.press([.character("q")], &state) == [.quit])
    }
}

@Suite("Reducer: search")
struct SearchReducerTests {
    @Test("/ opens search from anywhere, typing debounces, Esc returns")
    func openTypeReturn() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("c")], &state)
        Fixtures.press([.character("/")], &state)
        #expect(state.screen == .search)
        #expect(state.isTyping)
        let effects = Fixtures.type("cup", &state)
        #expect(effects == [
            .startTimer(.searchDebounce(generation: 1), after: .milliseconds(150)),
            .startTimer(.searchDebounce(generation: 2), after: .milliseconds(150)),
            .startTimer(.searchDebounce(generation: 3), after: .milliseconds(150)),
        ])
        // Only the timer of the latest edit searches.
        #expect(reduce(&state, .timerFired(.searchDebounce(generation: 1))).isEmpty)
        let search = reduce(&state, .timerFired(.searchDebounce(generation: 3)))
        #expect(search == [.search(SearchQuery(text: "cup", currency: .usd), generation: 3)])
        Fixtures.press([.escape], &state)
        #expect(state.screen == .cart)
    }

    @Test("Enter on “Did you mean …?” searches for the gateway's suggestion")
    func didYouMean() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("/")], &state)
        _ = Fixtures.type("lamq", &state)
        _ = reduce(&state, .searchLoaded(generation: 4, .success(SearchResults(hits: [], total: 0, suggestion: "lamp"))))
        #expect(reduce(&state, .key(.enter)) == [.search(SearchQuery(text: "lamp", currency: .usd), generation: 5)])
        #expect(state.search.query.text == "lamp")
        // Without a suggestion, Enter on an empty result does nothing.
        _ = reduce(&state, .searchLoaded(generation: 5, .success(SearchResults(hits: [], total: 0))))
        #expect(reduce(&state, .key(.enter)).isEmpty)
        #expect(state.search.query.text == "lamp")
    }

    @Test("A late answer to an older query never overwrites a newer one")
    func staleAnswers() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("/")], &state)
        _ = Fixtures.type("ke", &state)
        _ = reduce(&state, .timerFired(.searchDebounce(generation: 2)))
        _ = Fixtures.type("t", &state)
        _ = reduce(&state, .timerFired(.searchDebounce(generation: 3)))
        let kettle = SearchHit(product: Fixtures.products[1], matchedIn: [.name])
        let other = SearchHit(product: Fixtures.products[0], matchedIn: [.description])
        _ = reduce(&state, .searchLoaded(generation: 3, .success(SearchResults(hits: [kettle], total: 1))))
        _ = reduce(&state, .searchLoaded(generation: 2, .success(SearchResults(hits: [other, kettle], total: 2))))
        #expect(state.search.hits == [kettle])
        #expect(state.search.shownQuery == "ket")
    }

    @Test("Scrolling the results loads the next page of matches; a late page of an older query is dropped")
    func searchPaging() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("/")], &state)
        _ = Fixtures.type("lamp", &state)
        let generation = state.search.generation
        let hits = (0..<50).map { SearchHit(product: Fixtures.product("s\($0)", "Lamp \($0)", 1000, stock: 9), matchedIn: [.name]) }
        _ = reduce(&state, .searchLoaded(generation: generation, .success(SearchResults(hits: hits, total: 120, nextCursor: "c50"))))
        #expect(state.search.hits.count == 50)
        Fixtures.press([.tab], &state)  // to the results

        // Far from the end: nothing more is asked. Near it: the next page, once.
        #expect(Fixtures.press([.down], &state).isEmpty)
        let query = SearchReducer.query(state)
        let effects = Fixtures.press([.end], &state)
        #expect(effects == [.searchMore(query, cursor: "c50", generation: generation)])
        #expect(Fixtures.press([.up], &state).isEmpty)  // already on its way

        let more = (50..<100).map { SearchHit(product: Fixtures.product("s\($0)", "Lamp \($0)", 1000, stock: 9), matchedIn: [.name]) }
        // The first hit repeats the last of the page before (a cursor shifted by a catalog change).
        _ = reduce(&state, .searchMoreLoaded(generation: generation, .success(SearchResults(hits: [hits[49]] + more, total: 120, nextCursor: "c100"))))
        #expect(state.search.hits.map(\.product.id) == (0..<100).map { "s\($0)" })
        #expect(state.search.results.value?.nextCursor == "c100")

        // A failed page is said in the title and asked again on the next move.
        _ = Fixtures.press([.end], &state)
        _ = reduce(&state, .searchMoreLoaded(generation: generation, .failure(ServiceFailure(kind: .network, message: "offline"))))
        #expect(state.search.moreError == "offline" && !state.search.isLoadingMore)
        #expect(Fixtures.press([.up], &state) == [.searchMore(query, cursor: "c100", generation: generation)])

        // The query changes while that page is out: the page is dropped.
        Fixtures.press([.tab], &state)
        _ = Fixtures.type("s", &state)
        _ = reduce(&state, .searchMoreLoaded(generation: generation, .success(SearchResults(hits: more, total: 120))))
        #expect(state.search.hits.count == 100)
        #expect(state.search.results.isLoading)
    }

    @Test("Scrolling the order history loads older orders; a page that no longer follows the list is dropped")
    func ordersPaging() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("o")], &state)
        let newest = (0..<100).map { OrderSummary(id: "ord-\(1000 - $0)", status: .delivered, placedAt: Fixtures.now, total: Fixtures.usd(100), itemCount: 1) }
        _ = reduce(&state, .ordersLoaded(.success(Page(items: newest, nextCursor: "o100"))))
        #expect(Fixtures.press([.down], &state).isEmpty)
        #expect(Fixtures.press([.end], &state) == [.loadMoreOrders(cursor: "o100")])
        #expect(Fixtures.press([.up], &state).isEmpty)  // already on its way

        let older = (100..<130).map { OrderSummary(id: "ord-\(1000 - $0)", status: .delivered, placedAt: Fixtures.now, total: Fixtures.usd(100), itemCount: 1) }
        _ = reduce(&state, .moreOrdersLoaded(cursor: "o100", .success(Page(items: older))))
        #expect(state.orders.orders.count == 130 && state.orders.nextCursor == nil)
        #expect(Fixtures.press([.end], &state).isEmpty)  // nothing older

        // Reloaded from the first page while an older page was out: that page is dropped.
        _ = reduce(&state, .ordersLoaded(.success(Page(items: newest, nextCursor: "o100"))))
        _ = Fixtures.press([.end], &state)
        _ = reduce(&state, .ordersLoaded(.success(Page(items: Array(newest.prefix(50)), nextCursor: "o50"))))
        _ = reduce(&state, .moreOrdersLoaded(cursor: "o100", .success(Page(items: older))))
        #expect(state.orders.orders.count == 50)
    }

    @Test("Filters and sort search again at once")
    func filters() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("/")], &state)
        _ = Fixtures.type("a", &state)
        var effects = Fixtures.press([.ctrl("s")], &state)
        #expect(effects == [.search(SearchQuery(text: "a", inStockOnly: true, currency: .usd), generation: 2)])
        effects = Fixtures.press([.ctrl("o")], &state)
        #expect(effects == [.search(SearchQuery(text: "a", inStockOnly: true, sort: .priceAscending, currency: .usd), generation: 3)])
        effects = Fixtures.press([.ctrl("f")], &state)
        #expect(effects == [.search(SearchQuery(text: "a", categoryID: "kitchen", inStockOnly: true, sort: .priceAscending, currency: .usd), generation: 4)])
    }

    @Test("Enter opens the product; Esc goes back to the results")
    func openProduct() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("/")], &state)
        _ = Fixtures.type("pan", &state)
        _ = reduce(&state, .searchLoaded(generation: 3, .success(SearchResults(hits: [SearchHit(product: Fixtures.products[2], matchedIn: [.name])], total: 1))))
        let effects = Fixtures.press([.enter], &state)
        #expect(state.screen == .browse)
        #expect(state.browse.focus == .detail)
        #expect(effects.contains(.loadProduct(id: "p3", currency: .usd)))
        Fixtures.press([.escape], &state)
        #expect(state.screen == .search)
        #expect(state.search.query.text == "pan")
    }
}

@Suite("Reducer: cart")
struct CartReducerTests {
    @Test("+, - and x change the selected line")
    func lineChanges() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("c")], &state)
        _ = reduce(&state, .cartLoaded(.success(Fixtures.cartWithTwo)))
        #expect(Fixtures.press([.character("+")], &state) == [.setCartQuantity(productID: "p1", quantity: 3, currency: .usd)])
        #expect(Fixtures.press([.character("-")], &state) == [.setCartQuantity(productID: "p1", quantity: 1, currency: .usd)])
        Fixtures.press([.character("j")], &state)
        #expect(Fixtures.press([.character("-")], &state) == [.removeFromCart(productID: "p4", currency: .usd)])
        #expect(Fixtures.press([.character("x")], &state) == [.removeFromCart(productID: "p4", currency: .usd)])
    }

    @Test("A stock conflict is explained, the cart is reloaded, and the valid line stays valid")
    func stockConflict() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("c")], &state)
        let conflict = ServiceFailure(kind: .conflict, message: "Not enough stock", productID: "p1", available: 2)
        let effects = reduce(&state, .cartChanged(productID: "p1", .failure(conflict)))
        #expect(state.banner?.text == "Espresso cup: you already have all 2 in your cart.")
        #expect(effects == [.loadCart(currency: .usd, generation: 1)])
        #expect(!state.cart.hasProblems)
        // Checkout is not blocked by a refused change.
        Fixtures.press([.escape, .enter], &state)
        #expect(state.screen == .checkout)
    }

    @Test("An empty cart cannot be checked out")
    func emptyCart() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("c")], &state)
        _ = reduce(&state, .cartLoaded(.success(.empty())))
        #expect(Fixtures.press([.enter], &state).isEmpty)
        #expect(state.screen == .cart)
        #expect(state.cart.shippingEstimate == .loaded(.zero(.usd)))
    }

    @Test("The estimate is quoted and totalled with the subtotal")
    func estimate() {
        let state = Fixtures.browsing()
        #expect(state.cart.shippingEstimate == .loaded(Fixtures.usd(899)))
        #expect(state.cart.estimatedTotal == Fixtures.cartWithTwo.subtotal + Fixtures.usd(899))
    }
}
