import Foundation
import ShopKit
import TerminalUI

/// Browse: categories, the product list and the detail pane; three panes when wide, tabs when narrow.
enum BrowseView {
    /// From this width the three panes are side by side.
    static let wideWidth = 100

    static func render(_ state: AppState, area: Rect, into buffer: inout Buffer, layout published: inout ScreenLayout,
                       memory: inout FrameMemory, theme: Theme) {
        let panes = layout(state, area: area)
        if let tabs = panes.tabs {
            let titles = ["Categories", "Products", "Details"]
            let selected = BrowseState.Pane.allCases.firstIndex(of: state.browse.focus) ?? 1
            let widget = Tabs(titles, selected: selected)
            widget.render(into: &buffer, area: tabs, theme: theme)
            for (pane, rect) in zip(BrowseState.Pane.allCases, widget.titleRects(in: tabs)) { published.add(rect, .browsePane(pane)) }
        }
        // A click anywhere in a pane focuses it; its rows, published over it, select.
        if let rect = panes.categories {
            published.add(rect, .browsePane(.categories))
            renderCategories(state, area: rect, into: &buffer, layout: &published, memory: &memory, theme: theme)
        }
        if let rect = panes.products {
            published.add(rect, .browsePane(.products))
            renderProducts(state, area: rect, into: &buffer, layout: &published, memory: &memory, theme: theme)
        }
        if let rect = panes.detail {
            published.add(rect, .browsePane(.detail))
            renderDetail(state, area: rect, into: &buffer, layout: &published, theme: theme)
        }
    }

    struct Panes {
        var tabs: Rect?
        var categories: Rect?
        var products: Rect?
        var detail: Rect?
    }

    /// Wide: three columns. Medium (80 columns and more): the focused list beside the details,
    /// as lazygit does. Narrow: a tab row and the focused pane.
    static func layout(_ state: AppState, area: Rect) -> Panes {
        if area.width >= wideWidth {
            let columns = Layout.split(area, .horizontal, area.width >= 120 ? [.fixed(24), .fill(5), .fill(4)] : [.fixed(20), .fill(3), .fill(2)])
            return Panes(categories: columns[0], products: columns[1], detail: columns[2])
        }
        if area.width >= twoPaneWidth {
            // The list gets the larger half: product names are what a person scans there.
            let columns = Layout.split(area, .horizontal, [.fill(11), .fill(9)])
            if state.browse.focus == .categories { return Panes(categories: columns[0], detail: columns[1]) }
            return Panes(products: columns[0], detail: columns[1])
        }
        let (tabs, rest) = area.splitTop(1)
        switch state.browse.focus {
        case .categories: return Panes(tabs: tabs, categories: rest)
        case .products: return Panes(tabs: tabs, products: rest)
        case .detail: return Panes(tabs: tabs, detail: rest)
        }
    }

    /// From this width the list and the details are side by side.
    static let twoPaneWidth = 80

    static func categoryName(_ state: AppState, id: String?) -> String {
        guard let id else { return "All products" }
        return state.browse.categories.value?.first { $0.id == id }?.name ?? id
    }

    private static func renderCategories(_ state: AppState, area: Rect, into buffer: inout Buffer, layout: inout ScreenLayout,
                                         memory: inout FrameMemory, theme: Theme) {
        let panel = Panel(title: "Categories", isFocused: state.browse.focus == .categories)
        panel.render(into: &buffer, area: area, theme: theme)
        let inside = panel.contentArea(for: area)
        let categories = state.browse.categories.value ?? []
        if categories.isEmpty {
            if let failure = state.browse.categories.failure {
                buffer.write("Could not load: \(failure)", in: inside.row(0), style: .foreground(.error))
            } else if state.browse.categories.isLoading {
                buffer.write("\(Format.spinner(state.spinnerTick)) loading…", in: inside.row(0), style: .foreground(.muted))
            }
        }
        // Saturating: counts come from the gateway, and a sum must never trap.
        let total = categories.reduce(0) { $0.addingSaturating($1.productCount) }
        func category(_ row: Int) -> (name: String, count: Int) {
            row == 0 ? ("All products", total) : (categories[row - 1].name, categories[row - 1].productCount)
        }
        let list = ListView(count: categories.count + 1, state: state.browse.categoryList) { row in
            let (name, count) = category(row)
            let countText = String(count)
            let width = max(1, inside.width - 3 - TextWidth.columns(of: countText))
            return Line([Span(TextWidth.fit(name, toColumns: width)), Span(" " + countText, style: .foreground(.muted))])
        }
        let listArea = categories.isEmpty ? Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: max(0, inside.height - 1)) : inside
        list.render(into: &buffer, area: listArea, theme: theme, memory: &memory, region: LayoutList.categories.hashValue) { row in
            var inputs = Hasher()
            inputs.combine(category(row).name)
            inputs.combine(category(row).count)
            inputs.combine(inside.width)
            return inputs.finalize()
        }
        layout.publish(.categories, list.geometry(in: listArea))
    }

    private static func renderProducts(_ state: AppState, area: Rect, into buffer: inout Buffer, layout: inout ScreenLayout,
                                       memory: inout FrameMemory, theme: Theme) {
        let browse = state.browse
        var trailing: String
        if browse.isComplete { trailing = Format.count(browse.products.count, "item") }
        else if let total = browse.totalProducts { trailing = "\(browse.products.count) of \(Format.count(total, "item"))" }
        else if browse.products.isEmpty { trailing = "" }  // nothing known yet: not "0+ items"
        else { trailing = "\(browse.products.count)+ items" }
        if browse.isLoadingPage {
            // While the next page comes, the count stays in view beside the spinner.
            trailing = "\(Format.spinner(state.spinnerTick)) " + (browse.products.isEmpty ? "loading" : trailing)
        }
        let panel = Panel(title: categoryName(state, id: browse.selectedCategoryID), trailingTitle: trailing, isFocused: browse.focus == .products)
        panel.render(into: &buffer, area: area, theme: theme)
        var inside = panel.contentArea(for: area)
        guard !inside.isEmpty else { return }
        // The last row says what is happening below the list.
        let statusRow = inside.row(inside.height - 1)
        if let error = browse.pageError {
            buffer.write("✖ \(error)", in: statusRow, style: .foreground(.error))
            inside.height -= 1
        } else if browse.isLoadingPage && !browse.products.isEmpty {
            buffer.write("\(Format.spinner(state.spinnerTick)) loading more…", in: statusRow, style: .foreground(.muted))
            inside.height -= 1
        }
        if browse.products.isEmpty && browse.isLoadingPage {
            buffer.write("\(Format.spinner(state.spinnerTick)) Loading products…", in: inside.row(0), style: .foreground(.muted))
            return
        }
        let products = browse.products
        // A blank column before the scrollbar ("low 3#" read as part of the badge), and no
        // wider than a person reads across: at 200 columns a price stood 60 columns from its name.
        let scrollbarGap = products.count > inside.height ? 1 : 0
        let rowWidth = min(inside.width - 3 - scrollbarGap, maximumRowWidth)
        let showsStars = state.showsStars
        let list = ListView(count: products.count, state: browse.productList, emptyText: browse.pageError == nil ? "No products in this category" : "") { row in
            productLine(products[row], width: rowWidth, showsStars: showsStars)
        }
        list.render(into: &buffer, area: inside, theme: theme, memory: &memory, region: LayoutList.products.hashValue) { row in
            var inputs = Hasher()
            products.hash(at: row, into: &inputs)
            inputs.combine(rowWidth)
            inputs.combine(showsStars)
            return inputs.finalize()
        }
        layout.publish(.products, list.geometry(in: inside))
    }

    /// The widest a product row gets: name, price, rating and stock, read as one line.
    static let maximumRowWidth = 60

    /// Product names shorter than this are not cut to make room for the rating.
    static let roomyNameWidth = 24

    /// "Espresso cup       $19.99 ★4.5 low 3": out of stock greyed. Where the row is narrow
    /// (the two-pane list at 80 columns) the rating gives way to the name: the details pane
    /// beside it shows the rating of the selected product.
    static func productLine(_ product: ProductSummary, width: Int, showsStars: Bool) -> Line {
        let price = Format.money(product.price)
        let fullRating = Format.shortRating(product.rating, showsStars: showsStars)
        let showsRating = width - (1 + TextWidth.columns(of: price) + 1 + TextWidth.columns(of: fullRating) + 6) >= roomyNameWidth
        let rating = showsRating ? " " + fullRating : ""
        let badge: Span = switch product.availability {
        case .inStock: Span("")
        case .lowStock: Span(" low \(product.stock)", style: .foreground(.stockLow, .bold))
        case .outOfStock: Span(" out", style: .foreground(.stockOut))
        case .unknown: Span(" " + TextWidth.fit(product.availability.displayName, toColumns: 5), style: .foreground(.muted))
        }
        let tail = 1 + TextWidth.columns(of: price) + TextWidth.columns(of: rating) + 6
        let nameWidth = max(4, width - tail)
        if product.availability == .outOfStock {
            let text = TextWidth.fit(product.name, toColumns: nameWidth) + " " + TextWidth.fit(price, toColumns: TextWidth.columns(of: price)) + rating
            return Line([Span(text, style: .foreground(.disabled)), Span(TextWidth.fit(badge.text, toColumns: 6), style: badge.style)])
        }
        return Line([
            Span(TextWidth.fit(product.name, toColumns: nameWidth)),
            Span(" " + price, style: .foreground(.price)),
            Span(rating, style: .foreground(.rating)),
            Span(TextWidth.fit(badge.text, toColumns: 6), style: badge.style),
        ])
    }

    /// Where the parts of the detail pane go, by importance: what the product is, the quantity
    /// and what is in the cart, then the description with all the room it needs; the
    /// recommendations and the ad take only what is left, at the bottom.
    struct DetailLayout {
        var picker: Int
        var inCart: Int?
        var description: Rect
        var recommendationsTop: Int?
        var recommendationCount = 0
        var ad: Int?
    }

    static func detailLayout(_ state: AppState, product: Product, inside: Rect) -> DetailLayout {
        let browse = state.browse
        var y = inside.y + 3
        let picker = y
        y += 1
        var inCart: Int?
        if state.cart.cart.value?.line(for: product.id) != nil {
            inCart = y
            y += 1
        }
        y += 1
        let available = max(0, inside.maxY - y)
        let wanted = description(product).lines(width: max(1, inside.width)).count
        // A long description takes every row and scrolls; a short one leaves the rest to the
        // recommendations and the ad.
        let rows = min(wanted, available)
        var layout = DetailLayout(picker: picker, inCart: inCart, description: Rect(x: inside.x, y: y, width: inside.width, height: rows))
        var bottom = inside.maxY
        var left = available - rows
        if browse.ad != nil, left >= 2 {
            bottom -= 1
            layout.ad = bottom
            left -= 2
        }
        let count = min(5, browse.recommendations.count, left - 2)
        if count > 0 {
            layout.recommendationCount = count
            layout.recommendationsTop = bottom - count - 1
        }
        return layout
    }

    static func description(_ product: Product) -> TextView {
        TextView(product.description, style: .foreground(.text))
    }

    private static func renderDetail(_ state: AppState, area: Rect, into buffer: inout Buffer, layout published: inout ScreenLayout, theme: Theme) {
        let browse = state.browse
        let panel = Panel(title: "Details", isFocused: browse.focus == .detail)
        panel.render(into: &buffer, area: area, theme: theme)
        let inside = panel.contentArea(for: area).inset(horizontal: 1)
        guard !inside.isEmpty else { return }
        guard let product = browse.detail.value else {
            if let failure = browse.detail.failure {
                buffer.writeWrapped("✖ \(failure)", in: inside, style: .foreground(.error))
            } else if browse.detail.isLoading {
                buffer.write("\(Format.spinner(state.spinnerTick)) Loading product…", in: inside.row(0), style: .foreground(.muted))
            } else {
                buffer.writeWrapped("Select a product to see it here.", in: inside, style: .foreground(.muted))
            }
            return
        }
        var y = inside.y
        func line(_ content: Line) {
            guard y < inside.maxY else { return }
            buffer.write(content, x: inside.x, y: y, maxWidth: inside.width)
            y += 1
        }
        line(Line(product.name, style: .foreground(.title, .bold)))
        line(Line([Span(Format.money(product.price), style: .foreground(.price, .bold)), Span("  "),
                   Span(Format.rating(product.rating, showsStars: state.showsStars), style: .foreground(.rating)),
                   Span(" (\(product.ratingCount))", style: .foreground(.muted))]))
        line(Line([Format.stockBadge(product.availability, stock: product.stock), Span("  \(product.stock) on hand · \(product.code)", style: .foreground(.muted))]))
        let layout = detailLayout(state, product: product, inside: inside)
        if layout.picker < inside.maxY {
            let context = state.keyContext
            let picker: Line
            if product.availability.canBuy {
                // The advice comes from the keymap: what Enter and ←/→ do here, or how to get here.
                let advice = browse.focus == .detail
                    ? Keymap.advice([(.moveRight, "more"), (.open, "add to cart")], in: context)
                    : Keymap.advice(.open, "to choose", in: context) ?? ""
                var spans = [Span("Quantity "), Span("‹ \(browse.quantity) ›", style: .foreground(.accent, .bold))]
                let room = inside.width - 9 - TextWidth.columns(of: "‹ \(browse.quantity) ›") - 2
                // Shortened by design, never cut: the whole advice, or only its first part, or none.
                if let shown = [advice, advice.components(separatedBy: " · ").last ?? ""].first(where: { !$0.isEmpty && TextWidth.columns(of: $0) <= room }) {
                    spans.append(Span("  " + shown, style: .foreground(.muted)))
                }
                picker = Line(spans)
            } else {
                picker = Line("Out of stock: cannot be added to the cart", style: .foreground(.disabled))
            }
            buffer.write(picker, x: inside.x, y: layout.picker, maxWidth: inside.width)
        }
        if let row = layout.inCart, row < inside.maxY, let inCart = state.cart.cart.value?.line(for: product.id) {
            buffer.write("In your cart: \(inCart.quantity)", x: inside.x, y: row, style: .foreground(.success), maxWidth: inside.width)
        }
        var text = description(product)
        text.scrollOffset = browse.descriptionScroll
        text.render(into: &buffer, area: layout.description, theme: theme)
        published.publish(.productDescription, text.geometry(in: layout.description), clickable: false)
        if let top = layout.recommendationsTop {
            buffer.write("You may also like", x: inside.x, y: top, style: .foreground(.title), maxWidth: inside.width)
            for (index, item) in browse.recommendations.prefix(layout.recommendationCount).enumerated() {
                let price = Format.money(item.price)
                let nameWidth = max(1, inside.width - 3 - TextWidth.columns(of: price))
                // The highlighted one (↑/↓ in the details) is what Enter opens.
                let isChosen = browse.focus == .detail && browse.recommendationSelected == index
                let name = TextWidth.fit(item.name, toColumns: nameWidth)
                let lead = isChosen ? [Span("› ", style: .foreground(.accent, .bold)), Span(name, style: .foreground(.accent, .bold))]
                    : [Span("• "), Span(name)]
                buffer.write(Line(lead + [Span(" " + price, style: .foreground(.price))]),
                             x: inside.x, y: top + 1 + index, maxWidth: inside.width)
                published.add(Rect(x: inside.x, y: top + 1 + index, width: inside.width, height: 1), .recommendation(index))
            }
        }
        if let row = layout.ad, let ad = browse.ad {
            buffer.write(Line([Span("Ad", style: .role(.badge, .bold)), Span(" " + TextWidth.truncate(ad.text, toColumns: max(0, inside.width - 3)), style: .foreground(.info))]),
                         x: inside.x, y: row, maxWidth: inside.width)
        }
    }
}
