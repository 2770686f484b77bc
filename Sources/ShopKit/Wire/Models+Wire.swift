// Mapping from the generated wire types (internal) to the public models.

extension Money {
    init(wire: Components.Schemas.Money) {
        self.init(amount: wire.amount, currency: bridge(wire.currency))
    }
}

extension Currency {
    init(wire: Components.Schemas.Currency) {
        self.init(code: bridge(wire.code), name: wire.name, minorUnits: wire.minorUnits, perEuro: wire.perEuro)
    }
}

extension User {
    init(wire: Components.Schemas.User) {
        self.init(id: wire.id, isGuest: wire.isGuest, email: wire.email, name: wire.name,
                  preferredCurrency: wire.preferredCurrency.map(bridge), createdAt: wire.createdAt)
    }
}

extension Session {
    init(wire: Components.Schemas.Session) {
        self.init(token: wire.token, refreshToken: wire.refreshToken, expiresAt: wire.expiresAt,
                  user: User(wire: wire.user))
    }
}

extension Address {
    init(wire: Components.Schemas.Address) {
        self.init(id: wire.id, name: wire.name, line1: wire.line1, line2: wire.line2, city: wire.city,
                  region: wire.region, postalCode: wire.postalCode, country: wire.country, phone: wire.phone)
    }
}

extension AddressInput {
    var wire: Components.Schemas.AddressInput {
        .init(name: name, line1: line1, line2: line2, city: city, region: region, postalCode: postalCode,
              country: country, phone: phone)
    }
}

extension Category {
    init(wire: Components.Schemas.Category) {
        self.init(id: wire.id, name: wire.name, productCount: wire.productCount)
    }
}

extension ProductSummary {
    init(wire: Components.Schemas.ProductSummary) {
        self.init(id: wire.id, code: wire.code, name: wire.name, category: wire.category,
                  price: Money(wire: wire.price), rating: wire.rating, ratingCount: wire.ratingCount,
                  stock: wire.stock, availability: bridge(wire.availability))
    }
}

extension Product {
    init(wire: Components.Schemas.Product) {
        self.init(id: wire.id, code: wire.code, name: wire.name, description: wire.description,
                  category: wire.category, price: Money(wire: wire.price), rating: wire.rating,
                  ratingCount: wire.ratingCount, stock: wire.stock, availability: bridge(wire.availability),
                  updatedAt: wire.updatedAt)
    }
}

extension SearchHit {
    init(wire: Components.Schemas.SearchHit) {
        self.init(product: ProductSummary(wire: wire.product), matchedIn: wire.matchedIn.map(bridge))
    }
}

extension StockLevel {
    init(wire: Components.Schemas.StockLevel) {
        self.init(productID: wire.productId, onHand: wire.onHand, availability: bridge(wire.availability))
    }
}

extension ProductInput {
    var wire: Components.Schemas.ProductInput {
        .init(code: code, name: name, description: description, category: category, priceUsd: priceUSD,
              stock: stock, rating: rating, ratingCount: ratingCount)
    }
}

extension CartLine {
    init(wire: Components.Schemas.CartLine) {
        self.init(productID: wire.productId, name: wire.name, unitPrice: Money(wire: wire.unitPrice),
                  quantity: wire.quantity, lineTotal: Money(wire: wire.lineTotal), stock: wire.stock,
                  availability: bridge(wire.availability), problem: wire.problem)
    }
}

extension Cart {
    init(wire: Components.Schemas.Cart) {
        self.init(lines: wire.lines.map(CartLine.init(wire:)), itemCount: wire.itemCount,
                  subtotal: Money(wire: wire.subtotal))
    }
}

extension ShippingOption {
    init(wire: Components.Schemas.ShippingOption) {
        self.init(id: bridge(wire.id), name: wire.name, cost: Money(wire: wire.cost), minDays: wire.minDays,
                  maxDays: wire.maxDays, estimatedDelivery: wire.estimatedDelivery)
    }
}

extension TrackingEvent {
    init(wire: Components.Schemas.TrackingEvent) {
        self.init(status: bridge(wire.status), at: wire.at, description: wire.description, location: wire.location)
    }
}

extension Tracking {
    init(wire: Components.Schemas.Tracking) {
        self.init(trackingID: wire.trackingId, orderID: wire.orderId, status: bridge(wire.status),
                  estimatedDelivery: wire.estimatedDelivery, events: wire.events.map(TrackingEvent.init(wire:)))
    }
}

extension CardInput {
    var wire: Components.Schemas.CardInput {
        .init(number: number, cvv: cvv, expMonth: expMonth, expYear: expYear, holderName: holderName)
    }
}

extension CardCheck {
    init(wire: Components.Schemas.CardCheck) {
        self.init(brand: bridge(wire.brand), last4: wire.last4, expMonth: wire.expMonth, expYear: wire.expYear)
    }
}

extension PlaceOrderRequest {
    var wire: Components.Schemas.PlaceOrderRequest {
        .init(email: email, addressId: addressID, address: address?.wire, shippingOption: bridge(shippingOption),
              card: card.wire, currency: currency.map(bridge))
    }
}

extension OrderLine {
    init(wire: Components.Schemas.OrderLine) {
        self.init(productID: wire.productId, name: wire.name, unitPrice: Money(wire: wire.unitPrice),
                  quantity: wire.quantity, lineTotal: Money(wire: wire.lineTotal))
    }
}

extension OrderEvent {
    init(wire: Components.Schemas.OrderEvent) {
        self.init(status: bridge(wire.status), at: wire.at, note: wire.note)
    }
}

extension Order {
    init(wire: Components.Schemas.Order) {
        self.init(id: wire.id, status: bridge(wire.status), placedAt: wire.placedAt, email: wire.email,
                  address: Address(wire: wire.address), shippingOption: ShippingOption(wire: wire.shippingOption),
                  lines: wire.lines.map(OrderLine.init(wire:)), subtotal: Money(wire: wire.subtotal),
                  shipping: Money(wire: wire.shipping), total: Money(wire: wire.total),
                  transactionID: wire.transactionId, trackingID: wire.trackingId, cardBrand: bridge(wire.cardBrand),
                  cardLast4: wire.cardLast4, events: wire.events.map(OrderEvent.init(wire:)),
                  isCancellable: wire.cancellable)
    }
}

extension OrderSummary {
    init(wire: Components.Schemas.OrderSummary) {
        self.init(id: wire.id, status: bridge(wire.status), placedAt: wire.placedAt, total: Money(wire: wire.total),
                  itemCount: wire.itemCount)
    }
}

extension Invoice {
    init(wire: Components.Schemas.Invoice) {
        self.init(number: wire.number, orderID: wire.orderId, issuedAt: wire.issuedAt, email: wire.email,
                  billingAddress: Address(wire: wire.billingAddress), lines: wire.lines.map(OrderLine.init(wire:)),
                  subtotal: Money(wire: wire.subtotal), shipping: Money(wire: wire.shipping),
                  total: Money(wire: wire.total), transactionID: wire.transactionId,
                  cardBrand: bridge(wire.cardBrand), cardLast4: wire.cardLast4, status: bridge(wire.status))
    }
}

extension InboxMessage {
    init(wire: Components.Schemas.Notification) {
        self.init(id: wire.id, kind: bridge(wire.kind), title: wire.title, body: wire.body, orderID: wire.orderId,
                  createdAt: wire.createdAt, isRead: wire.read)
    }
}

extension Ad {
    init(wire: Components.Schemas.Ad) {
        self.init(id: wire.id, text: wire.text, category: wire.category, productID: wire.productId)
    }
}

extension ActivityEvent {
    init(wire: Components.Schemas.ActivityEvent) {
        self.init(id: wire.id, at: wire.at, kind: bridge(wire.kind), summary: wire.summary, userID: wire.userId,
                  subjectID: wire.subjectId)
    }
}

extension Health {
    init(wire: Components.Schemas.Health) {
        self.init(status: wire.status.rawValue, version: wire.version, time: wire.time)
    }
}
