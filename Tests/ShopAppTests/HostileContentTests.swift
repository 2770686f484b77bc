import Foundation
import ShopKit
import Testing
import TerminalUI
import TerminalUITesting
@testable import ShopApp

/// Products whose text tries to take over the terminal: escape and OSC sequences (window title,
/// clipboard, hyperlinks), CSI cursor moves and colours, C1 controls, bidi overrides and isolates,
/// invisible formatting, a 10,000-character name, a huge description and CJK/emoji mixes.
enum Hostile {
    static let names: [String] = [
        "\u{1B}]0;pwned title\u{07}Title kettle",
        "\u{1B}]52;c;cm0gLXJmIH4=\u{07}Clipboard kettle\u{1B}]52;p;cm0=\u{1B}\\",
        "\u{1B}]8;;https://evil.example/\u{1B}\\Link kettle\u{1B}]8;;\u{1B}\\",
        "\u{1B}[2J\u{1B}[H\u{1B}[31;1mRed\u{1B}[0m \u{1B}[10;10Hcursor\u{1B}[5A kettle\u{1B}7\u{1B}8",
        "C1 \u{9B}31mcsi\u{9B}2J \u{9D}0;c1 title\u{9C} \u{90}dcs\u{9C}\u{85}next \u{8E}kettle",
        "\u{202E}elttek desrever\u{202C} \u{2066}isolate\u{2069} \u{2067}rtl\u{2069}\u{2068}fsi\u{2069} \u{200F}mark\u{200E}\u{061C}",
        "zero\u{200B}width\u{2060}joiner\u{FEFF}bom\u{00AD}shy\u{180E}mvs\u{2061}\u{2062}\u{2063}\u{2064} kettle",
        String(repeating: "Long名前🛒!", count: 1_250),
        "日本語の商品 🍵 👩‍👩‍👧 🇯🇵 🏴󠁧󠁢󠁳󠁣󠁴󠁿 ❤️ 한국어 kettle",
        "\u{1B}P1;1|payload\u{1B}\\DCS \u{1B}_apc\u{1B}\\\u{1B}^pm\u{1B}\\\u{1B}Xsos\u{1B}\\ kettle",
        "Tab\there\nnewline\rCR\u{08}BS\u{7F}DEL\u{00}NUL\u{07}BEL\u{0B}VT\u{0C}FF kettle",
        "unterminated OSC \u{1B}]0;swallows the rest",
    ]

    static let description: String = {
        let paragraph = names.joined(separator: " ") + "\n\u{1B}[1;1H\u{1B}[2KOverwritten?\u{1B}]0;title\u{07}\r\n"
        return String(repeating: paragraph, count: 6)  // about 55,000 characters
    }()

    static func product(_ index: Int) -> ProductSummary {
        let availability: Availability = index % 3 == 0 ? .lowStock : .inStock
        return ProductSummary(id: "h\(index)", code: "H\(index)", name: names[index], category: "hostile", price: Fixtures.usd(1_000 + Int64(index)),
                              rating: 4.2, ratingCount: 7, stock: index % 3 == 0 ? 2 : 50, availability: availability)
    }

    static let products = names.indices.map(product)

    static func detail(_ summary: ProductSummary) -> Product {
        Product(id: summary.id, code: summary.code, name: summary.name, description: description, category: summary.category,
                price: summary.price, rating: summary.rating, ratingCount: summary.ratingCount, stock: summary.stock,
                availability: summary.availability, updatedAt: Fixtures.now)
    }

    static let categories: [ShopKit.Category] = [
        .init(id: "hostile", name: "\u{1B}]0;cat\u{07}Hostile \u{202E}stuff", productCount: names.count),
        .init(id: "kitchen", name: "Kitchen", productCount: 3),
    ]

    static let cart = Fixtures.cart(products.prefix(8).map { Fixtures.line($0, quantity: 1, problem: $0.id == "h3" ? names[4] : nil) })

    static func order() -> Order {
        let base = Fixtures.order(status: .inTransit, cancellable: false)
        let lines = cart.lines.map { OrderLine(productID: $0.productID, name: $0.name, unitPrice: $0.unitPrice, quantity: $0.quantity, lineTotal: $0.lineTotal) }
        return Order(id: base.id, status: base.status, placedAt: base.placedAt, email: base.email, address: base.address,
                     shippingOption: base.shippingOption, lines: lines, subtotal: cart.subtotal, shipping: base.shipping,
                     total: cart.subtotal + base.shipping, transactionID: base.transactionID, trackingID: base.trackingID,
                     cardBrand: .visa, cardLast4: "4242", events: base.events, isCancellable: false)
    }

    static func tracking(_ order: Order) -> Tracking {
        Tracking(trackingID: order.trackingID, orderID: order.id, status: order.status, estimatedDelivery: Fixtures.now.addingTimeInterval(86_400),
                 events: order.events.enumerated().map { index, event in
                     TrackingEvent(status: event.status, at: event.at, description: names[index % names.count], location: names[(index + 5) % names.count])
                 })
    }

    /// A state with the hostile catalog loaded and the first hostile product open.
    static func browsing(width: Int, height: Int) -> AppState {
        var state = Fixtures.state(width: width, height: height)
        _ = reduce(&state, .start)
        _ = reduce(&state, .sessionLoaded(.success(Fixtures.guest)))
        _ = reduce(&state, .categoriesLoaded(.success(categories)))
        _ = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: products))))
        _ = reduce(&state, .productLoaded(id: "h0", .success(detail(products[0]))))
        _ = reduce(&state, .recommendationsLoaded(productID: "h0", .success(Array(products[1...4]))))
        _ = reduce(&state, .adsLoaded(.success([Ad(id: "ad-h", text: names[3], category: "hostile", productID: "h3")])))
        _ = reduce(&state, .cartLoaded(.success(cart)))
        _ = reduce(&state, .shippingQuoted(.cartEstimate, .success(Fixtures.shippingOptions)))
        _ = reduce(&state, .inboxLoaded(.success(Page(items: [
            InboxMessage(id: "m1", kind: .shippingUpdate, title: names[0], body: description, orderID: "ord-1001", createdAt: Fixtures.now, isRead: false),
        ], unreadCount: 1))))
        return state
    }

    /// Every screen that shows product text, by name.
    static func screens(width: Int, height: Int) -> [(String, AppState)] {
        var result: [(String, AppState)] = []
        let base = browsing(width: width, height: height)
        result.append(("browse", base))

        for index in [7, 3, 5] {  // the long name, CSI moves, bidi overrides: open each in the detail pane
            var state = base
            Fixtures.press(Array(repeating: Key.character("j"), count: index) + [.enter], &state)
            _ = reduce(&state, .productLoaded(id: "h\(index)", .success(detail(products[index]))))
            _ = reduce(&state, .recommendationsLoaded(productID: "h\(index)", .success(Array(products.suffix(4)))))
            Fixtures.press([.character("l")], &state)  // the details pane
            result.append(("detail-h\(index)", state))
        }

        var search = base
        Fixtures.press([.character("/")], &search)
        _ = Fixtures.type("kettle", &search)
        _ = reduce(&search, .searchLoaded(generation: search.search.generation, .success(SearchResults(
            hits: products.map { SearchHit(product: $0, matchedIn: [.name, .description]) }, total: products.count))))
        result.append(("search", search))

        var cart = base
        Fixtures.press([.character("c")], &cart)
        _ = reduce(&cart, .cartLoaded(.success(Hostile.cart)))
        result.append(("cart", cart))

        var review = base
        // A line with a problem blocks checkout, so the review gets the same lines without one.
        _ = reduce(&review, .cartLoaded(.success(Fixtures.cart(products.prefix(8).map { Fixtures.line($0, quantity: 1) }))))
        CheckoutDriver.toReview(&review)
        result.append(("review", review))

        var order = base
        let placed = Hostile.order()
        Fixtures.press([.character("o")], &order)
        _ = reduce(&order, .ordersLoaded(.success(Page(items: Fixtures.orderSummaries))))
        Fixtures.press([.enter], &order)
        _ = reduce(&order, .orderLoaded(id: placed.id, .success(placed)))
        _ = reduce(&order, .trackingLoaded(orderID: placed.id, .success(tracking(placed))))
        result.append(("order", order))

        var inbox = base
        Fixtures.press([.character("i"), .enter], &inbox)
        result.append(("inbox", inbox))

        var banner = base
        _ = reduce(&banner, .cartChanged(productID: "h1", .failure(ServiceFailure(kind: .conflict, message: names[1], productID: "h1", available: 1))))
        result.append(("banner", banner))
        return result
    }
}

/// What a screen must never hold, and the shape it must keep, whatever the gateway sends.
enum ScreenInvariants {
    /// Why a cell's symbol could still act on a terminal or hide text, or nil when it is safe.
    static func problem(in symbol: String) -> String? {
        let scalars = Array(symbol.unicodeScalars)
        let isEmoji = scalars.contains { (scalar: Unicode.Scalar) in scalar.properties.isEmoji && scalar.value >= 0x2000 }
        for scalar in scalars {
            let value = scalar.value
            switch value {
            case 0x00...0x1F, 0x7F: return String(format: "C0 control U+%04X", value)
            case 0x80...0x9F: return String(format: "C1 control U+%04X", value)
            case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return String(format: "bidi control U+%04X", value)
            case 0x200C, 0x200D: if !isEmoji { return String(format: "joiner U+%04X outside an emoji", value) }
            case 0xE0000...0xE007F: if !isEmoji { return String(format: "tag U+%04X outside an emoji flag", value) }
            default:
                if scalar.properties.generalCategory == .format { return String(format: "invisible formatting U+%04X", value) }
                if scalar.properties.generalCategory == .lineSeparator || scalar.properties.generalCategory == .paragraphSeparator {
                    return String(format: "line separator U+%04X", value)
                }
            }
        }
        return nil
    }

    static let corners: Set<String> = ["┌", "╭", "┏"]
    static let topRights: Set<String> = ["┐", "╮", "┓"]
    static let bottomLefts: Set<String> = ["└", "╰", "┗"]
    static let bottomRights: Set<String> = ["┘", "╯", "┛"]
    static let verticals: Set<String> = ["│", "┃", "├", "┤", "┣", "┫"]

    /// The panels on screen as rectangles, found from their top-left corners; a panel whose
    /// sides are broken on any row is reported in `broken`.
    static func panels(in buffer: Buffer) -> (panels: [Rect], broken: [String]) {
        var panels: [Rect] = []
        var broken: [String] = []
        for y in 0..<buffer.height {
            for x in 0..<buffer.width where corners.contains(buffer[x, y].symbol) {
                guard let right = (x + 1..<buffer.width).first(where: { topRights.contains(buffer[$0, y].symbol) }) else {
                    broken.append("corner at \(x),\(y) has no top-right corner"); continue
                }
                guard let bottom = (y + 1..<buffer.height).first(where: { bottomLefts.contains(buffer[x, $0].symbol) }) else {
                    broken.append("corner at \(x),\(y) has no bottom-left corner"); continue
                }
                for row in y + 1..<bottom {
                    if !verticals.contains(buffer[x, row].symbol) { broken.append("left side of panel \(x),\(y) broken on row \(row): \(buffer[x, row].symbol)") }
                    if !verticals.contains(buffer[right, row].symbol) { broken.append("right side of panel \(x),\(y) broken on row \(row): \(buffer[right, row].symbol)") }
                }
                if !bottomRights.contains(buffer[right, bottom].symbol) { broken.append("panel \(x),\(y) has no bottom-right corner at \(right),\(bottom)") }
                panels.append(Rect(x: x, y: y, width: right - x + 1, height: bottom - y + 1))
            }
        }
        return (panels, broken)
    }

    /// Every violation in `buffer`: unsafe cells, rows that are not exactly the screen width,
    /// wide characters without their continuation cell.
    static func violations(in buffer: Buffer) -> [String] {
        var found: [String] = []
        for y in 0..<buffer.height {
            var columns = 0
            var x = 0
            while x < buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation {
                    found.append("row \(y): stray continuation cell at \(x)")
                    x += 1
                    continue
                }
                if let problem = problem(in: cell.symbol) { found.append("row \(y) col \(x): \(problem)") }
                let width = TextWidth.columns(of: cell.symbol)
                if width < 1 || width > 2 { found.append("row \(y) col \(x): symbol \(cell.symbol.debugDescription) is \(width) columns") }
                if width == 2 {
                    if x + 1 >= buffer.width || !buffer[x + 1, y].isContinuation { found.append("row \(y) col \(x): wide symbol without its continuation") }
                    x += 1
                }
                columns += max(1, width)
                x += 1
            }
            if columns != buffer.width { found.append("row \(y) is \(columns) columns, not \(buffer.width)") }
        }
        return found
    }
}

@Suite("Hostile content")
struct HostileContentTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    @Test("The sanitiser leaves nothing unsafe in any hostile string, and keeps the visible words")
    func fixturesAreHostile() {
        #expect(Hostile.names.count == 12)
        #expect(Hostile.names[7].count == 10_000)
        #expect(Hostile.description.count > 50_000)
        for name in Hostile.names {
            let clean = TextSanitizer.sanitizeLine(name)
            #expect(clean.unicodeScalars.allSatisfy { ScreenInvariants.problem(in: String($0)) == nil || $0.value == 0x200D || $0.value == 0x200C || $0.value >= 0xE0000 })
        }
        #expect(TextSanitizer.sanitizeLine(Hostile.names[0]) == "Title kettle")
        #expect(TextSanitizer.sanitizeLine(Hostile.names[3]) == "Red cursor kettle")
        #expect(TextSanitizer.sanitizeLine(Hostile.names[5]).hasPrefix("elttek desrever isolate rtlfsi mark"))
    }

    @Test("Every hostile screen at 80x24 and 120x40: no control, escape, bidi or invisible cell; rows full width; panels intact")
    func everyScreen() {
        var cellsChecked = 0
        var screensChecked = 0
        for size in Self.sizes {
            let normal = Fixtures.browsing(width: size.width, height: size.height)
            let normalPanels = ScreenInvariants.panels(in: AppView.render(normal, size: size, theme: .default)).panels
            for (name, state) in Hostile.screens(width: size.width, height: size.height) {
                for theme in [Theme.default, .mono] {
                    let buffer = AppView.render(state, size: size, theme: theme)
                    let violations = ScreenInvariants.violations(in: buffer)
                    #expect(violations.isEmpty, "\(name) \(size.width)x\(size.height): \(violations.prefix(5))")
                    let (panels, broken) = ScreenInvariants.panels(in: buffer)
                    #expect(broken.isEmpty, "\(name) \(size.width)x\(size.height): \(broken.prefix(5))")
                    #expect(!panels.isEmpty || name == "search" || name == "inbox", "\(name) \(size.width)x\(size.height): no panel found")
                    if name == "browse" {
                        #expect(panels == normalPanels, "browse \(size.width)x\(size.height): hostile panels \(panels) vs \(normalPanels)")
                    }
                    cellsChecked += buffer.width * buffer.height
                    screensChecked += 1
                }
            }
        }
        #expect(screensChecked == 2 * 2 * 10)
        #expect(cellsChecked > 100_000)
    }

    @Test("Pictures of four hostile screens")
    func snapshots() {
        for size in Self.sizes {
            let screens = Dictionary(uniqueKeysWithValues: Hostile.screens(width: size.width, height: size.height))
            for name in ["browse", "search", "cart", "detail-h7"] {
                assertScreen(AppView.render(screens[name]!, size: size, theme: .mono), named: "\(name)-\(size.width)x\(size.height)", resolvedWith: .mono)
            }
        }
    }
}
