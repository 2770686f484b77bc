import Foundation
import ShopKit
import TerminalUI
@testable import ShopApp

/// Fixed data and dates so that reducer tests and snapshots are deterministic.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_795_770_000)  // 2026-11-27 09:00:00 UTC

    static func usd(_ cents: Int64) -> Money { Money(amount: cents, currency: .usd) }

    static let categories: [ShopKit.Category] = [
        .init(id: "kitchen", name: "Kitchen", productCount: 3),
        .init(id: "outdoors", name: "Outdoors", productCount: 2),
        .init(id: "books", name: "Books", productCount: 1),
    ]

    static func product(_ id: String, _ name: String, _ cents: Int64, stock: Int, category: String = "kitchen", rating: Double = 4.5) -> ProductSummary {
        let availability: Availability = stock == 0 ? .outOfStock : stock <= 5 ? .lowStock : .inStock
        return ProductSummary(id: id, code: id.uppercased(), name: name, category: category, price: usd(cents), rating: rating,
                              ratingCount: 120, stock: stock, availability: availability)
    }

    static let products: [ProductSummary] = [
        product("p1", "Espresso cup", 1299, stock: 40),
        product("p2", "Pour-over kettle", 4999, stock: 3, rating: 4.8),
        product("p3", "Cast iron pan", 3450, stock: 0, rating: 4.1),
        product("p4", "Trail backpack", 8900, stock: 12, category: "outdoors", rating: 4.3),
        product("p5", "Camping stove", 5600, stock: 7, category: "outdoors", rating: 3.9),
    ]

    static func detail(_ summary: ProductSummary) -> Product {
        Product(id: summary.id, code: summary.code, name: summary.name,
                description: "A sturdy \(summary.name.lowercased()) made to last. Dishwasher safe, easy to store, and loved by people who cook every day.",
                category: summary.category, price: summary.price, rating: summary.rating, ratingCount: summary.ratingCount,
                stock: summary.stock, availability: summary.availability, updatedAt: now)
    }

    static func line(_ product: ProductSummary, quantity: Int, problem: String? = nil) -> CartLine {
        CartLine(productID: product.id, name: product.name, unitPrice: product.price, quantity: quantity,
                 lineTotal: product.price * quantity, stock: product.stock, availability: product.availability, problem: problem)
    }

    static func cart(_ lines: [CartLine]) -> Cart {
        Cart(lines: lines, itemCount: lines.reduce(0) { $0 + $1.quantity },
             subtotal: Money.sum(lines.map(\.lineTotal), in: .usd))
    }

    static let cartWithTwo = cart([line(products[0], quantity: 2), line(products[3], quantity: 1)])

    static let guest = User(id: "u-guest", isGuest: true, createdAt: now)
    static let account = User(id: "u-ada", isGuest: false, email: "ada@example.com", name: "Ada Lovelace", createdAt: now)

    static let shippingOptions: [ShippingOption] = [
        ShippingOption(id: .standard, name: "Standard", cost: usd(899), minDays: 3, maxDays: 5, estimatedDelivery: now.addingTimeInterval(5 * 86_400)),
        ShippingOption(id: .express, name: "Express", cost: usd(1999), minDays: 1, maxDays: 2, estimatedDelivery: now.addingTimeInterval(2 * 86_400)),
    ]

    static let savedAddress = Address(id: "a1", name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB")

    static let addressInput = AddressInput(name: "Grace Hopper", line1: "1 Navy Way", city: "Arlington", region: "VA", postalCode: "22201", country: "US")

    static func order(status: OrderStatus = .placed, cancellable: Bool = true) -> Order {
        let lines = cartWithTwo.lines.map { OrderLine(productID: $0.productID, name: $0.name, unitPrice: $0.unitPrice, quantity: $0.quantity, lineTotal: $0.lineTotal) }
        let progression = OrderStatus.progression.prefix { $0 <= status }
        var events = progression.enumerated().map { index, status in OrderEvent(status: status, at: now.addingTimeInterval(Double(index) * 3600)) }
        if status == .cancelled { events = [OrderEvent(status: .placed, at: now), OrderEvent(status: .cancelled, at: now.addingTimeInterval(600))] }
        return Order(id: "ord-1001", status: status, placedAt: now, email: "grace@example.com",
                     address: Address(id: "ship-1", name: "Grace Hopper", line1: "1 Navy Way", city: "Arlington", region: "VA", postalCode: "22201", country: "US"),
                     shippingOption: shippingOptions[0], lines: lines, subtotal: cartWithTwo.subtotal, shipping: usd(899),
                     total: cartWithTwo.subtotal + usd(899), transactionID: "txn-77", trackingID: "TRK-5531", cardBrand: .visa,
                     cardLast4: "4242", events: events, isCancellable: cancellable)
    }

    /// The paid invoice of `order`, as the gateway would issue it.
    static func invoice(for order: Order) -> Invoice {
        Invoice(number: "INV-000042", orderID: order.id, issuedAt: now, email: order.email, billingAddress: order.address,
                lines: order.lines, subtotal: order.subtotal, shipping: order.shipping, total: order.total, transactionID: order.transactionID,
                cardBrand: .visa, cardLast4: "4242", status: .paid)
    }

    static func tracking(for order: Order) -> Tracking {
        Tracking(trackingID: order.trackingID, orderID: order.id, status: order.status, estimatedDelivery: now.addingTimeInterval(5 * 86_400),
                 events: order.events.map { TrackingEvent(status: $0.status, at: $0.at, description: $0.status.displayName, location: "Arlington, VA") })
    }

    static let orderSummaries: [OrderSummary] = [
        OrderSummary(id: "ord-1001", status: .inTransit, placedAt: now, total: usd(4397), itemCount: 3),
        OrderSummary(id: "ord-0999", status: .delivered, placedAt: now.addingTimeInterval(-86_400 * 7), total: usd(1299), itemCount: 1),
        OrderSummary(id: "ord-0998", status: .cancelled, placedAt: now.addingTimeInterval(-86_400 * 9), total: usd(8900), itemCount: 1),
    ]

    static let messages: [InboxMessage] = [
        InboxMessage(id: "n2", kind: .shippingUpdate, title: "Your order ord-1001 is in transit", body: "It left the Arlington depot.", orderID: "ord-1001", createdAt: now, isRead: false),
        InboxMessage(id: "n1", kind: .orderConfirmation, title: "Thanks for your order ord-1001", body: "We received your order.", orderID: "ord-1001", createdAt: now.addingTimeInterval(-3600), isRead: true),
    ]

    static let activity: [ActivityEvent] = [
        ActivityEvent(id: "e2", at: now, kind: .orderPlaced, summary: "Placed order ord-1001", userID: "u-ada", subjectID: "ord-1001"),
        ActivityEvent(id: "e1", at: now.addingTimeInterval(-600), kind: .signedIn, summary: "Signed in", userID: "u-ada"),
    ]

    static let ad = Ad(id: "ad1", text: "Kettles 10% off this week", category: "kitchen", productID: "p2")

    /// A fresh state of the given size, before `.start`.
    static func state(width: Int = 120, height: Int = 40) -> AppState {
        AppState(size: Size(width: width, height: height), now: now, currency: .usd, gatewayLabel: "offline demo")
    }

    /// A state with the catalog, the first product's detail and a cart loaded, as after start-up.
    static func browsing(width: Int = 120, height: Int = 40) -> AppState {
        var state = state(width: width, height: height)
        _ = reduce(&state, .start)
        _ = reduce(&state, .sessionLoaded(.success(guest)))
        _ = reduce(&state, .categoriesLoaded(.success(categories)))
        _ = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: products, nextCursor: "c2"))))
        _ = reduce(&state, .productLoaded(id: "p1", .success(detail(products[0]))))
        _ = reduce(&state, .recommendationsLoaded(productID: "p1", .success(Array(products[1...3]))))
        _ = reduce(&state, .adsLoaded(.success([ad])))
        _ = reduce(&state, .cartLoaded(.success(cartWithTwo)))
        _ = reduce(&state, .shippingQuoted(.cartEstimate, .success(shippingOptions)))
        _ = reduce(&state, .inboxLoaded(.success(Page(items: messages, unreadCount: 1))))
        return state
    }

    /// Presses keys in order, collecting every effect.
    @discardableResult
    static func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
        keys.flatMap { reduce(&state, .key($0)) }
    }

    static func type(_ text: String, _ state: inout AppState) -> [Effect] {
        press(text.map { Key.character($0) }, &state)
    }
}
