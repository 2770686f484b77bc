// The contract's rules for each answer model (docs/openapi.yaml, components/schemas).

extension Category: ContractChecked {
    func check(_ rules: inout ContractRules) {
        rules.atLeast(productCount, 0, "productCount")
    }
}

extension ProductSummary: ContractChecked {
    func check(_ rules: inout ContractRules) {
        rules.money(price, "price")
        rules.within(rating, 0...5, "rating")
        rules.atLeast(ratingCount, 0, "ratingCount")
        rules.atLeast(stock, 0, "stock")
    }
}

extension Product: ContractChecked {
    func check(_ rules: inout ContractRules) {
        summary.check(&rules)
    }
}

extension SearchHit: ContractChecked {
    func check(_ rules: inout ContractRules) {
        rules.nested(product, "product")
    }
}

extension StockLevel: ContractChecked {
    func check(_ rules: inout ContractRules) {
        rules.atLeast(onHand, 0, "onHand")
    }
}

extension CartLine: ContractChecked {
    func check(_ rules: inout ContractRules) {
        rules.money(unitPrice, "unitPrice")
        rules.atLeast(quantity, 1, "quantity")
        rules.money(lineTotal, "lineTotal")
        rules.atLeast(stock, 0, "stock")
    }
}

extension Cart: ContractChecked {
    func check(_ rules: inout ContractRules) {
        rules.each(lines, "lines")
        rules.atLeast(itemCount, 0, "itemCount")
        rules.money(subtotal, "subtotal")
    }
}

extension ShippingOption: ContractChecked {
    func check(_ rules: inout ContractRules) {
        rules.money(cost, "cost")
        rules.atLeast(minDays, 0, "minDays")
        rules.atLeast(maxDays, 0, "maxDays")
    }
}

extension OrderLine: ContractChecked {
    func check(_ rules: inout ContractRules) {
        rules.money(unitPrice, "unitPrice")
        rules.atLeast(quantity, 1, "quantity")
        rules.money(lineTotal, "lineTotal")
    }
}

extension Order: ContractChecked {
    func check(_ rules: inout ContractRules) {
        rules.nested(shippingOption, "shippingOption")
        rules.each(lines, "lines")
        rules.money(subtotal, "subtotal")
        rules.money(shipping, "shipping")
        rules.money(total, "total")
    }
}

extension OrderSummary: ContractChecked {
    func check(_ rules: inout ContractRules) {
        rules.money(total, "total")
        rules.atLeast(itemCount, 1, "itemCount")
    }
}

extension Invoice: ContractChecked {
    func check(_ rules: inout ContractRules) {
        rules.each(lines, "lines")
        rules.money(subtotal, "subtotal")
        rules.money(shipping, "shipping")
        rules.money(total, "total")
    }
}

extension InboxMessage: ContractChecked {
    func check(_ rules: inout ContractRules) {}
}

extension PlacedOrder: ContractChecked {
    func check(_ rules: inout ContractRules) {
        order.check(&rules)
    }
}

// Lists whose items have no limits beyond their types: conforming still lets their pages
// report the items ``ListItemToleranceMiddleware`` cut out, instead of dropping them unsaid.

extension Ad: ContractChecked {
    func check(_ rules: inout ContractRules) {}
}

extension ActivityEvent: ContractChecked {
    func check(_ rules: inout ContractRules) {}
}

extension Address: ContractChecked {
    func check(_ rules: inout ContractRules) {}
}

extension Currency: ContractChecked {
    func check(_ rules: inout ContractRules) {}
}
