extension GatewayStore {
    static let maxUnitsPerAdd = 1...10

    /// The caller's cart priced in `currency` (an unknown cart reads as empty).
    func cart(userId: String, currency: Currency) -> PricedCart {
        price(carts[userId] ?? [], in: currency)
    }

    func price(_ lines: [CartLineItem], in currency: Currency) -> PricedCart {
        let priced = lines.map { line -> PricedCartLine in
            guard let product = catalog.product(line.productId) else {
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

    /// Adds 1 to 10 units; a product already in the cart has its quantity increased.
    func addToCart(userId: String, productId: String, quantity: Int, currency: Currency) throws(GatewayProblem) -> PricedCart {
        guard Self.maxUnitsPerAdd.contains(quantity) else {
            throw .validation(field: "quantity", "One add is 1 to 10 units.")
        }
        let product = try product(productId)
        var lines = carts[userId] ?? []
        let index = lines.firstIndex { $0.productId == productId }
        let already = index.map { lines[$0].quantity } ?? 0
        guard already + quantity <= product.stock else {
            throw .outOfStock(productId: productId, name: product.name, available: max(0, product.stock - already))
        }
        if let index {
            lines[index].quantity += quantity
        } else {
            lines.append(CartLineItem(productId: productId, quantity: quantity, name: product.name))
        }
        carts[userId] = lines
        markDirty(.carts, userId)
        record(.cartChanged, "Added \(quantity) × \(product.name)", userId: userId, subjectId: productId)
        try commit()
        return price(lines, in: currency)
    }

    /// Sets a line's quantity (0 removes it); never more than the stock on hand.
    func setCartQuantity(userId: String, productId: String, quantity: Int, currency: Currency) throws(GatewayProblem) -> PricedCart {
        guard (0...999).contains(quantity) else {
            throw .validation(field: "quantity", "The quantity must be 0 to 999.")
        }
        var lines = carts[userId] ?? []
        let index = lines.firstIndex { $0.productId == productId }
        if quantity == 0 {
            guard let index else { return price(lines, in: currency) }
            lines.remove(at: index)
        } else {
            let product = try product(productId)
            guard quantity <= product.stock else {
                throw .outOfStock(productId: productId, name: product.name, available: product.stock)
            }
            if let index {
                lines[index].quantity = quantity
            } else {
                lines.append(CartLineItem(productId: productId, quantity: quantity, name: product.name))
            }
        }
        carts[userId] = lines
        markDirty(.carts, userId)
        record(.cartChanged, "Set the quantity of \(productId) to \(quantity)", userId: userId, subjectId: productId)
        try commit()
        return price(lines, in: currency)
    }

    /// Removes a line; removing a line that is not there is not an error.
    func removeFromCart(userId: String, productId: String, currency: Currency) throws(GatewayProblem) -> PricedCart {
        var lines = carts[userId] ?? []
        guard let index = lines.firstIndex(where: { $0.productId == productId }) else { return price(lines, in: currency) }
        lines.remove(at: index)
        carts[userId] = lines
        markDirty(.carts, userId)
        record(.cartChanged, "Removed \(productId)", userId: userId, subjectId: productId)
        try commit()
        return price(lines, in: currency)
    }

    func clearCart(userId: String, currency: Currency) throws(GatewayProblem) -> PricedCart {
        if let lines = carts[userId], !lines.isEmpty {
            carts[userId] = nil
            markDirty(.carts, userId)
            record(.cartChanged, "Emptied the cart", userId: userId)
            try commit()
        }
        return price([], in: currency)
    }

    func shippingQuote(userId: String, currency: Currency) -> [ShippingChoice] {
        let itemCount = (carts[userId] ?? []).reduce(0) { $0 + $1.quantity }
        return ShippingCalculator.quote(itemCount: itemCount, currency: currency, now: now)
    }
}
