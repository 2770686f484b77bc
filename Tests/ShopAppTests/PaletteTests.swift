import Foundation
import ShopKit
import Testing
import TerminalUI
@testable import ShopApp

@Suite("Command palette")
struct PaletteTests {
    // MARK: Matching

    @Test("Characters in order, case and accents ignored; nothing when a character is missing")
    func matching() {
        #expect(FuzzyMatch.match("crt", in: "Cart") != nil)
        #expect(FuzzyMatch.match("CART", in: "cart") != nil)
        #expect(FuzzyMatch.match("creme", in: "Crème Brûlée Torch") != nil)
        #expect(FuzzyMatch.match("brulee torch", in: "Crème Brûlée Torch") != nil)
        #expect(FuzzyMatch.match("tc", in: "Cart") == nil)
        #expect(FuzzyMatch.match("carts", in: "Cart") == nil)
        #expect(FuzzyMatch.match("", in: "Cart")?.score == 0)
        #expect(FuzzyMatch.match("ct", in: "Cart")?.positions == [0, 3])
    }

    @Test("A prefix beats a word start, which beats letters inside words; a run beats scattered letters")
    func scoring() throws {
        func score(_ query: String, _ title: String) throws -> Int { try #require(FuzzyMatch.match(query, in: title)).score }
        #expect(try score("ord", "Orders") > score("ord", "Track order"))
        #expect(try score("ord", "Track order") > score("ord", "Cardboard"))
        #expect(try score("sign", "Sign out") > score("sign", "Show inbox going"))
        #expect(try score("mar", "Mark all read") > score("mar", "Main area"))
    }

    @Test("Ranking: recent choices first with no query; with one, the best match, a recent one lifted")
    func ranking() {
        let entries = [
            PaletteEntry(id: "command:showCart", kind: .command, title: "Cart", target: .command(.showCart)),
            PaletteEntry(id: "command:checkout", kind: .command, title: "Checkout", target: .command(.checkout)),
            PaletteEntry(id: "command:cycleCurrency", kind: .command, title: "Currency", target: .command(.cycleCurrency)),
            PaletteEntry(id: "category:kitchen", kind: .category, title: "Kitchen", target: .category(id: "kitchen")),
            PaletteEntry(id: "product:p9", kind: .product, title: "Automatic Wristwatch", target: .product(id: "p9")),
        ]
        var history = PaletteHistory()
        #expect(PaletteCatalog.ranked(entries, query: "", history: history).map(\.id).first == "command:showCart")
        history.record("category:kitchen")
        history.record("command:cycleCurrency")
        #expect(PaletteCatalog.ranked(entries, query: "", history: history).prefix(2).map(\.id) == ["command:cycleCurrency", "category:kitchen"])

        // "c" starts Cart, Checkout and Currency alike: the recent one comes first.
        #expect(PaletteCatalog.ranked(entries, query: "c", history: history).first?.id == "command:cycleCurrency")
        // A much better match still wins over a recent one.
        #expect(PaletteCatalog.ranked(entries, query: "check", history: history).first?.id == "command:checkout")
        // The gateway found the product for a typo; the palette keeps it though the letters differ.
        #expect(PaletteCatalog.ranked(entries, query: "wristwach", history: history).map(\.id) == ["product:p9"])
        #expect(!PaletteCatalog.ranked(entries, query: "zzz", history: history).contains { $0.kind == .command })
    }

    @Test("History keeps the latest choices first, each once, and a bounded number")
    func history() {
        var history = PaletteHistory()
        for index in 0..<30 { history.record("e\(index)") }
        history.record("e25")
        #expect(history.recent.count == PaletteHistory.limit)
        #expect(history.rank(of: "e25") == 0)
        #expect(history.rank(of: "e29") == 1)
        #expect(history.rank(of: "e0") == nil)
    }

    // MARK: The palette in the app

    private func signedIn() -> AppState {
        var state = Fixtures.browsing()
        _ = reduce(&state, .sessionLoaded(.success(Fixtures.account)))
        _ = reduce(&state, .ordersLoaded(.success(Page(items: Fixtures.orderSummaries))))
        _ = reduce(&state, .addressesLoaded(.success([Fixtures.savedAddress])))
        return state
    }

    @Test("It offers the screen's commands, the global ones, categories, orders and addresses, each with its key")
    func entries() {
        var state = signedIn()
        Fixtures.press([.character(":")], &state)
        #expect(state.overlay == .palette)
        let entries = PaletteCatalog.shown(state)
        #expect(entries.contains { $0.target == .command(.addOne) && $0.detail == "+" })
        #expect(entries.contains { $0.target == .command(.showCart) && $0.title == "Cart" && $0.detail == "c" })
        #expect(entries.contains { $0.target == .category(id: "outdoors") })
        #expect(entries.contains { $0.target == .order(id: "ord-0999") })
        #expect(entries.contains { $0.target == .address(id: "a1") })
        // Moving keys and the palette itself are not things to look up.
        #expect(!entries.contains { $0.target == .command(.moveDown) || $0.target == .command(.palette) })
    }

    @Test("Typing filters, Enter runs the first match and remembers it, Esc closes; Ctrl-P opens it too")
    func runAndClose() {
        var state = signedIn()
        Fixtures.press([.ctrl("p")], &state)
        _ = Fixtures.type("orders", &state)
        #expect(PaletteCatalog.shown(state).first?.target == .command(.showOrders))
        Fixtures.press([.enter], &state)
        #expect(state.overlay == nil)
        #expect(state.screen == .orders)
        #expect(state.paletteHistory.recent == ["command:showOrders"])

        Fixtures.press([.character(":")], &state)
        _ = Fixtures.type("xyz", &state)
        Fixtures.press([.escape], &state)
        #expect(state.overlay == nil)
        #expect(state.screen == .orders)
    }

    @Test("Choosing an order opens its tracker; a category, Browse with its products")
    func targets() {
        var state = signedIn()
        Fixtures.press([.character(":")], &state)
        _ = Fixtures.type("0999", &state)
        let effects = Fixtures.press([.enter], &state)
        #expect(state.screen == .orderDetail)
        #expect(effects.contains(.loadOrder(id: "ord-0999")))

        Fixtures.press([.character(":")], &state)
        _ = Fixtures.type("outdo", &state)
        let listing = Fixtures.press([.enter], &state)
        #expect(state.screen == .browse)
        #expect(state.browse.selectedCategoryID == "outdoors")
        #expect(listing.contains { if case .loadProducts(categoryID: "outdoors", cursor: nil, currency: _, generation: _) = $0 { true } else { false } })
    }

    @Test("Products: searched after a pause in typing, one request at a time, the latest query last")
    func productSearch() {
        var state = signedIn()
        Fixtures.press([.character(":")], &state)
        let typed = Fixtures.type("ke", &state)
        #expect(typed == [.startTimer(.paletteDebounce(generation: 2), after: PaletteReducer.debounce)])
        // A timer of an older edit does nothing.
        #expect(reduce(&state, .timerFired(.paletteDebounce(generation: 1))).isEmpty)
        #expect(reduce(&state, .timerFired(.paletteDebounce(generation: 2))) == [.paletteSearch(SearchQuery(text: "ke"))])

        _ = Fixtures.type("tt", &state)
        // The first search is still out: the newer query waits for it.
        #expect(reduce(&state, .timerFired(.paletteDebounce(generation: 4))).isEmpty)
        let hit = SearchHit(product: Fixtures.products[1], matchedIn: [])
        let next = reduce(&state, .paletteSearched(query: "ke", .success(SearchResults(hits: [hit], total: 1))))
        #expect(next == [.paletteSearch(SearchQuery(text: "kett"))])
        _ = reduce(&state, .paletteSearched(query: "kett", .success(SearchResults(hits: [hit], total: 1))))
        #expect(state.palette.searchInFlight == nil)
        let shown = PaletteCatalog.shown(state)
        #expect(shown.first?.target == .product(id: "p2"))

        Fixtures.press([.enter], &state)
        #expect(state.screen == .browse)
        #expect(state.browse.focus == .detail)
        #expect(state.browse.detailProductID == "p2")
    }

    @Test("Laid out whole from 60x20 to 250x70")
    func layout() {
        LayoutLint.expectClean("palette, empty query") { width, height in
            var state = signedIn()
            state.size = Size(width: width, height: height)
            Fixtures.press([.character(":")], &state)
            return state
        }
        LayoutLint.expectClean("palette, searching") { width, height in
            var state = signedIn()
            state.size = Size(width: width, height: height)
            Fixtures.press([.character(":")], &state)
            _ = Fixtures.type("ord", &state)
            _ = reduce(&state, .timerFired(.paletteDebounce(generation: state.palette.generation)))
            return state
        }
    }
}
