import Foundation

// Domain values to the contract's wire types. Enums map by raw value, which the contract
// and the domain share.

extension Money {
    var wire: Components.Schemas.Money { .init(amount: amount, currency: currency.wire) }
}

extension Currency {
    var wire: Components.Schemas.CurrencyCode { .init(rawValue: rawValue)! }
    init(_ wire: Components.Schemas.CurrencyCode) { self.init(rawValue: wire.rawValue)! }
}

extension Availability {
    var wire: Components.Schemas.Availability { .init(rawValue: rawValue)! }
}

extension OrderStatus {
    var wire: Components.Schemas.OrderStatus { .init(rawValue: rawValue)! }
}

extension CardBrand {
    var wire: Components.Schemas.CardBrand { .init(rawValue: rawValue)! }
}

extension UserAccount {
    var wire: Components.Schemas.User {
        .init(
            id: id, isGuest: isGuest, email: email, name: name, preferredCurrency: preferredCurrency?.wire,
            createdAt: createdAt)
    }
}

extension IssuedSession {
    var wire: Components.Schemas.Session {
        .init(token: token, refreshToken: refreshToken, expiresAt: expiresAt, user: user.wire)
    }
}

extension PostalAddress {
    init(_ input: Components.Schemas.AddressInput) {
        self.init(
            id: "", name: input.name, line1: input.line1, line2: input.line2, city: input.city, region: input.region,
            postalCode: input.postalCode, country: input.country, phone: input.phone)
    }

    var wire: Components.Schemas.Address {
        .init(
            id: id, name: name, line1: line1, line2: line2, city: city, region: region, postalCode: postalCode,
            country: country, phone: phone)
    }
}

extension Product {
    func summary(in currency: Currency) -> Components.Schemas.ProductSummary {
        .init(
            id: id, code: code, name: name, category: category,
            price: CurrencyConverter.convert(priceUsd, to: currency).wire, rating: rating, ratingCount: ratingCount,
            stock: stock, availability: availability.wire)
    }

    func detail(in currency: Currency) -> Components.Schemas.Product {
        .init(
            id: id, code: code, name: name, description: description, category: category,
            price: CurrencyConverter.convert(priceUsd, to: currency).wire, rating: rating, ratingCount: ratingCount,
            stock: stock, availability: availability.wire, updatedAt: updatedAt)
    }
}

extension PricedCart {
    var wire: Components.Schemas.Cart {
        .init(
            lines: lines.map { line in
                .init(
                    productId: line.productId, name: line.name, unitPrice: line.unitPrice.wire, quantity: line.quantity,
                    lineTotal: line.lineTotal.wire, stock: line.stock, availability: Availability(stock: line.stock).wire,
                    problem: line.problem)
            },
            itemCount: itemCount, subtotal: subtotal.wire)
    }
}

extension ShippingChoice {
    var wire: Components.Schemas.ShippingOption {
        .init(
            id: .init(rawValue: option.rawValue)!, name: name, cost: cost.wire, minDays: minDays, maxDays: maxDays,
            estimatedDelivery: estimatedDelivery)
    }
}

extension OrderLineRecord {
    var wire: Components.Schemas.OrderLine {
        .init(productId: productId, name: name, unitPrice: unitPrice.wire, quantity: quantity, lineTotal: lineTotal.wire)
    }
}

extension OrderRecord {
    var wire: Components.Schemas.Order {
        .init(
            id: id, status: status.wire, placedAt: placedAt, email: email, address: address.wire,
            shippingOption: shipping.wire, lines: lines.map(\.wire), subtotal: subtotal.wire,
            shipping: shippingCost.wire, total: total.wire, transactionId: transactionId, trackingId: trackingId,
            cardBrand: cardBrand.wire, cardLast4: cardLast4,
            events: events.map { .init(status: $0.status.wire, at: $0.at, note: $0.note) },
            cancellable: isCancellable)
    }

    var summaryWire: Components.Schemas.OrderSummary {
        .init(id: id, status: status.wire, placedAt: placedAt, total: total.wire, itemCount: itemCount)
    }

    var trackingWire: Components.Schemas.Tracking {
        .init(
            trackingId: trackingId, orderId: id, status: status.wire,
            estimatedDelivery: status == .cancelled ? nil : shipping.estimatedDelivery,
            events: events.map { event in
                .init(
                    status: event.status.wire, at: event.at,
                    description: OrderProgression.describe(event.status) + ": " + event.note, location: event.location)
            })
    }
}

extension InvoiceRecord {
    func wire(order: OrderRecord) -> Components.Schemas.Invoice {
        .init(
            number: number, orderId: orderId, issuedAt: issuedAt, email: order.email,
            billingAddress: order.address.wire, lines: order.lines.map(\.wire), subtotal: order.subtotal.wire,
            shipping: order.shippingCost.wire, total: order.total.wire, transactionId: order.transactionId,
            cardBrand: order.cardBrand.wire, cardLast4: order.cardLast4, status: .init(rawValue: status.rawValue)!)
    }
}

extension NotificationRecord {
    var wire: Components.Schemas.Notification {
        .init(
            id: id, kind: .init(rawValue: kind.rawValue)!, title: title, body: body, orderId: orderId,
            createdAt: createdAt, read: read)
    }
}

extension ActivityRecord {
    var wire: Components.Schemas.ActivityEvent {
        .init(id: id, at: at, kind: .init(rawValue: kind.rawValue)!, summary: summary, userId: userId, subjectId: subjectId)
    }
}

/// Encodes wire values the way the generated server does (ISO 8601 dates), for bodies
/// the gateway stores itself (the idempotency record of a placed order).
enum WireEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }
}
