import Foundation
import ShopKit
import Testing
import TerminalUI
@testable import ShopApp

/// Issue 13's leftovers and what the seventh session's walk through every screen found, each
/// pinned by what the drawn screen says.
extension EverySizeTests {
    static let walkSizes = [(60, 20), (80, 24), (120, 40), (200, 60)]

    // MARK: Hints in ASCII

    @Test("In the C locale the cart's advice reads as two sentences, not as a key hint and a | that reads as another", arguments: sizes)
    func cartAdviceReadsNaturallyInASCII(size: (Int, Int)) {
        var state = Fixtures.browsing(width: size.0, height: size.1)
        state.capabilities = Self.ascii
        Fixtures.press([.character("c")], &state)
        let buffer = AppView.render(state, size: state.size, theme: .default).degraded(for: Self.ascii)
        let text = Self.text(buffer)
        #expect(!text.contains("| shipping") && !text.contains("| Shipping"), "\(LayoutLint.picture(buffer))")
        #expect(LayoutLint.isShownWhole("Enter to check out. Shipping is estimated at the standard rate.", in: buffer), "\(LayoutLint.picture(buffer))")
    }

    // MARK: Checkout's path and the invoice's title in ASCII

    /// The row of `buffer` with the checkout's path on it.
    static func pathRow(_ buffer: Buffer) -> String? {
        (0..<buffer.height).map { buffer.text(ofRow: $0) }.first { $0.contains("Contact") && $0.contains("Review") }
    }

    @Test("In the C locale the checkout's path says which steps are done, which is now and which come, in words", arguments: sizes)
    func checkoutPathReadsInASCII(size: (Int, Int)) throws {
        var state = Fixtures.browsing(width: size.0, height: size.1)
        state.capabilities = Self.ascii
        CheckoutDriver.toShipping(&state)
        var buffer = AppView.render(state, size: state.size, theme: .default).degraded(for: Self.ascii)
        var row = try #require(Self.pathRow(buffer), "\(LayoutLint.picture(buffer))")
        #expect(row.contains("Done: Contact, Address > Now: Shipping > Payment > Review"), "\(row)")
        #expect(!row.contains("+"), "\(row)")
        CheckoutDriver.shippingToReview(&state)
        #expect(state.checkout?.step == .review)
        buffer = AppView.render(state, size: state.size, theme: .default).degraded(for: Self.ascii)
        row = try #require(Self.pathRow(buffer), "\(LayoutLint.picture(buffer))")
        #expect(row.contains("Done: Contact, Address, Shipping, Payment > Now: Review"), "\(row)")
    }

    @Test("With Unicode the checkout's path keeps its ticks")
    func checkoutPathKeepsItsTicks() throws {
        var state = Fixtures.browsing()
        CheckoutDriver.toShipping(&state)
        let row = try #require(Self.pathRow(AppView.render(state, size: state.size, theme: .default)))
        #expect(row.contains("✓ Contact › ✓ Address › Shipping › Payment › Review"), "\(row)")
    }

    @Test("In the C locale the tracker's steps are a checklist: done, now and to come tell apart without colour", arguments: sizes)
    func trackerStepsReadInASCII(size: (Int, Int)) {
        var state = ScreenSnapshotTests.tracker(width: size.0, height: size.1, order: Fixtures.order(status: .inTransit, cancellable: false))
        state.capabilities = Self.ascii
        let buffer = AppView.render(state, size: state.size, theme: .mono).degraded(for: Self.ascii)
        let text = Self.text(buffer)
        for step in ["[x] Placed", "[x] Shipped", "[>] In transit", "[ ] Delivered"] {
            #expect(text.contains(step), "\(step)\n\(LayoutLint.picture(buffer))")
        }
        #expect(!text.contains("+ Placed"), "\(LayoutLint.picture(buffer))")
    }

    @Test("In the C locale the invoice's title reads as words, not as 'Invoice | ord_…'", arguments: sizes)
    func invoiceTitleReadsInASCII(size: (Int, Int)) throws {
        let order = Fixtures.order(status: .inTransit, cancellable: false)
        var state = ScreenSnapshotTests.tracker(width: size.0, height: size.1, order: order)
        state.capabilities = Self.ascii
        Fixtures.press([.character("v")], &state)
        _ = reduce(&state, .invoiceLoaded(orderID: order.id, .success(Fixtures.invoice(for: order))))
        let buffer = AppView.render(state, size: state.size, theme: .default).degraded(for: Self.ascii)
        let text = Self.text(buffer)
        #expect(text.contains("Invoice for \(order.id)"), "\(LayoutLint.picture(buffer))")
        #expect(!text.contains("Invoice |"), "\(LayoutLint.picture(buffer))")
    }

    @Test("Registering with text in the e-mail field that is not an address says so, not 'Enter your e-mail address'")
    func registerSaysAnAddressIsMalformed() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("a"), .ctrl("r")], &state)
        #expect(state.account.formMode == .register)
        _ = Fixtures.type("Ana", &state)
        Fixtures.press([.tab], &state)
        _ = Fixtures.type("ana.example.com", &state)
        Fixtures.press([.enter], &state)
        #expect(state.account.formError == "That does not look like an e-mail address")
        Fixtures.press([.ctrl("u")], &state)
        Fixtures.press([.enter], &state)
        #expect(state.account.formError == "Enter your e-mail address")
    }

    @Test("A search with nothing found offers no Enter to open and no Tab to an empty list; under 'Did you mean' Enter searches the suggestion")
    func emptySearchFooterOffersWhatWorks() {
        var state = Fixtures.browsing()
        Fixtures.press([.character("/")], &state)
        _ = Fixtures.type("lamq", &state)
        _ = reduce(&state, .searchLoaded(generation: 4, .success(SearchResults(hits: [], total: 0, suggestion: "lamp"))))
        var footer = Keymap.footerHints(state.keyContext).map { "\($0.keyText) \($0.label)" }
        #expect(footer.contains("Enter search “lamp”"), "\(footer)")
        #expect(!footer.contains { $0.hasPrefix("Tab ") }, "\(footer)")
        _ = reduce(&state, .key(.enter))
        _ = reduce(&state, .searchLoaded(generation: 5, .success(SearchResults(hits: [], total: 0))))
        footer = Keymap.footerHints(state.keyContext).map { "\($0.keyText) \($0.label)" }
        #expect(!footer.contains { $0.hasPrefix("Enter ") }, "\(footer)")
        #expect(reduce(&state, .key(.enter)).isEmpty)
    }

    @Test("At 60 columns an activity's summary is whole: the date beside it shortens", arguments: sizes)
    func activitySummaryIsWhole(size: (Int, Int)) {
        var state = ScreenSnapshotTests.signedIn(width: size.0, height: size.1)
        // The gateway's own words (its order summaries, "Placed order ord_… for 337.99 USD", are
        // still 4 columns too long at 60 columns).
        let summary = "Created the account grace@example.com"
        _ = reduce(&state, .activityLoaded(.success([
            ActivityEvent(id: "e3", at: Fixtures.now, kind: .signedUp, summary: summary, userID: "u-ada"),
            ActivityEvent(id: "e2", at: Fixtures.now.addingTimeInterval(-86_400), kind: .signedIn, summary: "Signed in", userID: "u-ada"),
        ])))
        Fixtures.press([.tab, .tab], &state)
        let buffer = AppView.render(state, size: state.size, theme: .default)
        #expect(LayoutLint.isShownWhole(summary, in: buffer), "\(LayoutLint.picture(buffer))")
        let text = Self.text(buffer)
        // The whole date where it fits beside every summary; "09:00" and "11-26" where it does not.
        #expect(text.contains(size.0 >= 80 ? "2026-11-27 09:00  Created" : "09:00  Created"), "\(text)")
        #expect(text.contains(size.0 >= 80 ? "2026-11-26 09:00  Signed in" : "11-26  Signed in"), "\(text)")
    }

    // MARK: Help's size

    /// The rows of the help box drawn in `buffer`: from its top border to its bottom one.
    static func helpBox(_ buffer: Buffer) -> ClosedRange<Int>? {
        guard let top = (0..<buffer.height).first(where: { buffer.text(ofRow: $0).contains("Keys — ") }) else { return nil }
        let left = buffer.text(ofRow: top).distance(from: buffer.text(ofRow: top).startIndex,
                                                    to: buffer.text(ofRow: top).range(of: "─ Keys")!.lowerBound) - 1
        guard let bottom = (top + 1..<buffer.height).first(where: { buffer[left, $0].symbol == "╰" }) else { return nil }
        return top...bottom
    }

    @Test("Help is as tall as its keys: no blank rows at its bottom, scrolled to its top or its end, and no key or label cut",
          arguments: walkSizes)
    func helpFitsItsContent(size: (Int, Int)) throws {
        for var state in Self.overlaid(.character("?"), width: size.0, height: size.1) {
            for scroll in [[], [Key.character("G")], [.end]] {
                Fixtures.press(scroll, &state)
                let buffer = Self.frame(&state)
                let box = try #require(Self.helpBox(buffer), "\(LayoutLint.picture(buffer))")
                let last = buffer.text(ofRow: box.upperBound - 1)
                let inner = last.trimmingCharacters(in: CharacterSet(charactersIn: " │┃"))
                #expect(!inner.isEmpty, "a blank row at the bottom of help at \(size) over \(state.screen)\n\(LayoutLint.picture(buffer))")
                for y in box {
                    #expect(!buffer.text(ofRow: y).contains("…"), "a cut key or label at \(size) over \(state.screen)\n\(LayoutLint.picture(buffer))")
                }
            }
        }
    }

    @Test("Where help fits, it is a box with a row to spare above and below, not the whole area with a blank tail")
    func helpAt80x24IsABoxOverBrowse() throws {
        var state = Fixtures.browsing(width: 80, height: 24)
        Fixtures.press([.character("?")], &state)
        let buffer = Self.frame(&state)
        let box = try #require(Self.helpBox(buffer))
        #expect(box.lowerBound > 1 && box.upperBound < 21, "\(LayoutLint.picture(buffer))")
        #expect(buffer.text(ofRow: box.upperBound - 1).contains("dismiss message"), "\(LayoutLint.picture(buffer))")
    }

    // MARK: Inbox titles

    static let gatewayTitles = [
        "Order ord_3c7cfa1a05d96374: out for delivery",
        "Order ord_3c7cfa1a05d96374: in transit",
        "Order ord_3c7cfa1a05d96374 confirmed",
        "Welcome to the shop, Ada Lovelace!",
    ]

    static func inbox(width: Int, height: Int, titles: [String]) -> AppState {
        var state = Fixtures.browsing(width: width, height: height)
        let messages = titles.enumerated().map { index, title in
            InboxMessage(id: "n\(index)", kind: .shippingUpdate, title: title, body: "It left the Arlington depot.", orderID: "ord_3c7cfa1a05d96374",
                         createdAt: Fixtures.now.addingTimeInterval(-Double(index) * 40_000), isRead: index > 0)
        }
        _ = reduce(&state, .inboxLoaded(.success(Page(items: messages, unreadCount: 1))))
        Fixtures.press([.character("i")], &state)
        return state
    }

    @Test("Each notification's title is whole in the inbox list at every size, beside its date", arguments: walkSizes)
    func inboxTitlesAreWhole(size: (Int, Int)) {
        let state = Self.inbox(width: size.0, height: size.1, titles: Self.gatewayTitles)
        let buffer = AppView.render(state, size: state.size, theme: .default)
        let rows = (0..<buffer.height).map { buffer.text(ofRow: $0) }
        for title in Self.gatewayTitles {
            let row = rows.first { $0.contains(title) }
            #expect(row != nil, "\"\(title)\" at \(size)\n\(LayoutLint.picture(buffer))")
            // Its date: the whole one where there is room, else the time today or the day before.
            #expect(row.map { $0.contains(#/\d\d[-:]\d\d  /#) } == true, "\(row ?? "")")
        }
    }

    @Test("An opened notification shows its title whole, wrapped, and when it came", arguments: walkSizes)
    func openedNotificationShowsItsTitleWhole(size: (Int, Int)) {
        let long = "Order ord_3c7cfa1a05d96374 and ord_9d1e2f3a4b5c6d7e: both are out for delivery and arrive today between 14:00 and 16:00"
        var state = Self.inbox(width: size.0, height: size.1, titles: [long] + Self.gatewayTitles)
        Fixtures.press([.enter], &state)
        let buffer = AppView.render(state, size: state.size, theme: .default)
        #expect(LayoutLint.isShownWhole(long, in: buffer), "\(LayoutLint.picture(buffer))")
        #expect(Self.text(buffer).contains(Format.dateTime(Fixtures.now)), "\(LayoutLint.picture(buffer))")
    }

    @Test("A short date is the time on the day of now, the month and day before it")
    func shortDateTime() {
        #expect(Format.shortDateTime(Fixtures.now.addingTimeInterval(-60), now: Fixtures.now) == "08:59")
        #expect(Format.shortDateTime(Fixtures.now.addingTimeInterval(-86_400), now: Fixtures.now) == "11-26")
    }
}

extension EverySizeTests {
    // MARK: Marks said in words where the terminal cannot show them

    @Test("In the C locale the card's brand badge says valid in words, not Visa +")
    func cardBadgeInWords() throws {
        var card = CardForm()
        for digit in "4242424242424242" { _ = card.type(.character(digit)) }
        #expect(CheckoutView.brandBadge(card, unicode: false)?.0 == "  Visa, valid number")
        var wrong = CardForm()
        for digit in "4242424242424241" { _ = wrong.type(.character(digit)) }
        #expect(CheckoutView.brandBadge(wrong, unicode: false)?.0 == "  Visa, check the number")
        // Shorter where the row is narrow, never cut.
        var master = CardForm()
        for digit in "5555555555554444" { _ = master.type(.character(digit)) }
        #expect(CheckoutView.brandBadge(master, unicode: false, room: 14)?.0 == " Mastercard ok")
        #expect(CheckoutView.brandBadge(master, unicode: true, room: 14)?.0 == "  Mastercard ✓")
        var state = Fixtures.browsing(width: 60, height: 20)
        state.capabilities = Self.ascii
        CheckoutDriver.toReview(&state)
        Fixtures.press([.escape], &state)  // back to Payment, the number whole
        let buffer = AppView.render(state, size: state.size, theme: .default).degraded(for: Self.ascii)
        #expect(Self.text(buffer).contains("Visa valid"), "\(LayoutLint.picture(buffer))")
        #expect(!Self.text(buffer).contains("Visa +"))
    }

    @Test("In the C locale the order's thanks start with the words, not with a + that stood for the tick")
    func thanksWithoutAStandIn() {
        var state = Fixtures.browsing(width: 60, height: 20)
        state.capabilities = Self.ascii
        CheckoutDriver.toReview(&state)
        Fixtures.press([.enter], &state)
        _ = reduce(&state, .idempotencyKeyCreated("key-1"))
        _ = reduce(&state, .orderPlaced(idempotencyKey: "key-1", .success(Fixtures.order())))
        let buffer = AppView.render(state, size: state.size, theme: .default).degraded(for: Self.ascii)
        #expect(Self.text(buffer).contains("| Thank you! Your order is placed."), "\(LayoutLint.picture(buffer))")
        state.capabilities = TerminalCapabilities(colors: .ansi16, unicode: true)
        let unicode = AppView.render(state, size: state.size, theme: .default)
        #expect(Self.text(unicode).contains("✔ Thank you!"), "\(LayoutLint.picture(unicode))")
    }

    @Test("In the C locale a success banner starts with its message: no # for its coloured edge, no + for a tick")
    func bannerEdgeIsBlankInASCII() throws {
        var state = Fixtures.browsing(width: 60, height: 20)
        state.capabilities = Self.ascii
        _ = reduce(&state, .signedIn(.success(Fixtures.account)))
        let buffer = AppView.render(state, size: state.size, theme: .default).degraded(for: Self.ascii)
        let row = try #require((0..<buffer.height).map { buffer.text(ofRow: $0) }.first { $0.contains("Welcome") })
        #expect(row.hasPrefix("   Welcome, Ada Lovelace!"), "\(row)")
    }

    // MARK: Words that say what to do

    @Test("The register form invites to create an account, not to sign in")
    func registerFormSaysRegister() {
        var state = Fixtures.browsing(width: 80, height: 24)
        Fixtures.press([.character("a"), .ctrl("r")], &state)
        let text = Self.text(AppView.render(state, size: state.size, theme: .default))
        #expect(text.contains("Create an account to keep"), "\(text)")
        #expect(!text.contains("Sign in to keep"))
    }

    @Test("A declined card says nothing was charged and what to do next, once", arguments: sizes)
    func declinedCardSaysWhatNext(size: (Int, Int)) {
        var state = Fixtures.browsing(width: size.0, height: size.1)
        CheckoutDriver.toReview(&state, card: "4000000000000002")
        Fixtures.press([.enter], &state)
        _ = reduce(&state, .idempotencyKeyCreated("key-1"))
        _ = reduce(&state, .orderPlaced(idempotencyKey: "key-1", .failure(ServiceFailure(kind: .paymentDeclined, message: "Your card was declined."))))
        let buffer = AppView.render(state, size: state.size, theme: .default)
        #expect(LayoutLint.isShownWhole("✖ Your card was declined. Nothing was charged: enter another card.", in: buffer), "\(LayoutLint.picture(buffer))")
        // Under the card number, where the cursor is; not also as a line under the breadcrumb.
        let text = Self.text(buffer)
        #expect(text.components(separatedBy: "declined").count == 2, "\(text)")
        let numberRow = buffer.cursor.map { $0.y }
        let declinedRow = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("declined") }
        #expect(numberRow != nil && declinedRow == numberRow! + 1, "\(text)")
    }

    // MARK: A tall list is filled

    @Test("At 200x60 the first page of 20 products asks for the next at once: the list has room for more")
    func tallListAsksForMore() {
        var state = Fixtures.state(width: 200, height: 60)
        _ = reduce(&state, .start)
        _ = reduce(&state, .sessionLoaded(.success(Fixtures.guest)))
        _ = reduce(&state, .categoriesLoaded(.success(Fixtures.categories)))
        PublishedLayoutTests.frame(&state)  // the frame that said "Loading products…"
        let products = (0..<20).map { Fixtures.product("q\($0)", PublishedLayoutTests.name($0), 1000, stock: 40) }
        let effects = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: products, nextCursor: "c2"))))
        #expect(effects.contains(.loadProducts(categoryID: nil, cursor: "c2", currency: .usd, generation: 0)))
        // At 80x24 twenty rows are more than a screen ahead: nothing is asked yet.
        var small = Fixtures.state(width: 80, height: 24)
        _ = reduce(&small, .start)
        PublishedLayoutTests.frame(&small)
        let smallEffects = reduce(&small, .productsLoaded(generation: 0, .success(Page(items: products, nextCursor: "c2"))))
        #expect(!smallEffects.contains { if case .loadProducts = $0 { true } else { false } })
        // Made taller, it asks.
        #expect(reduce(&small, .resize(Size(width: 200, height: 60))).contains(.loadProducts(categoryID: nil, cursor: "c2", currency: .usd, generation: 0)))
    }

    // MARK: Order detail

    @Test("A tracker that scrolls keeps a blank column between its text and the scrollbar", arguments: [(60, 20), (80, 24)])
    func trackerTextStandsClearOfTheScrollbar(size: (Int, Int)) throws {
        let state = ScreenSnapshotTests.tracker(width: size.0, height: size.1, order: Fixtures.order(status: .inTransit, cancellable: false))
        let buffer = AppView.render(state, size: state.size, theme: .default)
        let row = try #require((0..<buffer.height).map { buffer.text(ofRow: $0) }.first { $0.contains("✔ Placed") })
        #expect(row.contains("09:00 ┃") || row.contains("09:00 │"), "\(row)")
    }

    @Test("At 200 columns a step stands near its time, and the invoice keeps a page's width")
    func wideTrackerKeepsItsColumnsReadable() throws {
        var state = ScreenSnapshotTests.tracker(width: 200, height: 60, order: Fixtures.order(status: .inTransit, cancellable: false))
        var buffer = AppView.render(state, size: state.size, theme: .default)
        let row = try #require((0..<buffer.height).map { buffer.text(ofRow: $0) }.first { $0.contains("✔ Placed") })
        let placed = try #require(row.range(of: "Placed")), time = try #require(row.range(of: "2026-11-27 09:00"))
        #expect(row.distance(from: placed.lowerBound, to: time.lowerBound) < 50, "\(row)")
        Fixtures.press([.character("v")], &state)
        let order = Fixtures.order(status: .inTransit, cancellable: false)
        _ = reduce(&state, .invoiceLoaded(orderID: order.id, .success(Fixtures.invoice(for: order))))
        buffer = AppView.render(state, size: state.size, theme: .default)
        let total = try #require((0..<buffer.height).map { buffer.text(ofRow: $0) }.first { $0.contains("Total") })
        let label = try #require(total.range(of: "Total")), amount = try #require(total.range(of: "$"))
        #expect(total.distance(from: label.lowerBound, to: amount.lowerBound) < 80, "\(total)")
    }

    // MARK: Header

    @Test("The header row is on the screen's background beside the tabs, with no block of the status bar's colour at its end")
    func headerHasNoStrayBlock() {
        for (width, height) in Self.walkSizes {
            let state = Fixtures.browsing(width: width, height: height)
            let buffer = AppView.render(state, size: state.size, theme: .default)
            #expect(buffer[width - 1, 0].style.background != .role(.statusBar), "at \(width)x\(height)")
            #expect(buffer[width - 2, 0].style.background != .role(.statusBar), "at \(width)x\(height)")
        }
    }
}

extension EverySizeTests {
    // MARK: Help's own keys

    @Test("Help over the e-mail field lists the keys as they work there: F1, not ?, and no letter that types")
    func helpOverAFieldListsWhatWorksThere() {
        var state = Fixtures.browsing(width: 120, height: 40)
        Fixtures.press([.character("c"), .enter, .function(1)], &state)
        #expect(state.overlay == .help)
        let text = OverlayView.helpRows(state).rows.map { PublishedLayoutTests.plain($0) }.joined(separator: "\n")
        #expect(text.contains("Text fields"), "\(text)")
        #expect(!text.contains("c           cart") && !text.contains("q           quit"), "\(text)")
        #expect(text.contains("F1"), "\(text)")
    }

    @Test("While help is open the footer offers its keys, not the screen's, which do nothing then", arguments: walkSizes)
    func footerOffersHelpsKeys(size: (Int, Int)) {
        var state = Fixtures.browsing(width: size.0, height: size.1)
        Fixtures.press([.character("?")], &state)
        let buffer = AppView.render(state, size: state.size, theme: .default)
        let footer = buffer.text(ofRow: size.1 - 2)
        #expect(footer.contains("Esc close"), "\(footer)")
        #expect(!footer.contains("add one") && !footer.contains("search") && !footer.contains("quit"), "\(footer)")
        // Scrolling is offered where there is something to scroll, and it scrolls.
        let scrolls = state.geometry(of: .help).map { $0.maxOffset > 0 } ?? false
        #expect(footer.contains("scroll") == scrolls, "\(footer)")
        if scrolls {
            Fixtures.press([.down], &state)
            #expect(state.helpScroll == 1)
        }
    }
}

extension EverySizeTests {
    @Test("An empty order list or inbox offers no key that acts on a row: there is none")
    func emptyListsOfferNoRowKeys() {
        var state = Fixtures.browsing(width: 80, height: 24)
        Fixtures.press([.character("o")], &state)
        _ = reduce(&state, .ordersLoaded(.success(Page(items: []))))
        var footer = AppView.render(state, size: state.size, theme: .default).text(ofRow: 22)
        #expect(!footer.contains("Enter track"), "\(footer)")
        Fixtures.press([.character("i")], &state)
        _ = reduce(&state, .inboxLoaded(.success(Page(items: [], unreadCount: 0))))
        footer = AppView.render(state, size: state.size, theme: .default).text(ofRow: 22)
        #expect(!footer.contains("Enter read") && !footer.contains("mark all read"), "\(footer)")
        // With messages, both are offered.
        _ = reduce(&state, .inboxLoaded(.success(Page(items: Fixtures.messages, unreadCount: 1))))
        footer = AppView.render(state, size: state.size, theme: .default).text(ofRow: 22)
        #expect(footer.contains("Enter read") && footer.contains("A mark all read"), "\(footer)")
    }

    // MARK: Product rows

    @Test("A product row leaves a blank column before the scrollbar and reads as one line at any width", arguments: walkSizes)
    func productRowsStopBeforeTheScrollbar(size: (Int, Int)) throws {
        var state = Fixtures.browsing(width: size.0, height: size.1)
        state.capabilities = Self.ascii
        _ = reduce(&state, .productsLoaded(generation: state.browse.listingGeneration,
                                           .success(Page(items: FrameMemoryWalkTests.catalog, nextCursor: nil))))
        let buffer = AppView.render(state, size: state.size, theme: .default).degraded(for: Self.ascii)
        let geometry = try #require(state.geometry(of: .products), "\(LayoutLint.picture(buffer))")
        let scrollbar = geometry.area.maxX - 1
        for y in geometry.area.y..<geometry.area.maxY {
            let row = buffer.text(ofRow: y)
            #expect(buffer[scrollbar - 1, y].symbol == " ", "row \(y) runs into the scrollbar: \(row)")
            // The price follows its name within a reading width, not across an empty pane.
            let columns = Array(row)
            if let dollar = columns.indices.first(where: { columns[$0] == "$" }) {
                #expect(dollar - geometry.area.x < BrowseView.maximumRowWidth, "row \(y): \(row)")
            }
        }
    }
}
