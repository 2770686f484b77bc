import Foundation
import ShopKit
import Testing
import TerminalUI
import TerminalUITesting
@testable import ShopApp

/// Views publish their layout (issue 13): every list pages by exactly the rows it shows, at
/// every size, and a click lands on what is drawn under it. Each frame here is drawn and its
/// layout kept, as the run loop does, and what is checked is read off the drawn screen.
@Suite("Published layout: paging and clicks")
struct PublishedLayoutTests {
    static let sizes = [(60, 20), (80, 24), (120, 40), (200, 60)]
    /// More than two pages at every size.
    static let count = 150

    static func name(_ index: Int) -> String { String(format: "Item %03d", index) }

    /// Draws a frame and keeps the layout its views published, as `AppRuntime` does.
    @discardableResult
    static func frame(_ state: inout AppState) -> Buffer {
        var layout = ScreenLayout.none
        let buffer = AppView.render(state, size: state.size, theme: .default, layout: &layout)
        state.layout = layout
        return buffer
    }

    static func press(_ key: Key, _ state: inout AppState) {
        _ = reduce(&state, .key(key))
    }

    /// A list screen with `count` items, what its rows read and its selection.
    struct Case {
        var state: AppState
        var text: (AppState, Int) -> String
        var selection: (AppState) -> Int?
    }

    static func browse(width: Int, height: Int) -> AppState {
        var state = Fixtures.state(width: width, height: height)
        _ = reduce(&state, .start)
        _ = reduce(&state, .sessionLoaded(.success(Fixtures.guest)))
        _ = reduce(&state, .categoriesLoaded(.success(Fixtures.categories)))
        let products = (0..<count).map { Fixtures.product("q\($0)", name($0), 1000 + Int64($0), stock: 40) }
        _ = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: products))))
        return state
    }

    static func signedIn(width: Int, height: Int, section: AccountState.Section) -> AppState {
        var state = ScreenSnapshotTests.signedIn(width: width, height: height)
        let addresses = (0..<count).map { Address(id: "a\($0)", name: name($0), line1: "1 Way", city: "Bath", postalCode: "BA1", country: "GB") }
        _ = reduce(&state, .addressesLoaded(.success(addresses)))
        let events = (0..<count).map { ActivityEvent(id: "e\($0)", at: Fixtures.now, kind: .signedIn, summary: name($0)) }
        _ = reduce(&state, .activityLoaded(.success(events)))
        state.account.section = section
        return state
    }

    /// The text of a line as the buffer shows it.
    static func plain(_ line: Line) -> String {
        line.spans.map(\.text).joined().trimmingCharacters(in: .whitespaces)
    }

    static func makeCase(_ list: LayoutList, width: Int, height: Int) -> Case? {
        let named: (AppState, Int) -> String = { _, index in name(index) }
        switch list {
        case .products:
            return Case(state: browse(width: width, height: height), text: named, selection: { $0.browse.productList.selected })
        case .categories:
            var state = browse(width: width, height: height)
            let categories = (0..<count).map { ShopKit.Category(id: "c\($0)", name: name($0), productCount: 1) }
            _ = reduce(&state, .categoriesLoaded(.success(categories)))
            state.browse.focus = .categories
            return Case(state: state, text: { _, index in index == 0 ? "All products" : name(index - 1) },
                        selection: { $0.browse.categoryList.selected })
        case .productDescription:
            var state = browse(width: width, height: height)
            var detail = Fixtures.detail(Fixtures.products[0])
            detail.id = "q0"
            detail.description = (0..<count).map(name).joined(separator: "\n")
            _ = reduce(&state, .productLoaded(id: "q0", .success(detail)))
            state.browse.focus = .detail
            return Case(state: state, text: named, selection: { _ in nil })
        case .searchResults:
            var state = browse(width: width, height: height)
            press(.character("/"), &state)
            let hits = (0..<count).map { SearchHit(product: Fixtures.product("q\($0)", name($0), 1000, stock: 40), matchedIn: [.name]) }
            _ = reduce(&state, .searchLoaded(generation: state.search.generation, .success(SearchResults(hits: hits, total: count))))
            state.search.focus = .results
            return Case(state: state, text: named, selection: { $0.search.list.selected })
        case .cart:
            var state = browse(width: width, height: height)
            let lines = (0..<count).map { Fixtures.line(Fixtures.product("q\($0)", name($0), 1000, stock: 40), quantity: 1) }
            _ = reduce(&state, .cartLoaded(.success(Fixtures.cart(lines))))
            press(.character("c"), &state)
            return Case(state: state, text: named, selection: { $0.cart.list.selected })
        case .orders:
            var state = browse(width: width, height: height)
            press(.character("o"), &state)
            let orders = (0..<count).map { OrderSummary(id: name($0), status: .placed, placedAt: Fixtures.now, total: Fixtures.usd(100 + Int64($0)), itemCount: 1) }
            _ = reduce(&state, .ordersLoaded(.success(Page(items: orders))))
            // Each row by its total: at 60 columns the Order column has no room (issue 12's table).
            return Case(state: state, text: { _, index in Format.money(Fixtures.usd(100 + Int64(index))) },
                        selection: { $0.orders.listState.selected })
        case .orderDetail:
            let order = Fixtures.order(status: .inTransit, cancellable: false)
            var state = ScreenSnapshotTests.tracker(width: width, height: height, order: order)
            var tracking = Fixtures.tracking(for: order)
            tracking.events = (0..<count).map { TrackingEvent(status: .inTransit, at: Fixtures.now, description: name($0), location: nil) }
            _ = reduce(&state, .trackingLoaded(orderID: order.id, .success(tracking)))
            return Case(state: state, text: { state, index in
                let area = state.layout.lists[.orderDetail]!.area
                return plain(OrderDetailView.lines(state, in: Rect(x: 0, y: 0, width: area.width, height: area.height))![index])
            }, selection: { _ in nil })
        case .inbox:
            var state = browse(width: width, height: height)
            _ = KeyReducer.perform(.showInbox, &state)
            let messages = (0..<count).map { InboxMessage(id: "n\($0)", kind: .shippingUpdate, title: name($0), body: "", createdAt: Fixtures.now, isRead: true) }
            _ = reduce(&state, .inboxLoaded(.success(Page(items: messages, unreadCount: 0))))
            return Case(state: state, text: named, selection: { $0.inbox.list.selected })
        case .addresses:
            return Case(state: signedIn(width: width, height: height, section: .addresses), text: named, selection: { $0.account.addressList.selected })
        case .activity:
            return Case(state: signedIn(width: width, height: height, section: .activity), text: named, selection: { $0.account.activityList.selected })
        case .help:
            var state = browse(width: width, height: height)
            press(.character("?"), &state)
            // The start of each row: a row as wide as the box gives its last column to the scrollbar.
            return Case(state: state, text: { state, index in String(plain(OverlayView.helpRows(state).rows[index]).prefix(16)) },
                        selection: { _ in nil })
        case .checkoutAddresses:
            var state = browse(width: width, height: height)
            _ = reduce(&state, .cartLoaded(.success(Fixtures.cartWithTwo)))
            press(.character("c"), &state)
            press(.enter, &state)
            _ = Fixtures.type("grace@example.com", &state)
            press(.enter, &state)
            let addresses = (0..<count).map { Address(id: "a\($0)", name: name($0), line1: "1 Way", city: "Bath", postalCode: "BA1", country: "GB") }
            _ = reduce(&state, .addressesLoaded(.success(addresses)))
            return Case(state: state, text: { _, index in index == count ? "+ New address" : name(index) },
                        selection: { $0.checkout?.addressChoice.selected })
        case .palette:
            var state = browse(width: width, height: height)
            let orders = (0..<count).map { OrderSummary(id: name($0), status: .placed, placedAt: Fixtures.now, total: Fixtures.usd(100), itemCount: 1) }
            _ = reduce(&state, .ordersLoaded(.success(Page(items: orders))))
            press(.character(":"), &state)
            // Each row by its title, cut as the row cuts it: the commands first, then the orders.
            return Case(state: state, text: { state, index in
                let title = PaletteCatalog.shown(state)[index].title
                return String(title.prefix(12))
            }, selection: { $0.palette.list.selected })
        case .checkoutShipping:
            return nil  // two options: always one page (clicked below)
        }
    }

    /// Each row of `shown` reads its item, and the row under the list does not read the next.
    static func expectDrawn(_ shown: ListGeometry, _ buffer: Buffer, _ state: AppState, _ text: (AppState, Int) -> String, _ label: String) {
        for row in 0..<shown.visibleRows where shown.first + row < shown.count {
            let expected = text(state, shown.first + row)
            guard !expected.isEmpty else { continue }  // a blank line of a scrolling text
            #expect(buffer.text(ofRow: shown.area.y + row).contains(expected), "\(label): row \(row) should read \(expected)")
        }
        let next = shown.first + shown.visibleRows
        if next < shown.count, shown.area.maxY < buffer.height {
            let hidden = text(state, next)
            #expect(hidden.isEmpty || !buffer.text(ofRow: shown.area.maxY).contains(hidden), "\(label): \(hidden) is drawn below the list")
        }
    }

    @Test("PgDn and PgUp move exactly one visible page in every list at every size",
          arguments: LayoutList.allCases, sizes)
    func pagesExactly(list: LayoutList, size: (Int, Int)) throws {
        guard let made = Self.makeCase(list, width: size.0, height: size.1) else { return }
        var state = made.state
        let label = "\(list) at \(size.0)x\(size.1)"
        var buffer = Self.frame(&state)
        let before = try #require(state.layout.lists[list], "\(label) is not drawn")
        #expect(before.visibleRows >= 1)
        Self.expectDrawn(before, buffer, state, made.text, label)
        let selected = made.selection(state)
        if selected != nil { #expect(before.count > 2 * before.visibleRows, "\(label): more than two pages") }

        Self.press(.pageDown, &state)
        buffer = Self.frame(&state)
        let after = try #require(state.layout.lists[list])
        #expect(after.visibleRows == before.visibleRows, "\(label)")
        #expect(after.first == min(before.first + before.visibleRows, before.maxOffset), "\(label): the view moved one page")
        if let selected {
            #expect(made.selection(state) == selected + before.visibleRows, "\(label): the selection moved one page")
        }
        Self.expectDrawn(after, buffer, state, made.text, label)

        Self.press(.pageUp, &state)
        Self.frame(&state)
        #expect(state.layout.lists[list]?.first == before.first, "\(label): PgUp comes back")
        if let selected { #expect(made.selection(state) == selected, "\(label)") }
    }

    /// Where `text` is drawn, searched from the top (or on `row`).
    static func find(_ text: String, in buffer: Buffer, row: Int? = nil) throws -> Position {
        for y in row.map({ [$0] }) ?? Array(0..<buffer.height) {
            let line = buffer.text(ofRow: y)
            if let range = line.range(of: text) { return Position(x: line.distance(from: line.startIndex, to: range.lowerBound), y: y) }
        }
        throw TestFailure("\(text) is not on screen")
    }

    static func click(_ position: Position, _ state: inout AppState) -> [Effect] {
        reduce(&state, .mouse(MouseEvent(.click, x: position.x, y: position.y)))
    }

    @Test("A click on a header tab opens its screen", arguments: [(80, 24), (120, 40)])
    func tabs(size: (Int, Int)) throws {
        var state = Self.browse(width: size.0, height: size.1)
        state.mouseEnabled = true
        for (title, screen) in [("Orders", Screen.orders), ("Cart", .cart), ("Inbox", .inbox), ("Account", .account), ("Browse", .browse)] {
            let buffer = Self.frame(&state)
            _ = Self.click(try Self.find(title, in: buffer, row: 0), &state)
            #expect(state.screen == screen, "\(title) at \(size.0)x\(size.1)")
        }
    }

    @Test("A click selects the row drawn under it in a scrolled list, and a second click opens it",
          arguments: [(80, 24), (120, 40)])
    func rows(size: (Int, Int)) throws {
        var state = try #require(Self.makeCase(.orders, width: size.0, height: size.1)).state
        state.mouseEnabled = true
        Self.frame(&state)
        Self.press(.pageDown, &state)
        Self.press(.pageDown, &state)
        let shown = try #require(state.layout.lists[.orders])
        var buffer = Self.frame(&state)
        let scrolled = try #require(state.layout.lists[.orders])
        #expect(scrolled.first == 2 * shown.visibleRows)
        // The third row on screen, whatever its index: the click selects what it reads.
        let target = scrolled.first + 2
        let position = try Self.find(Self.name(target), in: buffer)
        #expect(Self.click(position, &state).isEmpty)
        #expect(state.orders.listState.selected == target)
        buffer = Self.frame(&state)
        #expect(buffer.text(ofRow: position.y).contains(Self.name(target)), "the list did not move under the pointer")
        let opened = Self.click(position, &state)
        #expect(state.screen == .orderDetail && state.orders.detail?.orderID == Self.name(target))
        #expect(opened.contains(.loadOrder(id: Self.name(target))))
    }

    @Test("Clicks on Browse rows, a category and a recommendation land on what is drawn", arguments: [(80, 24), (120, 40)])
    func browseClicks(size: (Int, Int)) throws {
        var state = Fixtures.browsing(width: size.0, height: size.1)
        state.mouseEnabled = true
        var buffer = Self.frame(&state)
        _ = Self.click(try Self.find("Trail backpack", in: buffer), &state)
        #expect(state.browse.productList.selected == 3 && state.browse.detailProductID == "p4")
        _ = reduce(&state, .productLoaded(id: "p4", .success(Fixtures.detail(Fixtures.products[3]))))
        _ = reduce(&state, .recommendationsLoaded(productID: "p4", .success([Fixtures.products[1]])))
        buffer = Self.frame(&state)
        if size.1 >= 40 {  // at 24 rows the description leaves no room for recommendations
            _ = Self.click(try Self.find("• Pour-over kettle", in: buffer), &state)
            #expect(state.browse.detailProductID == "p2" && state.browse.focus == .detail)
        }
        if size.0 >= BrowseView.wideWidth {
            buffer = Self.frame(&state)
            let effects = Self.click(try Self.find("Outdoors", in: buffer), &state)
            #expect(state.browse.selectedCategoryID == "outdoors" && state.browse.focus == .categories)
            #expect(effects.contains { if case .loadProducts(let category, _, _, _) = $0 { category == "outdoors" } else { false } })
        }
    }

    @Test("A click on a dialog button presses it", arguments: [(80, 24), (120, 40)])
    func dialogButtons(size: (Int, Int)) throws {
        var state = ScreenSnapshotTests.tracker(width: size.0, height: size.1, order: Fixtures.order(status: .paid))
        state.mouseEnabled = true
        Self.press(.character("X"), &state)
        var buffer = Self.frame(&state)
        // Beneath the dialog nothing answers: a click on a header tab does nothing.
        _ = Self.click(try Self.find("Browse", in: buffer, row: 0), &state)
        #expect(state.screen == .orderDetail && state.overlay != nil)
        _ = Self.click(try Self.find("Keep it", in: buffer), &state)
        #expect(state.overlay == nil && state.orders.detail?.isCancelling != true)
        Self.press(.character("X"), &state)
        buffer = Self.frame(&state)
        let row = try Self.find("Keep it", in: buffer).y
        let effects = Self.click(try Self.find("Cancel order", in: buffer, row: row), &state)
        #expect(effects == [.cancelOrder(id: "ord-1001")])
    }

    @Test("Clicks in the checkout choose a saved address and a shipping option", arguments: [(80, 24), (120, 40)])
    func checkoutClicks(size: (Int, Int)) throws {
        var state = try #require(Self.makeCase(.checkoutAddresses, width: size.0, height: size.1)).state
        state.mouseEnabled = true
        var buffer = Self.frame(&state)
        let second = try Self.find(Self.name(1), in: buffer)
        _ = Self.click(second, &state)
        #expect(state.checkout?.addressChoice.selected == 1)
        let effects = Self.click(second, &state)
        #expect(state.checkout?.step == .shipping && state.checkout?.confirmedAddressID == "a1")
        #expect(effects.contains { if case .quoteShipping = $0 { true } else { false } })
        _ = reduce(&state, .shippingQuoted(.checkout, .success(Fixtures.shippingOptions)))
        buffer = Self.frame(&state)
        _ = Self.click(try Self.find("Express", in: buffer), &state)
        #expect(state.checkout?.selectedShipping?.id == .express)
    }

    @Test("The run loop keeps the layout of the frame it drew")
    func runtimePublishes() async {
        let backend = TestBackend(size: Size(width: 80, height: 24))
        let runtime = RuntimeTests.runtime(backend)
        var published: ScreenLayout?
        runtime.onTurn = { state in
            guard published == nil, state.layout.lists[.products] != nil else { return }
            published = state.layout
            backend.send(.key(.character("q")))
        }
        await RuntimeTests.run(runtime, on: backend, waitingFor: { "a frame with the product list" })
        #expect(published?.size == Size(width: 80, height: 24) && published?.screen == .browse)
        #expect(published?.target(at: Position(x: 10, y: 0)).map { if case .tab = $0 { true } else { false } } == true)
    }
}
