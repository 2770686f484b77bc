import TerminalUI

/// The demo's view: a pure function from state and size to a buffer, like the app's screens.
enum DemoScreen {
    static let tabs = ["Catalog", "Cart (2)", "Orders", "Account"]
    static let checkout = ["Cart", "Address", "Shipping", "Payment", "Review"]

    static func listRows(for size: Size) -> Int {
        max(1, size.height - 7)
    }

    static var hints: [KeyHint] {
        [
            KeyHint(keys: [.up, .down], "Move"), KeyHint(.enter, "Add to cart"), KeyHint(.character("/"), "Search"),
            KeyHint(.tab, "Next tab"), KeyHint(.character("t"), "Theme"), KeyHint(.function(1), "Help"),
            KeyHint(.character("q"), "Quit"),
        ]
    }

    static func render(_ state: DemoState, size: Size, theme: Theme) -> Buffer {
        var buffer = Buffer(size: size)
        let rows = Layout.split(buffer.area, .vertical, [.fixed(1), .fixed(1), .fill(), .fixed(1), .fixed(1), .fixed(1)])
        Tabs(tabs, selected: state.tab).render(into: &buffer, area: rows[0], theme: theme)
        Breadcrumbs(checkout, current: 2).render(into: &buffer, area: rows[1].inset(horizontal: 1), theme: theme)

        let columns = Layout.split(rows[2], .horizontal, [.percentage(55), .fill()])
        let query = state.search.text
        let listPanel = Panel(title: "Products", trailingTitle: "\((state.list.selected ?? 0) + 1) of \(DemoCatalog.count)", isFocused: state.focus == .list)
        listPanel.render(into: &buffer, area: columns[0], theme: theme)
        let listArea = listPanel.contentArea(for: columns[0])
        ListView(count: DemoCatalog.count, state: state.list) { index in
            let price = DemoCatalog.formattedPrice(index)
            let stock = DemoCatalog.stock(index)
            let nameWidth = max(0, listArea.width - 2 - 9 - 11 - 2)
            var line = Line.highlighting(TextWidth.fit(DemoCatalog.name(index), toColumns: nameWidth), matching: query)
            line.spans.append(Span(TextWidth.fit(price, toColumns: 9, alignment: .right), style: .foreground(.price)))
            line.spans.append(Span(" "))
            line.spans.append(stock)
            line.spans.append(Span(String(repeating: " ", count: max(0, 10 - stock.width))))
            return line
        }.render(into: &buffer, area: listArea, theme: theme)

        let right = Layout.split(columns[1], .vertical, [.fill(), .fixed(9)])
        let selected = state.list.selected ?? 0
        let details = Panel(title: DemoCatalog.name(selected))
        details.render(into: &buffer, area: right[0], theme: theme)
        let detailArea = details.contentArea(for: right[0]).inset(horizontal: 1)
        let (priceRow, description) = detailArea.splitTop(2)
        buffer.write(Line([Span(DemoCatalog.formattedPrice(selected), style: .foreground(.price)), Span("  "), DemoCatalog.stock(selected)]), x: priceRow.x, y: priceRow.y, maxWidth: priceRow.width)
        TextView(DemoCatalog.description(selected), highlight: query).render(into: &buffer, area: description, theme: theme)

        let orderPanel = Panel(title: "Order #1042")
        orderPanel.render(into: &buffer, area: right[1], theme: theme)
        ProgressSteps([
            .init("Placed", detail: "09:12", status: .done),
            .init("Paid", detail: "09:13", status: .done),
            .init("Shipped", detail: "in transit", status: .current),
            .init("Delivered", status: .pending),
        ]).render(into: &buffer, area: orderPanel.contentArea(for: right[1]).inset(horizontal: 1), theme: theme)

        let searchRow = rows[3]
        let label = "Search: "
        buffer.write(label, x: searchRow.x + 1, y: searchRow.y, style: .foreground(.muted))
        let labelWidth = TextWidth.columns(of: label) + 1
        let spinnerWidth = 14
        TextInputView(state: state.search, placeholder: "type / to search", isFocused: state.focus == .search)
            .render(into: &buffer, area: Rect(x: searchRow.x + labelWidth, y: searchRow.y, width: searchRow.width - labelWidth - spinnerWidth - 1, height: 1), theme: theme)
        Spinner(tick: state.tick, label: "syncing").render(into: &buffer, area: Rect(x: searchRow.maxX - spinnerWidth, y: searchRow.y, width: spinnerWidth, height: 1), theme: theme)

        if let message = state.message {
            Banner(message, kind: .success).render(into: &buffer, area: rows[4], theme: theme)
        } else {
            StatusBar(left: "demo@shop · theme \(theme.name)", right: "Cart: 2 items · $42.50").render(into: &buffer, area: rows[4], theme: theme)
        }
        KeyHintsBar(hints).render(into: &buffer, area: rows[5], theme: theme)

        if state.showsDialog {
            Dialog(
                title: "Add to cart",
                message: "Add \(DemoCatalog.name(selected)) for \(DemoCatalog.formattedPrice(selected)) to your cart?",
                buttons: ["Add", "Cancel"], selectedButton: state.dialogButton
            ).render(into: &buffer, area: buffer.area, theme: theme)
        }
        return buffer
    }
}
