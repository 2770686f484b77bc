import Foundation
import ShopKit
import TerminalUI

/// The order history: date, id, items, total and status.
enum OrdersView {
    static func render(_ state: AppState, area: Rect, into buffer: inout Buffer, theme: Theme) {
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
            buffer.write(text.0, in: inside.row(0), style: .foreground(text.1))
            return
        }
        let list = orders.orders
        let table = Table(
            columns: [.init("Placed", width: .fixed(16)), .init("Order", width: .fill()), .init("Items", width: .fixed(5), alignment: .right),
                      .init("Total", width: .fixed(12), alignment: .right), .init("Status", width: .fixed(16))],
            rowCount: list.count, state: orders.listState
        ) { row, column in
            let order = list[row]
            switch column {
            case 0: return Span(Format.dateTime(order.placedAt), style: .foreground(.muted))
            case 1: return Span(order.id)
            case 2: return Span(String(order.itemCount))
            case 3: return Span(Format.money(order.total), style: .foreground(.price))
            default: return Span(order.status.displayName, style: .foreground(Format.statusRole(order.status)))
            }
        }
        table.render(into: &buffer, area: inside, theme: theme)
    }
}

/// One order: the status timeline with tracking, the lines and totals; or its invoice.
enum OrderDetailView {
    static func render(_ state: AppState, area: Rect, into buffer: inout Buffer, theme: Theme) {
        guard let detail = state.orders.detail else { return }
        var trailing = ""
        if let updated = detail.lastUpdated { trailing = "updated \(Format.ago(updated, now: state.now))" }
        if detail.isRefreshing && detail.order.value != nil { trailing = "\(Format.spinner(state.spinnerTick)) " + trailing }
        let panel = Panel(title: detail.showsInvoice ? "Invoice · \(detail.orderID)" : "Order \(detail.orderID)", trailingTitle: trailing, isFocused: true)
        panel.render(into: &buffer, area: area, theme: theme)
        let inside = panel.contentArea(for: area).inset(horizontal: 1)
        guard inside.height >= 4 else { return }
        guard let order = detail.order.value else {
            let text: (String, ThemeRole) = if let failure = detail.order.failure { ("✖ \(failure)", .error) }
                else { ("\(Format.spinner(state.spinnerTick)) Loading the order…", .muted) }
            buffer.write(text.0, in: inside.row(0), style: .foreground(text.1))
            return
        }
        if detail.showsInvoice {
            InvoiceView.render(detail, area: inside, into: &buffer, theme: theme, spinnerTick: state.spinnerTick)
            return
        }
        let wide = inside.width >= 90
        let columns = wide ? Layout.split(inside, .horizontal, [.fill(1), .fill(1)], spacing: 2)
            : [Rect(x: inside.x, y: inside.y, width: inside.width, height: min(inside.height, 9)),
               Rect(x: inside.x, y: inside.y + min(inside.height, 9), width: inside.width, height: max(0, inside.height - 9))]
        let timelineBottom = timeline(order, detail.tracking, area: columns[0], wide: wide, into: &buffer, theme: theme)
        let summaryBottom = summary(order, detail.tracking, area: columns[1], into: &buffer, isCancelling: detail.isCancelling, spinnerTick: state.spinnerTick)
        if wide {
            // The carrier's events, newest first, across the whole width under both columns.
            let top = max(timelineBottom, summaryBottom) + 1
            trackingEvents(detail.tracking, area: Rect(x: inside.x, y: top, width: inside.width, height: inside.maxY - top), into: &buffer)
        }
    }

    private static func trackingEvents(_ tracking: Tracking?, area: Rect, into buffer: inout Buffer) {
        guard let events = tracking?.events, !events.isEmpty, area.height >= 2 else { return }
        buffer.write("Tracking", x: area.x, y: area.y, style: .foreground(.title))
        var y = area.y + 1
        for event in events.reversed() where y < area.maxY {
            let place = event.location.map { " · \($0)" } ?? ""
            buffer.write(Line([Span(Format.dateTime(event.at) + "  ", style: .foreground(.muted)), Span(event.description + place)]),
                         x: area.x, y: y, maxWidth: area.width)
            y += 1
        }
    }

    /// The progression placed → delivered with the time each step was reached.
    @discardableResult
    private static func timeline(_ order: Order, _ tracking: Tracking?, area: Rect, wide: Bool, into buffer: inout Buffer, theme: Theme) -> Int {
        guard !area.isEmpty else { return area.y }
        var reached: [OrderStatus: Date] = [:]
        for event in order.events { reached[event.status] = reached[event.status] ?? event.at }
        for event in tracking?.events ?? [] { reached[event.status] = reached[event.status] ?? event.at }
        var steps: [ProgressSteps.Step] = []
        if order.status == .cancelled {
            for status in OrderStatus.progression where reached[status] != nil {
                steps.append(.init(status.displayName, detail: reached[status].map(Format.dateTime), status: .done))
            }
            steps.append(.init("Cancelled", detail: reached[.cancelled].map(Format.dateTime), status: .failed))
        } else {
            for status in OrderStatus.progression {
                let stepStatus: ProgressSteps.Status = status < order.status ? .done : status == order.status ? (status == .delivered ? .done : .current) : .pending
                steps.append(.init(status.displayName, detail: reached[status].map(Format.dateTime), status: stepStatus))
            }
        }
        ProgressSteps(steps).render(into: &buffer, area: area, theme: theme)
        let connected = area.height >= steps.count * 2 - 1  // as ProgressSteps draws it
        return area.y + min(area.height, connected ? steps.count * 2 - 1 : steps.count)
    }

    @discardableResult
    private static func summary(_ order: Order, _ tracking: Tracking?, area: Rect, into buffer: inout Buffer, isCancelling: Bool, spinnerTick: Int) -> Int {
        guard !area.isEmpty else { return area.y }
        var y = area.y
        func write(_ line: Line) {
            guard y < area.maxY else { return }
            buffer.write(line, x: area.x, y: y, maxWidth: area.width)
            y += 1
        }
        write(Line([Span("Status ", style: .foreground(.muted)), Span(order.status.displayName, style: .foreground(Format.statusRole(order.status), .bold)),
                    Span("   placed \(Format.dateTime(order.placedAt))", style: .foreground(.muted))]))
        write(Line([Span("Tracking ", style: .foreground(.muted)), Span(order.trackingID, style: .foreground(.accent)),
                    Span(tracking?.estimatedDelivery.map { "   expected \(Format.date($0))" } ?? "", style: .foreground(.muted))]))
        y += 1
        let priceWidth = 12
        for line in order.lines {
            write(Line([Span(TextWidth.fit("\(line.quantity) × \(line.name)", toColumns: max(4, area.width - priceWidth))),
                        Span(TextWidth.fit(Format.money(line.lineTotal), toColumns: priceWidth, alignment: .right), style: .foreground(.price))]))
        }
        func amount(_ label: String, _ money: Money, bold: Bool = false) {
            write(Line([Span(TextWidth.fit(label, toColumns: max(4, area.width - priceWidth)), style: .foreground(.muted)),
                        Span(TextWidth.fit(Format.money(money), toColumns: priceWidth, alignment: .right), style: .foreground(.price, bold ? .bold : []))]))
        }
        amount("Subtotal", order.subtotal)
        amount("Shipping (\(order.shippingOption.name))", order.shipping)
        amount("Total", order.total, bold: true)
        y += 1
        write(Line("Paid with \(order.cardBrand.displayName) •••• \(order.cardLast4)", style: .foreground(.muted)))
        write(Line("Ships to \(CheckoutView.oneLine(order.address))", style: .foreground(.muted)))
        y += 1
        if isCancelling {
            write(Line("\(Format.spinner(spinnerTick)) Cancelling…", style: .foreground(.warning)))
        } else if order.isCancellable {
            write(Line([Span("X", style: .foreground(.accent, .bold)), Span(" cancel this order · ", style: .foreground(.muted)),
                        Span("v", style: .foreground(.accent, .bold)), Span(" invoice", style: .foreground(.muted))]))
        } else {
            write(Line([Span("v", style: .foreground(.accent, .bold)), Span(" invoice", style: .foreground(.muted))]))
        }
        return y
    }
}

/// The invoice of an order.
enum InvoiceView {
    static func render(_ detail: OrderDetailState, area: Rect, into buffer: inout Buffer, theme: Theme, spinnerTick: Int) {
        guard let invoice = detail.invoice.value else {
            let text: (String, ThemeRole) = if let failure = detail.invoice.failure { ("✖ \(failure)", .error) }
                else { ("\(Format.spinner(spinnerTick)) Loading the invoice…", .muted) }
            buffer.write(text.0, in: area.row(0), style: .foreground(text.1))
            return
        }
        var lines: [Line] = [
            Line([Span("INVOICE \(invoice.number)", style: .foreground(.title, .bold)),
                  Span("   \(invoice.status.rawValue.uppercased())", style: .foreground(invoice.status == .paid ? .success : .warning, .bold))]),
            Line("Issued \(Format.dateTime(invoice.issuedAt)) · order \(invoice.orderID)", style: .foreground(.muted)),
            Line("Bill to \(invoice.email) · \(CheckoutView.oneLine(invoice.billingAddress))", style: .foreground(.muted)),
            Line(""),
        ]
        let priceWidth = 12
        for line in invoice.lines {
            lines.append(Line([Span(TextWidth.fit("\(line.quantity) × \(line.name) @ \(Format.money(line.unitPrice))", toColumns: max(4, area.width - priceWidth))),
                               Span(TextWidth.fit(Format.money(line.lineTotal), toColumns: priceWidth, alignment: .right), style: .foreground(.price))]))
        }
        for (label, money) in [("Subtotal", invoice.subtotal), ("Shipping", invoice.shipping), ("Total", invoice.total)] {
            lines.append(Line([Span(TextWidth.fit(label, toColumns: max(4, area.width - priceWidth)), style: .foreground(.muted)),
                               Span(TextWidth.fit(Format.money(money), toColumns: priceWidth, alignment: .right), style: .foreground(.price))]))
        }
        lines.append(Line(""))
        lines.append(Line("Paid by \(invoice.cardBrand.displayName) •••• \(invoice.cardLast4) · transaction \(invoice.transactionID)", style: .foreground(.muted)))
        lines.append(Line("v or Esc: back to the order", style: .foreground(.muted)))
        let start = min(detail.scroll, max(0, lines.count - area.height))
        for (index, line) in lines.dropFirst(start).prefix(area.height).enumerated() {
            buffer.write(line, x: area.x, y: area.y + index, maxWidth: area.width)
        }
    }
}
