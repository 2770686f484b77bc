import Foundation
import ShopKit
import Testing
import TerminalUI
@testable import ShopApp

/// Issue 13, "every screen right at every size": each defect found by looking at the screens at
/// 60x20, 80x24 and 120x40, in the C locale and on the Linux console, pinned here by what the
/// drawn screen says.
@Suite("Every screen at every size")
struct EverySizeTests {
    static let sizes = [(60, 20), (80, 24), (120, 40)]
    static let ascii = TerminalCapabilities(colors: .ansi16, unicode: false)

    static func text(_ buffer: Buffer) -> String {
        (0..<buffer.height).map { buffer.text(ofRow: $0) }.joined(separator: "\n")
    }

    /// Draws a frame and keeps its published layout, as the run loop does.
    @discardableResult
    static func frame(_ state: inout AppState) -> Buffer {
        PublishedLayoutTests.frame(&state)
    }

    // MARK: PgDn past the loaded end

    /// A list of 30 loaded items with more to come, its selection, and how to deliver the next 30.
    struct PagedCase {
        var state: AppState
        var list: LayoutList
        var selection: (AppState) -> Int?
        var count: (AppState) -> Int
        var landNextPage: (inout AppState) -> Void
    }

    static func pagedCase(_ list: LayoutList, width: Int, height: Int) -> PagedCase {
        let name = PublishedLayoutTests.name
        var state = Fixtures.state(width: width, height: height)
        _ = reduce(&state, .start)
        _ = reduce(&state, .sessionLoaded(.success(Fixtures.guest)))
        _ = reduce(&state, .categoriesLoaded(.success(Fixtures.categories)))
        let products = (0..<60).map { Fixtures.product("q\($0)", name($0), 1000 + Int64($0), stock: 40) }
        switch list {
        case .searchResults:
            _ = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: Array(products[0..<30]), nextCursor: "c2"))))
            Fixtures.press([.character("/")], &state)
            _ = Fixtures.type("item", &state)
            let generation = state.search.generation
            let hits = products.map { SearchHit(product: $0, matchedIn: [.name]) }
            _ = reduce(&state, .searchLoaded(generation: generation, .success(SearchResults(hits: Array(hits[0..<30]), total: 60, nextCursor: "s2"))))
            state.search.focus = .results
            return PagedCase(state: state, list: list, selection: { $0.search.list.selected }, count: { $0.search.hits.count }) { state in
                _ = reduce(&state, .searchMoreLoaded(generation: generation, .success(SearchResults(hits: Array(hits[30...]), total: 60))))
            }
        case .orders:
            _ = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: Array(products[0..<30]), nextCursor: "c2"))))
            Fixtures.press([.character("o")], &state)
            let orders = (0..<60).map { OrderSummary(id: name($0), status: .placed, placedAt: Fixtures.now, total: Fixtures.usd(100), itemCount: 1) }
            _ = reduce(&state, .ordersLoaded(.success(Page(items: Array(orders[0..<30]), nextCursor: "o2"))))
            return PagedCase(state: state, list: list, selection: { $0.orders.listState.selected }, count: { $0.orders.orders.count }) { state in
                _ = reduce(&state, .moreOrdersLoaded(cursor: "o2", .success(Page(items: Array(orders[30...])))))
            }
        default:
            _ = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: Array(products[0..<30]), nextCursor: "c2"))))
            return PagedCase(state: state, list: .products, selection: { $0.browse.productList.selected }, count: { $0.browse.products.count }) { state in
                _ = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: Array(products[30...])))))
            }
        }
    }

    @Test("PgDn past the loaded end: the selection waits on the last loaded row, then moves on a whole page when the page lands",
          arguments: [LayoutList.products, .searchResults, .orders], sizes)
    func pageDownPastTheLoadedEnd(list: LayoutList, size: (Int, Int)) throws {
        var made = Self.pagedCase(list, width: size.0, height: size.1)
        Self.frame(&made.state)
        // PgDn until the move passes the 30 loaded rows; each moves by the rows its frame showed
        // (the list's last row may say "loading more…" meanwhile).
        var expected = 0
        while expected < 30 {
            expected += try #require(made.state.layout.lists[made.list]).visibleRows
            Fixtures.press([.pageDown], &made.state)
            let selected = try #require(made.selection(made.state))
            #expect(selected == min(expected, 29), "\(list) at \(size): the selection points past what is loaded, or lags")
            Self.frame(&made.state)
        }
        made.landNextPage(&made.state)
        let buffer = Self.frame(&made.state)
        #expect(made.selection(made.state) == expected, "\(list) at \(size): the page landed, and the selection went on")
        let shown = try #require(made.state.layout.lists[made.list])
        #expect(shown.row(of: expected) != nil, "\(list) at \(size): the selection is on screen\n\(LayoutLint.picture(buffer))")
    }

    @Test("While the selection waits for a page, the list says more is loading", arguments: sizes)
    func waitingSaysLoading(size: (Int, Int)) {
        var made = Self.pagedCase(.products, width: size.0, height: size.1)
        Self.frame(&made.state)
        Fixtures.press([.character("G")], &made.state)
        #expect(made.state.browse.pendingMove == .end)
        let buffer = Self.frame(&made.state)
        #expect(Self.text(buffer).contains("loading more"), "\(LayoutLint.picture(buffer))")
    }

    // MARK: Orders at 60 columns

    @Test("Orders tell apart by id at every size: the id whole, or its end after …, with the total and status whole", arguments: sizes)
    func ordersShowAnIdAtEverySize(size: (Int, Int)) {
        var state = Fixtures.browsing(width: size.0, height: size.1)
        Fixtures.press([.character("o")], &state)
        let statuses: [OrderStatus] = [.outForDelivery, .delivered, .cancelled, .placed]
        let orders = (0..<4).map { index in
            OrderSummary(id: "ord_\(index)f9a1c0b7d2e4f6\(index)", status: statuses[index], placedAt: Fixtures.now, total: Fixtures.usd(123_456 + Int64(index)), itemCount: 2)
        }
        _ = reduce(&state, .ordersLoaded(.success(Page(items: orders))))
        let buffer = AppView.render(state, size: state.size, theme: .default)
        for order in orders {
            let row = (0..<buffer.height).map { buffer.text(ofRow: $0) }.first { $0.contains(String(order.id.suffix(6))) }
            #expect(row != nil, "order \(order.id) at \(size) has no id\n\(LayoutLint.picture(buffer))")
            #expect(row?.contains(Format.money(order.total)) == true && row?.contains(order.status.displayName) == true, "\(row ?? "")")
        }
    }

    @Test("An id too long for its column keeps its end")
    func shortID() {
        #expect(OrdersView.shortID("ord_3f9a1c0b7d2e4f60", toColumns: 9) == "…7d2e4f60")
        #expect(OrdersView.shortID("ord-1001", toColumns: 9) == "ord-1001")
    }

    // MARK: Shipping at 60 columns

    @Test("Each shipping option shows its delivery date whole", arguments: sizes)
    func shippingDateIsWhole(size: (Int, Int)) {
        var state = Fixtures.browsing(width: size.0, height: size.1)
        CheckoutDriver.toShipping(&state)
        let buffer = AppView.render(state, size: state.size, theme: .default)
        for option in Fixtures.shippingOptions {
            let row = (0..<buffer.height).map { buffer.text(ofRow: $0) }.first { $0.contains(option.name) && $0.contains(Format.money(option.cost)) }
            #expect(row?.contains("by " + Format.date(option.estimatedDelivery)) == true, "\(option.name) at \(size)\n\(LayoutLint.picture(buffer))")
        }
        state.capabilities = Self.ascii
        let ascii = AppView.render(state, size: state.size, theme: .default).degraded(for: Self.ascii)
        #expect(!Self.text(ascii).contains("arrives."), "\(LayoutLint.picture(ascii))")
    }

    // MARK: Help and palette boxes

    /// The screens an overlay is opened over.
    static func overlaid(_ key: Key, width: Int, height: Int) -> [AppState] {
        var browse = Fixtures.browsing(width: width, height: height)
        var cart = browse
        Fixtures.press([.character("c")], &cart)
        var checkout = cart
        Fixtures.press([.enter], &checkout)
        Fixtures.press([key], &browse)
        Fixtures.press([key], &cart)
        Fixtures.press([.function(1)], &checkout)  // ? types in the e-mail field
        return key == .character("?") ? [browse, cart, checkout] : [browse, cart]
    }

    @Test("Help and the palette never lay a border on a panel's border row (╰─╰───╯─╯ at 80x24)",
          arguments: [Key.character("?"), .character(":")], sizes)
    func overlayBordersStandApart(key: Key, size: (Int, Int)) {
        for state in Self.overlaid(key, width: size.0, height: size.1) {
            #expect(state.overlay != nil)
            let buffer = AppView.render(state, size: state.size, theme: .default)
            for y in 0..<buffer.height {
                let corners = buffer.text(ofRow: y).filter { "╭╮╰╯".contains($0) }
                for pair in ["╭╭", "╮╮", "╰╰", "╯╯"] {
                    #expect(!corners.contains(pair), "row \(y) at \(size) over \(state.screen)\n\(LayoutLint.picture(buffer))")
                }
            }
        }
    }

    @Test("Help lists each key once: a key the screen binds is not listed again under Everywhere",
          arguments: [KeyScope.browse, .search, .cart, .checkout, .orders, .orderDetail, .account, .inbox])
    func helpListsEachKeyOnce(scope: KeyScope) {
        let keys = Keymap.helpSections(current: scope).filter { $0.title != KeyScope.field.title }.flatMap(\.hints).flatMap(\.keys)
        #expect(Set(keys).count == keys.count, "\(scope): \(keys.map(\.displayName))")
    }

    // MARK: ASCII stand-ins

    @Test("In the C locale the cart total reads cart 3 | $114.98, never as a subtraction")
    func middleDotReadsAsASeparator() {
        var state = Fixtures.browsing(width: 80, height: 24)
        state.capabilities = Self.ascii
        let buffer = AppView.render(state, size: state.size, theme: .default).degraded(for: Self.ascii)
        #expect(buffer.text(ofRow: 23).contains("cart 3 | $114.98"), "\(buffer.text(ofRow: 23))")
    }

    @Test("In the C locale a cut name ends in ..., not in a . that reads as the end of a sentence", arguments: sizes)
    func cutTextEndsInThreeDots(size: (Int, Int)) {
        var state = Fixtures.browsing(width: size.0, height: size.1)
        let long = Fixtures.product("p9", "Professional Bamboo Cutting Board with Juice Groove", 2299, stock: 4)
        _ = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: [long], nextCursor: nil))))
        state.capabilities = Self.ascii
        let unicode = AppView.render(state, size: state.size, theme: .default)
        let ascii = unicode.degraded(for: Self.ascii)
        let row = try! #require((0..<unicode.height).first { unicode.text(ofRow: $0).contains("Professional") })
        #expect(unicode.text(ofRow: row).contains("…"))
        #expect(ascii.text(ofRow: row).contains("..."), "\(ascii.text(ofRow: row))")
    }

    // MARK: Search highlights what matched

    @Test("A typo-tolerant match is highlighted on the word it found; every word of the query is")
    func typoMatchesAreHighlighted() {
        func highlighted(_ name: String, _ query: String) -> String {
            SearchMatchHighlight.line(name, toColumns: 60, query: query, style: .plain).spans
                .filter { $0.style.foreground == .role(.highlight) }.map(\.text).joined(separator: "|")
        }
        #expect(highlighted("Automatic Wristwatch", "wristwach") == "Wristwatch")
        #expect(highlighted("Chef's Knife", "knife chef") == "Chef|Knife")
        #expect(highlighted("Crème Brûlée Torch", "creme brulee") == "Crème|Brûlée")
        #expect(highlighted("Pour-Over Coffee Set", "pourover") == "Pour|Over")
        #expect(highlighted("Frying Pan", "pan") == "Pan")
        // Four letters allow no typo: "lamq" finds nothing, and lights nothing.
        #expect(highlighted("Desk Lamp", "lamq") == "")
    }

    @Test("On the Search screen a typo match is drawn in the highlight colour", arguments: sizes)
    func typoMatchOnScreen(size: (Int, Int)) throws {
        var state = Fixtures.browsing(width: size.0, height: size.1)
        Fixtures.press([.character("/")], &state)
        _ = Fixtures.type("wristwach", &state)
        let watch = Fixtures.product("w1", "Automatic Wristwatch", 32900, stock: 5)
        _ = reduce(&state, .searchLoaded(generation: state.search.generation, .success(SearchResults(hits: [SearchHit(product: watch, matchedIn: [.name])], total: 1))))
        let buffer = AppView.render(state, size: state.size, theme: .default)
        let y = try #require((0..<buffer.height).first { buffer.text(ofRow: $0).contains("Wristwatch") })
        let x = try #require(buffer.text(ofRow: y).range(of: "Wristwatch").map { buffer.text(ofRow: y).distance(from: buffer.text(ofRow: y).startIndex, to: $0.lowerBound) })
        #expect(buffer[x, y].style.foreground == .role(.highlight), "\(LayoutLint.picture(buffer))")
    }
}

extension EverySizeTests {
    @Test("In the C locale the palette names the arrow it offers in words: Down next, not v next")
    func paletteAdviceNamesArrowsInWords() {
        var state = Fixtures.browsing(width: 80, height: 24)
        state.capabilities = Self.ascii
        Fixtures.press([.character(":")], &state)
        let buffer = AppView.render(state, size: state.size, theme: .default).degraded(for: Self.ascii)
        #expect(Self.text(buffer).contains("Down next"), "\(LayoutLint.picture(buffer))")
        #expect(!Self.text(buffer).contains("v next"))
    }
}

extension EverySizeTests {
    @Test("The tracker says how fresh it is at every size, beside the longest order id", arguments: sizes)
    func trackerSaysWhenItWasUpdated(size: (Int, Int)) {
        var order = Fixtures.order(status: .inTransit, cancellable: false)
        order.id = "ord_3c7cfa1a05d96374"
        var state = Fixtures.browsing(width: size.0, height: size.1)
        Fixtures.press([.character("o")], &state)
        let summary = OrderSummary(id: order.id, status: order.status, placedAt: order.placedAt, total: order.total, itemCount: 3)
        _ = reduce(&state, .ordersLoaded(.success(Page(items: [summary]))))
        Fixtures.press([.enter], &state)
        _ = reduce(&state, .orderLoaded(id: order.id, .success(order)))
        _ = reduce(&state, .trackingLoaded(orderID: order.id, .success(Fixtures.tracking(for: order))))
        _ = reduce(&state, .tick(Fixtures.now.addingTimeInterval(2)))
        #expect(state.orders.detail?.orderID == order.id)
        let buffer = AppView.render(state, size: state.size, theme: .default)
        #expect(Self.text(buffer).contains("updated"), "\(LayoutLint.picture(buffer))")
    }
}

extension EverySizeTests {
    @Test("In the C locale an error starts with !, not with an x that reads as a key hint")
    func errorMarkIsNotAKey() throws {
        var state = Fixtures.browsing(width: 60, height: 20)
        state.capabilities = Self.ascii
        Fixtures.press([.character("c"), .enter], &state)
        _ = Fixtures.type("a", &state)
        Fixtures.press([.enter], &state)
        let error = try #require(state.checkout?.emailError)
        let buffer = AppView.render(state, size: state.size, theme: .default).degraded(for: Self.ascii)
        #expect(Self.text(buffer).contains("! " + String(error.prefix(20))), "\(LayoutLint.picture(buffer))")
    }
}

extension EverySizeTests {
    @Test("A search result keeps its category whole where the row has room for it", arguments: sizes)
    func searchCategoryIsWhole(size: (Int, Int)) throws {
        var state = Fixtures.browsing(width: size.0, height: size.1)
        let categories = Fixtures.categories + [ShopKit.Category(id: "accessories", name: "Accessories", productCount: 1)]
        _ = reduce(&state, .categoriesLoaded(.success(categories)))
        Fixtures.press([.character("/")], &state)
        _ = Fixtures.type("wristwach", &state)
        let watch = Fixtures.product("w1", "Automatic Wristwatch", 32900, stock: 5, category: "accessories")
        _ = reduce(&state, .searchLoaded(generation: state.search.generation, .success(SearchResults(hits: [SearchHit(product: watch, matchedIn: [.name])], total: 1))))
        let buffer = AppView.render(state, size: state.size, theme: .default)
        let row = try #require((0..<buffer.height).map { buffer.text(ofRow: $0) }.first { $0.contains("$329.00") })
        #expect(row.contains("Automatic Wristwatch") && row.contains("Accessories"), "\(row)")
    }
}

extension EverySizeTests {
    @Test("At 60 columns the cart shows a 20-letter product name whole beside its prices")
    func cartNameIsWholeAt60Columns() throws {
        var state = Fixtures.browsing(width: 60, height: 20)
        let watch = Fixtures.product("w1", "Automatic Wristwatch", 32900, stock: 5)
        _ = reduce(&state, .cartLoaded(.success(Fixtures.cart([Fixtures.line(watch, quantity: 1), Fixtures.line(Fixtures.products[0], quantity: 2)]))))
        Fixtures.press([.character("c")], &state)
        let buffer = AppView.render(state, size: state.size, theme: .default)
        let row = try #require((0..<buffer.height).map { buffer.text(ofRow: $0) }.first { $0.contains("$329.00") })
        #expect(row.contains("Automatic Wristwatch"), "\(LayoutLint.picture(buffer))")
    }
}
