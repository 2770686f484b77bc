import ShopKit

/// What the palette offers in a state, and in which order for a query.
enum PaletteCatalog {
    /// Commands that only make sense as keys (moving a selection, closing the palette itself).
    static let keyOnlyCommands: Set<Command> = [
        .moveUp, .moveDown, .moveLeft, .moveRight, .first, .last, .pageUp, .pageDown, .nextPane, .previousPane,
        .focusLeft, .focusRight, .palette, .forceQuit, .dismissBanner,
    ]

    /// Every entry: the commands that can run on the screen under the palette (its own, then
    /// the global ones), the categories, the products the gateway found for the query, the
    /// orders and the saved addresses.
    static func entries(_ state: AppState) -> [PaletteEntry] {
        var screen = state
        screen.overlay = nil
        let context = screen.keyContext
        var entries: [PaletteEntry] = []
        var seen: Set<Command> = []
        let scopes: [KeyScope] = [context.scope, .global]
        for scope in scopes {
            for binding in state.keymap.bindings where binding.scope == scope && !seen.contains(binding.command) {
                let command = binding.command
                seen.insert(command)
                guard !keyOnlyCommands.contains(command), !context.unavailable.contains(command) else { continue }
                let label = context.labels[command] ?? binding.label
                let key = Keymap.keys(for: command, in: context).first?.displayName(unicode: state.capabilities.unicode) ?? ""
                entries.append(PaletteEntry(id: "command:\(command.rawValue)", kind: .command, title: capitalized(label), detail: key,
                                            target: .command(command)))
            }
        }
        for category in state.browse.categories.value ?? [] {
            entries.append(PaletteEntry(id: "category:\(category.id)", kind: .category, title: category.name,
                                        detail: Format.count(category.productCount, "product"), target: .category(id: category.id)))
        }
        for product in state.palette.products {
            entries.append(PaletteEntry(id: "product:\(product.id)", kind: .product, title: product.name,
                                        detail: Format.money(product.price), target: .product(id: product.id)))
        }
        for order in state.orders.orders {
            entries.append(PaletteEntry(id: "order:\(order.id)", kind: .order, title: "Order \(order.id)",
                                        detail: "\(order.status.displayName) · \(Format.money(order.total))", target: .order(id: order.id)))
        }
        if state.isSignedIn {
            for address in state.account.addresses.value ?? [] {
                entries.append(PaletteEntry(id: "address:\(address.id)", kind: .address, title: CheckoutView.oneLine(address),
                                            target: .address(id: address.id)))
            }
        }
        return entries
    }

    /// The entries that match `query`, best first. With no query: the recent choices, then
    /// everything in its order. With one: by match score, a recent choice lifted by a bonus
    /// that fades with age; products the gateway found stay even when their names do not
    /// match letter by letter (its search forgives typos).
    static func ranked(_ entries: [PaletteEntry], query: String, history: PaletteHistory) -> [PaletteEntry] {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        var scored: [(entry: PaletteEntry, score: Int, order: Int)] = []
        for (order, entry) in entries.enumerated() {
            let recency = history.rank(of: entry.id).map { max(0, 60 - 3 * $0) } ?? 0
            if trimmed.isEmpty {
                scored.append((entry, recency, order))
            } else if let match = FuzzyMatch.match(trimmed, in: entry.title) {
                scored.append((entry, match.score + recency, order))
            } else if entry.kind == .product {
                scored.append((entry, recency, order))
            }
        }
        scored.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            return lhs.order < rhs.order
        }
        return scored.map(\.entry)
    }

    /// The entries shown now, ranked for the palette's query.
    static func shown(_ state: AppState) -> [PaletteEntry] {
        ranked(entries(state), query: state.palette.query.text, history: state.paletteHistory)
    }

    private static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
