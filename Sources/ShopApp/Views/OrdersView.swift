import Foundation
import ShopKit
import TerminalUI

/// The order history: date, id, items, total and status.
enum OrdersView {
    static func render(_ state: AppState, area: Rect, into buffer: inout Buffer, layout: inout ScreenLayout, theme: Theme) {
        let orders = state.orders
        let count = Format.count(orders.orders.count, "order")
        let trailing =
            orders.list.isLoading ? "\(Format.spinner(state.spinnerTick)) loading"
            : orders.isLoadingMore ? "\(Format.spinner(state.spinnerTick)) \(count), loading older"
            : orders.nextCursor != nil ? "\(count), more below" : count
        let panel = Panel(title: "Your orders", trailingTitle: trailing, isFocused: true)
        panel.render(into: &buffer, area: area, theme: theme)
        let inside = panel.contentArea(for: area).inset(horizontal: 1)
        guard inside.height >= 2 else { return }
        if orders.orders.isEmpty {
            let text: (String, ThemeRole) = if let failure = orders.list.failure { ("✖ \(failure)", .error) }
                else if orders.list.isLoading { ("\(Format.spinner(state.spinnerTick)) Loading your orders…", .muted) }
                else { ("No orders yet. When you check out, your orders appear here.", .muted) }
            // Wrapped: at 60 columns one row cut the sentence (and an error) in the middle.
            for (index, line) in TextWidth.wrap(text.0, toColumns: inside.width).prefix(inside.height).enumerated() {
                buffer.write(line, in: inside.row(index), style: .foreground(text.1))
            }
            return
        }
        let list = orders.orders
        // The columns' room as the table lays them out: narrower by the scrollbar when it shows.
        let width = inside.width - (list.count > inside.height - 1 ? 1 : 0)
        let columns = Self.columns(list, width: width)
        let idWidth = Layout.lengths(for: columns.map(\.width), available: width - 2 * (columns.count - 1))[1]
        let table = Table(columns: columns, rowCount: list.count, state: orders.listState) { row, column in
            let order = list[row]
            switch columns[column].title {
            case "Placed": return Span(Format.dateTime(order.placedAt), style: .foreground(.muted))
            case "Order": return Span(shortID(order.id, toColumns: idWidth))
            case "Items": return Span(String(order.itemCount))
            case "Total": return Span(Format.money(order.total), style: .foreground(.price))
            default: return Span(order.status.displayName, style: .foreground(Format.statusRole(order.status)))
            }
        }
        table.render(into: &buffer, area: inside, theme: theme)
        layout.publish(.orders, table.geometry(in: inside))
    }
}

extension OrdersView {
    /// The table's columns at `width`: the order id gets what the others leave. Where that is
    /// less than the ids need (60 columns had no room for them at all), the total and status
    /// columns shrink to what they hold, then the item count goes (the tracker shows the lines),
    /// and what is still too long is shortened from the left (``shortID(_:toColumns:)``).
    static func columns(_ orders: [OrderSummary], width: Int) -> [Table.Column] {
        let widest = { (texts: [String], title: String) in max(TextWidth.columns(of: title), texts.map(TextWidth.columns(of:)).max() ?? 0) }
        let idWidth = widest(orders.map(\.id), "Order")
        let roomy: [Table.Column] = [.init("Placed", width: .fixed(16)), .init("Order", width: .fill()), .init("Items", width: .fixed(5), alignment: .right),
                                     .init("Total", width: .fixed(12), alignment: .right), .init("Status", width: .fixed(16))]
        let fitted: [Table.Column] = [.init("Placed", width: .fixed(16)), .init("Order", width: .fill()), .init("Items", width: .fixed(5), alignment: .right),
                                      .init("Total", width: .fixed(widest(orders.map { Format.money($0.total) }, "Total")), alignment: .right),
                                      .init("Status", width: .fixed(widest(orders.map(\.status.displayName), "Status")))]
        for columns in [roomy, fitted] {
            let others = columns.reduce(0) { if case .fixed(let length) = $1.width { $0 + length } else { $0 } }
            if width - others - 2 * (columns.count - 1) >= idWidth { return columns }
        }
        return fitted.filter { $0.title != "Items" }
    }

    /// `id` whole when it fits in `width` columns, else "…" and its end: the end of an id is
    /// what tells one order from the next ("…7d2e4f60"), and the palette finds the order from it.
    static func shortID(_ id: String, toColumns width: Int) -> String {
        let clean = TextSanitizer.sanitizeLine(id)
        guard TextWidth.columns(of: clean) > width, width > 1 else { return clean }
        var tail = ""
        for character in clean.reversed() {
            guard TextWidth.columns(of: tail) + TextWidth.columns(of: character) <= width - 1 else { break }
            tail.insert(character, at: tail.startIndex)
        }
        return "…" + tail
    }
}

/// One order: the status timeline with tracking, the lines and totals; or its invoice. Either
/// scrolls (j/k, PgUp/PgDn, g/G) when taller than the screen, its position in the title.
enum OrderDetailView {
    /// From this inner width the timeline and the summary stand side by side.
    static let wideWidth = 90

    static func render(_ state: AppState, area: Rect, into buffer: inout Buffer, layout: inout ScreenLayout, theme: Theme) {
        guard let detail = state.orders.detail else { return }
        let inside = Panel().contentArea(for: area).inset(horizontal: 1)
        let content = lines(state, in: inside).map { ScrollingLines($0, offset: detail.scroll) }
        // In ASCII `·` is `|`, which made "Invoice | ord_…" read as two things: words there.
        let invoiceTitle = state.capabilities.unicode ? "Invoice · \(detail.orderID)" : "Invoice for \(detail.orderID)"
        let title = detail.showsInvoice ? invoiceTitle : "Order \(detail.orderID)"
        let position = content?.positionLabel(visibleRows: inside.height)
        var updated: String?
        if !detail.showsInvoice, let at = detail.lastUpdated {
            updated = (detail.isRefreshing && detail.order.value != nil ? "\(Format.spinner(state.spinnerTick)) " : "") + "updated \(Format.ago(at, now: state.now))"
        }
        // Beside a long order id (60 columns) both did not fit and neither was drawn: how fresh
        // the order is comes first, the scroll position second (the scrollbar shows it too).
        let room = area.width - TextWidth.columns(of: title) - 9
        let choices = [[position, updated].compactMap { $0 }.joined(separator: " · "), updated ?? "", position ?? ""]
        let trailing = choices.first { !$0.isEmpty && TextWidth.columns(of: $0) <= room } ?? ""
        let panel = Panel(title: title, trailingTitle: trailing, isFocused: true)
        panel.render(into: &buffer, area: area, theme: theme)
        guard inside.height >= 1 else { return }
        guard let content else {
            let failure = detail.showsInvoice ? detail.invoice.failure : detail.order.failure
            let text: (String, ThemeRole) = if let failure { ("✖ \(failure)", .error) }
                else { ("\(Format.spinner(state.spinnerTick)) Loading the \(detail.showsInvoice ? "invoice" : "order")…", .muted) }
            buffer.writeWrapped(text.0, in: inside, style: .foreground(text.1))
            return
        }
        content.render(into: &buffer, area: inside, theme: theme)
        layout.publish(.orderDetail, content.geometry(in: inside), clickable: false)
    }

    /// The rows of the open order (or its invoice) in `area`: two columns narrower when they
    /// need the scrollbar, its own and one between (a date or an amount against the bar read
    /// "$89.00|" in the C locale). Nil until it is loaded.
    static func lines(_ state: AppState, in area: Rect) -> [Line]? {
        guard let full = lines(state, width: area.width) else { return nil }
        return full.count > area.height ? lines(state, width: area.width - 2) : full
    }

    /// The widest the timeline and the summary get side by side: at 200 columns a step stood
    /// 70 columns from its time, and a line from its amount.
    static let timelineWidth = 48
    static let summaryWidth = 64

    /// The rows of the open order (or its invoice) at `width` columns; nil until it is loaded.
    static func lines(_ state: AppState, width: Int) -> [Line]? {
        guard let detail = state.orders.detail, let order = detail.order.value else { return nil }
        if detail.showsInvoice {
            return detail.invoice.value.map { InvoiceView.lines($0, width: min(width, InvoiceView.maximumWidth), context: state.keyContext) }
        }
        let context = state.keyContext
        if width >= wideWidth {
            let columnWidth = min(timelineWidth, (width - 2) / 2)
            let left = timeline(order, detail.tracking, width: columnWidth, connected: true, unicode: state.capabilities.unicode)
            let right = summary(order, detail.tracking, width: min(summaryWidth, width - columnWidth - 2), isCancelling: detail.isCancelling,
                                spinnerTick: state.spinnerTick, context: context)
            var rows: [Line] = []
            for index in 0..<max(left.count, right.count) {
                var spans = index < left.count ? left[index].spans : []
                let used = index < left.count ? left[index].width : 0
                spans.append(Span(String(repeating: " ", count: max(0, columnWidth + 2 - used))))
                if index < right.count { spans += right[index].spans }
                rows.append(Line(spans))
            }
            return rows + trackingEvents(detail.tracking, width: width)
        }
        return timeline(order, detail.tracking, width: width, connected: false, unicode: state.capabilities.unicode) + [Line("")]
            + summary(order, detail.tracking, width: width, isCancelling: detail.isCancelling, spinnerTick: state.spinnerTick, context: context)
            + trackingEvents(detail.tracking, width: width)
    }

    /// The carrier's events, newest first.
    private static func trackingEvents(_ tracking: Tracking?, width: Int) -> [Line] {
        guard let events = tracking?.events, !events.isEmpty else { return [] }
        var rows = [Line(""), Line("Tracking", style: .foreground(.title))]
        for event in events.reversed() {
            let place = event.location.map { " · \($0)" } ?? ""
            rows.append(Line([Span(Format.dateTime(event.at) + "  ", style: .foreground(.muted)), Span(event.description + place)]))
        }
        return rows
    }

    /// The progression placed → delivered with the time each step was reached. Without Unicode
    /// the marks are a checklist's, `[x]` done, `[>]` now, `[ ]` to come, `[!]` cancelled: the
    /// stand-ins of ✔ ◉ ○ (`+`, `*`, `o`) did not say which was which.
    private static func timeline(_ order: Order, _ tracking: Tracking?, width: Int, connected: Bool, unicode: Bool) -> [Line] {
        var reached: [OrderStatus: Date] = [:]
        for event in order.events { reached[event.status] = reached[event.status] ?? event.at }
        for event in tracking?.events ?? [] { reached[event.status] = reached[event.status] ?? event.at }
        var steps: [(String, Date?, ProgressSteps.Status)] = []
        if order.status == .cancelled {
            for status in OrderStatus.progression where reached[status] != nil {
                steps.append((status.displayName, reached[status], .done))
            }
            steps.append(("Cancelled", reached[.cancelled], .failed))
        } else {
            for status in OrderStatus.progression {
                let stepStatus: ProgressSteps.Status = status < order.status ? .done : status == order.status ? (status == .delivered ? .done : .current) : .pending
                steps.append((status.displayName, reached[status], stepStatus))
            }
        }
        var rows: [Line] = []
        for (index, step) in steps.enumerated() {
            let (marker, markerRole, titleRole): (String, ThemeRole, ThemeRole) = switch step.2 {
            case .done: (unicode ? "✔" : "[x]", .stepDone, .text)
            case .current: (unicode ? "◉" : "[>]", .stepCurrent, .stepCurrent)
            case .pending: (unicode ? "○" : "[ ]", .stepPending, .stepPending)
            case .failed: (unicode ? "✖" : "[!]", .error, .error)
            }
            let time = step.1.map(Format.dateTime) ?? ""
            let markerWidth = TextWidth.columns(of: marker) + 1
            let titleWidth = max(1, width - markerWidth - (time.isEmpty ? 0 : TextWidth.columns(of: time) + 1))
            rows.append(Line([Span(marker + " ", style: .foreground(markerRole)),
                              Span(TextWidth.fit(step.0, toColumns: titleWidth), style: .foreground(titleRole, step.2 == .current ? .bold : [])),
                              Span(time.isEmpty ? "" : " " + time, style: .foreground(.muted))]))
            if connected && index < steps.count - 1 {
                rows.append(Line(unicode ? "│" : " |", style: .foreground(step.2 == .done ? .stepDone : .stepPending)))
            }
        }
        return rows
    }

    private static func summary(_ order: Order, _ tracking: Tracking?, width: Int, isCancelling: Bool, spinnerTick: Int, context: KeyContext) -> [Line] {
        var rows: [Line] = [
            Line([Span("Status ", style: .foreground(.muted)), Span(order.status.displayName, style: .foreground(Format.statusRole(order.status), .bold)),
                  Span("   placed \(Format.dateTime(order.placedAt))", style: .foreground(.muted))]),
            Line([Span("Tracking ", style: .foreground(.muted)), Span(order.trackingID, style: .foreground(.accent)),
                  Span(tracking?.estimatedDelivery.map { "   expected \(Format.date($0))" } ?? "", style: .foreground(.muted))]),
            Line(""),
        ]
        let priceWidth = 12
        for line in order.lines {
            rows.append(Line([Span(TextWidth.fit("\(line.quantity) × \(line.name)", toColumns: max(4, width - priceWidth))),
                              Span(TextWidth.fit(Format.money(line.lineTotal), toColumns: priceWidth, alignment: .right), style: .foreground(.price))]))
        }
        func amount(_ label: String, _ money: Money, bold: Bool = false) {
            rows.append(Line([Span(TextWidth.fit(label, toColumns: max(4, width - priceWidth)), style: .foreground(.muted)),
                              Span(TextWidth.fit(Format.money(money), toColumns: priceWidth, alignment: .right), style: .foreground(.price, bold ? .bold : []))]))
        }
        amount("Subtotal", order.subtotal)
        amount("Shipping (\(order.shippingOption.name))", order.shipping)
        amount("Total", order.total, bold: true)
        rows.append(Line(""))
        rows.append(Line("Paid with \(order.cardBrand.displayName) •••• \(order.cardLast4)", style: .foreground(.muted)))
        // The address is wrapped, not cut: it is where the parcel goes.
        for part in TextWidth.wrap("Ships to \(CheckoutView.oneLine(order.address))", toColumns: max(1, width)) {
            rows.append(Line(part, style: .foreground(.muted)))
        }
        rows.append(Line(""))
        if isCancelling {
            rows.append(Line("\(Format.spinner(spinnerTick)) Cancelling…", style: .foreground(.warning)))
        } else {
            // From the keymap: a cancelled or shipped order's context has no X to offer.
            let advice = Keymap.advice([(.cancelOrder, "cancel this order"), (.toggleInvoice, "invoice")], in: context)
            if !advice.isEmpty { rows.append(Line(advice, style: .foreground(.muted))) }
        }
        return rows
    }
}

/// The invoice of an order.
enum InvoiceView {
    /// A page's width: wider, an amount stood far from what it pays for.
    static let maximumWidth = 80

    static func lines(_ invoice: Invoice, width: Int, context: KeyContext) -> [Line] {
        var lines: [Line] = [
            Line([Span("INVOICE \(invoice.number)", style: .foreground(.title, .bold)),
                  Span("   \(invoice.status.rawValue.uppercased())", style: .foreground(invoice.status == .paid ? .success : .warning, .bold))]),
            Line("Issued \(Format.dateTime(invoice.issuedAt)) · order \(invoice.orderID)", style: .foreground(.muted)),
        ]
        for part in TextWidth.wrap("Bill to \(invoice.email) · \(CheckoutView.oneLine(invoice.billingAddress))", toColumns: max(1, width)) {
            lines.append(Line(part, style: .foreground(.muted)))
        }
        lines.append(Line(""))
        let priceWidth = 12
        for line in invoice.lines {
            lines.append(Line([Span(TextWidth.fit("\(line.quantity) × \(line.name) @ \(Format.money(line.unitPrice))", toColumns: max(4, width - priceWidth))),
                               Span(TextWidth.fit(Format.money(line.lineTotal), toColumns: priceWidth, alignment: .right), style: .foreground(.price))]))
        }
        for (label, money) in [("Subtotal", invoice.subtotal), ("Shipping", invoice.shipping), ("Total", invoice.total)] {
            lines.append(Line([Span(TextWidth.fit(label, toColumns: max(4, width - priceWidth)), style: .foreground(.muted)),
                               Span(TextWidth.fit(Format.money(money), toColumns: priceWidth, alignment: .right), style: .foreground(.price))]))
        }
        lines.append(Line(""))
        for part in TextWidth.wrap("Paid by \(invoice.cardBrand.displayName) •••• \(invoice.cardLast4) · transaction \(invoice.transactionID)", toColumns: max(1, width)) {
            lines.append(Line(part, style: .foreground(.muted)))
        }
        if let back = Keymap.advice(.toggleInvoice, "back to the order", in: context) {
            lines.append(Line(back, style: .foreground(.muted)))
        }
        return lines
    }
}
