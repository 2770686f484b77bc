import Foundation
import ShopApp
import ShopKit
import TerminalUI

/// App states for the frame benchmark, reached through `reduce` as the real app reaches them
/// (the same path as the snapshot tests' fixtures), with a large catalog loaded page by page.
enum BenchScreens {
    static let now = Date(timeIntervalSince1970: 1_795_770_000)

    static func usd(_ cents: Int64) -> Money { Money(amount: cents, currency: .usd) }

    static let categories: [ShopKit.Category] = CatalogGenerator.categories.map {
        ShopKit.Category(id: $0.id, name: $0.name, productCount: 0)
    }

    static func summary(_ index: Int) -> ProductSummary {
        let stock = index % 37
        let availability: Availability = stock == 0 ? .outOfStock : stock <= 5 ? .lowStock : .inStock
        return ProductSummary(
            id: String(format: "g%06d", index), code: String(format: "GEN-%06d", index),
            name: "\(CatalogGenerator.adjectives[index % 16]) \(CatalogGenerator.nouns[index % 20]) \(index)",
            category: CatalogGenerator.categories[index % 9].id, price: usd(Int64(199 + index % 20_000)),
            rating: Double(index % 51) / 10, ratingCount: index % 5000, stock: stock, availability: availability)
    }

    static func detail(_ summary: ProductSummary) -> Product {
        Product(id: summary.id, code: summary.code, name: summary.name,
                description: String(repeating: "A sturdy \(summary.name.lowercased()) made to last, easy to store. ", count: 4),
                category: summary.category, price: summary.price, rating: summary.rating, ratingCount: summary.ratingCount,
                stock: summary.stock, availability: summary.availability, updatedAt: now)
    }

    static func line(_ product: ProductSummary, quantity: Int) -> CartLine {
        CartLine(productID: product.id, name: product.name, unitPrice: product.price, quantity: quantity,
                 lineTotal: product.price * quantity, stock: max(10, product.stock), availability: .inStock, problem: nil)
    }

    static let cart: Cart = {
        let lines = (0..<12).map { line(summary($0 * 7 + 1), quantity: 1 + $0 % 3) }
        return Cart(lines: lines, itemCount: lines.reduce(0) { $0 + $1.quantity }, subtotal: Money.sum(lines.map(\.lineTotal), in: .usd))
    }()

    static let guest = User(id: "u-guest", isGuest: true, createdAt: now)

    static let shippingOptions: [ShippingOption] = [
        ShippingOption(id: .standard, name: "Standard", cost: usd(899), minDays: 3, maxDays: 5, estimatedDelivery: now.addingTimeInterval(5 * 86_400)),
        ShippingOption(id: .express, name: "Express", cost: usd(1999), minDays: 1, maxDays: 2, estimatedDelivery: now.addingTimeInterval(2 * 86_400)),
    ]

    static func order() -> Order {
        let lines = cart.lines.map { OrderLine(productID: $0.productID, name: $0.name, unitPrice: $0.unitPrice, quantity: $0.quantity, lineTotal: $0.lineTotal) }
        let events = OrderStatus.progression.prefix { $0 <= .inTransit }.enumerated().map { index, status in
            OrderEvent(status: status, at: now.addingTimeInterval(Double(index) * 3600))
        }
        return Order(id: "ord-1001", status: .inTransit, placedAt: now, email: "grace@example.com",
                     address: Address(id: "ship-1", name: "Grace Hopper", line1: "1 Navy Way", city: "Arlington", region: "VA", postalCode: "22201", country: "US"),
                     shippingOption: shippingOptions[0], lines: lines, subtotal: cart.subtotal, shipping: usd(899),
                     total: cart.subtotal + usd(899), transactionID: "txn-77", trackingID: "TRK-5531", cardBrand: .visa,
                     cardLast4: "4242", events: events, isCancellable: false)
    }

    static func tracking(for order: Order) -> Tracking {
        Tracking(trackingID: order.trackingID, orderID: order.id, status: order.status, estimatedDelivery: now.addingTimeInterval(5 * 86_400),
                 events: order.events.map { TrackingEvent(status: $0.status, at: $0.at, description: $0.status.displayName, location: "Arlington, VA") })
    }

    static func press(_ keys: [Key], _ state: inout AppState) {
        for key in keys { _ = reduce(&state, .key(key)) }
    }

    static func type(_ text: String, _ state: inout AppState) {
        press(text.map { Key.character($0) }, &state)
    }

    /// Start-up answers, then `products` products in pages of `pageSize`, each page timed.
    static func browsing(size: Size, products: Int, pageSize: Int = 20, keepsLastFrame: Bool = false, pageTimes: inout Samples) -> AppState {
        var state = AppState(size: size, now: now, currency: .usd, gatewayLabel: "offline demo")
        _ = reduce(&state, .start)
        _ = reduce(&state, .sessionLoaded(.success(guest)))
        _ = reduce(&state, .categoriesLoaded(.success(categories)))
        var start = 0
        while start < products {
            let end = min(products, start + pageSize)
            let page = Page(items: (start..<end).map(summary), nextCursor: end < products ? "c\(end)" : nil)
            let generation = state.browse.listingGeneration
            // AppRuntime used to keep the last drawn state to tell whether to draw again;
            // --keeps-last-frame shows what keeping it cost.
            let lastFrame: AppState? = keepsLastFrame ? state : nil
            _ = measure(&pageTimes) {
                _ = reduce(&state, .productsLoaded(generation: generation, .success(page)))
                return lastFrame != state
            }
            start = end
        }
        let first = summary(0)
        _ = reduce(&state, .productLoaded(id: first.id, .success(detail(first))))
        _ = reduce(&state, .recommendationsLoaded(productID: first.id, .success((1...4).map(summary))))
        _ = reduce(&state, .adsLoaded(.success([Ad(id: "ad1", text: "Kettles 10% off this week", category: "kitchen", productID: "g000002")])))
        _ = reduce(&state, .cartLoaded(.success(cart)))
        _ = reduce(&state, .shippingQuoted(.cartEstimate, .success(shippingOptions)))
        return state
    }

    /// Search for "lamp" with 100 hits shown and the results focused.
    static func searchResults(from browsing: AppState) -> AppState {
        var state = browsing
        press([.character("/")], &state)
        type("lamp", &state)
        let hits = (0..<100).map { SearchHit(product: summary($0 * 20 + 9), matchedIn: [.name]) }
        _ = reduce(&state, .searchLoaded(generation: state.search.generation, .success(SearchResults(hits: hits, total: 5000))))
        state.search.focus = .results
        return state
    }

    static func cart(from browsing: AppState) -> AppState {
        var state = browsing
        press([.character("c")], &state)
        return state
    }

    /// Browse → cart → checkout through contact, address, shipping and payment to Review.
    static func checkoutReview(from browsing: AppState) -> AppState {
        var state = browsing
        press([.character("c"), .enter], &state)
        type("grace@example.com", &state)
        press([.enter], &state)
        let fields: [(AddressField, String)] = [(.name, "Grace Hopper"), (.line1, "1 Navy Way"), (.city, "Arlington"), (.region, "VA"),
                                                (.postalCode, "22201"), (.country, "US")]
        for (field, text) in fields {
            state.checkout?.addressForm.focus = field
            type(text, &state)
        }
        press([.enter], &state)
        _ = reduce(&state, .shippingQuoted(.checkout, .success(shippingOptions)))
        press([.enter], &state)
        type("4242424242424242", &state)
        press([.tab], &state)
        type("12/30", &state)
        press([.tab], &state)
        type("123", &state)
        press([.enter], &state)
        return state
    }

    /// Orders → the tracker of an order in transit.
    static func tracker(from browsing: AppState) -> AppState {
        var state = browsing
        let order = order()
        press([.character("o")], &state)
        _ = reduce(&state, .ordersLoaded(.success(Page(items: [
            OrderSummary(id: order.id, status: order.status, placedAt: now, total: order.total, itemCount: order.lines.count),
        ]))))
        press([.enter], &state)
        _ = reduce(&state, .orderLoaded(id: order.id, .success(order)))
        _ = reduce(&state, .trackingLoaded(orderID: order.id, .success(tracking(for: order))))
        _ = reduce(&state, .tick(now.addingTimeInterval(2)))
        return state
    }
}
