import Foundation
import GRDB

extension GatewayStore {
    static let maxUnitsPerAdd = 1...10

    /// The caller's cart priced in `currency` (an unknown cart reads as empty).
    func cart(userId: String, currency: Currency) -> PricedCart {
        (try? read { db in try self.pricedCart(db, userId: userId, currency: currency) }) ?? price([], in: currency) { _ in nil }
    }

    /// A cart's lines priced from the products as the database holds them.
    func pricedCart(_ db: Database, userId: String, currency: Currency) throws -> PricedCart {
        let rows = try ServiceRows.cartLinesWithProducts(db, userId: userId)
        var products: [String: Product] = [:]
        for row in rows { products[row.line.productId] = row.product }
        return price(rows.map(\.line), in: currency) { products[$0] }
    }

    func price(_ lines: [CartLineItem], in currency: Currency, product lookup: (String) -> Product?) -> PricedCart {
        let priced = lines.map { line -> PricedCartLine in
            guard let product = lookup(line.productId) else {
                return PricedCartLine(
                    productId: line.productId, name: line.name, unitPrice: .zero(currency), quantity: line.quantity,
                    lineTotal: .zero(currency), stock: 0, problem: "This product is no longer sold.")
            }
            let unit = CurrencyConverter.convert(product.priceUsd, to: currency)
            var problem: String?
            if product.stock == 0 {
                problem = "Out of stock."
            } else if product.stock < line.quantity {
                problem = "Only \(product.stock) left in stock."
            }
            return PricedCartLine(
                productId: product.id, name: product.name, unitPrice: unit, quantity: line.quantity,
                lineTotal: unit * line.quantity, stock: product.stock, problem: problem)
        }
        return PricedCart(lines: priced, subtotal: priced.reduce(.zero(currency)) { $0 + $1.lineTotal })
    }

    /// Adds 1 to 10 units; a product already in the cart has its quantity increased. With an
    /// `Idempotency-Key`, the answer is stored in the same transaction as the add, so a retry
    /// after a crash can never add twice.
    func addToCart(userId: String, productId: String, quantity: Int, currency: Currency) throws(GatewayProblem) -> PricedCart {
        guard Self.maxUnitsPerAdd.contains(quantity) else {
            throw .validation(field: "quantity", "One add is 1 to 10 units.")
        }
        return try keyedWrite(status: 200) { db in
            let product = try self.product(db, productId)
            let existing = try ServiceRows.cartLine(db, userId: userId, productId: productId)
            let already = existing?.quantity ?? 0
            guard already + quantity <= product.stock else {
                throw GatewayProblem.outOfStock(productId: productId, name: product.name, available: max(0, product.stock - already))
            }
            let line = CartLineItem(productId: productId, quantity: already + quantity, name: existing?.name ?? product.name)
            try ServiceRows.saveLine(db, userId: userId, line, at: self.now)
            try self.record(db, .cartChanged, "Added \(quantity) × \(product.name)", userId: userId, subjectId: productId)
            return try self.pricedCart(db, userId: userId, currency: currency)
        }
    }

    /// Sets a line's quantity (0 removes it); never more than the stock on hand.
    func setCartQuantity(userId: String, productId: String, quantity: Int, currency: Currency) throws(GatewayProblem) -> PricedCart {
        guard (0...999).contains(quantity) else {
            throw .validation(field: "quantity", "The quantity must be 0 to 999.")
        }
        return try write { db in
            var lines = try ServiceRows.cartLines(db, userId: userId)
            let index = lines.firstIndex { $0.productId == productId }
            if quantity == 0 {
                guard let index else { return try self.pricedCart(db, userId: userId, currency: currency) }
                lines.remove(at: index)
            } else {
                let product = try self.product(db, productId)
                guard quantity <= product.stock else {
                    throw GatewayProblem.outOfStock(productId: productId, name: product.name, available: product.stock)
                }
                if let index {
                    lines[index].quantity = quantity
                } else {
                    lines.append(CartLineItem(productId: productId, quantity: quantity, name: product.name))
                }
            }
            try ServiceRows.saveCart(db, userId: userId, lines: lines, at: self.now)
            try self.record(db, .cartChanged, "Set the quantity of \(productId) to \(quantity)", userId: userId, subjectId: productId)
            return try self.pricedCart(db, userId: userId, currency: currency)
        }
    }

    /// Removes a line; removing a line that is not there is not an error.
    func removeFromCart(userId: String, productId: String, currency: Currency) throws(GatewayProblem) -> PricedCart {
        try write { db in
            var lines = try ServiceRows.cartLines(db, userId: userId)
            if let index = lines.firstIndex(where: { $0.productId == productId }) {
                lines.remove(at: index)
                try ServiceRows.saveCart(db, userId: userId, lines: lines, at: self.now)
                try self.record(db, .cartChanged, "Removed \(productId)", userId: userId, subjectId: productId)
            }
            return try self.pricedCart(db, userId: userId, currency: currency)
        }
    }

    func clearCart(userId: String, currency: Currency) throws(GatewayProblem) -> PricedCart {
        try write { db in
            if try !ServiceRows.cartLines(db, userId: userId).isEmpty {
                try ServiceRows.saveCart(db, userId: userId, lines: [], at: self.now)
                try self.record(db, .cartChanged, "Emptied the cart", userId: userId)
            }
            return self.price([], in: currency) { _ in nil }
        }
    }

    func shippingQuote(userId: String, currency: Currency) -> [ShippingChoice] {
        let lines = (try? read { db in try ServiceRows.cartLines(db, userId: userId) }) ?? []
        let itemCount = lines.reduce(0) { $0 + $1.quantity }
        return ShippingCalculator.quote(itemCount: itemCount, currency: currency, now: now)
    }
}
