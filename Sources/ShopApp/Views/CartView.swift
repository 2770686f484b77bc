import Foundation
import ShopKit
import TerminalUI

/// The cart: lines with quantities and problems, then subtotal, shipping estimate and total.
enum CartView {
    static func render(_ state: AppState, area: Rect, into buffer: inout Buffer, layout: inout ScreenLayout, theme: Theme) {
        let cart = state.cart
        let trailing = cart.pendingChanges > 0 || cart.cart.isLoading ? "\(Format.spinner(state.spinnerTick)) updating" : Format.count(cart.itemCount, "item")
        let panel = Panel(title: "Your cart", trailingTitle: trailing, isFocused: true)
        panel.render(into: &buffer, area: area, theme: theme)
        let inside = panel.contentArea(for: area).inset(horizontal: 1)
        guard inside.height >= 6 else { return }
        guard let value = cart.cart.value else {
            if let failure = cart.cart.failure {
                buffer.write("✖ Could not load your cart: \(failure)", in: inside.row(0), style: .foreground(.error))
            } else {
                buffer.write("\(Format.spinner(state.spinnerTick)) Loading your cart…", in: inside.row(0), style: .foreground(.muted))
            }
            return
        }
        if value.isEmpty {
            let advice = "Browse the catalog (b) or search (/), then press + to add a product."
            let lines = ["Your cart is empty.", ""] + TextWidth.wrap(advice, toColumns: inside.width)
            for (index, line) in lines.enumerated() where inside.height / 3 + index < inside.height {
                buffer.write(line, in: Rect(x: inside.x, y: inside.y + inside.height / 3 + index, width: inside.width, height: 1),
                             style: index == 0 ? .foreground(.title, .bold) : .foreground(.muted), alignment: .center)
            }
            return
        }
        let totalsHeight = 5
        let listArea = Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: inside.height - totalsHeight - 1)
        // The price columns as wide as their widest amount (12 at most): at 60 columns a fixed 12
        // cut "Automatic Wristwatch" to "Automatic Wristw…" beside blank columns.
        // A line's problem takes both price columns: they stay wide enough for it, so that its
        // quantity stays in the column of the others.
        let amounts = value.lines.flatMap { [Format.money($0.unitPrice), Format.money($0.lineTotal)] }
        let problems = value.lines.compactMap { cart.problem(for: $0) }
        let neededForProblems = ((problems.map(TextWidth.columns(of:)).max() ?? 0) + 1) / 2
        let qtyWidth = 9, priceWidth = min(12, max(7, amounts.map(TextWidth.columns(of:)).max() ?? 0, neededForProblems) + 1)
        let nameWidth = max(8, listArea.width - 3 - qtyWidth - priceWidth * 2 - 3)
        let header = TextWidth.fit("Product", toColumns: nameWidth + 2) + " " + TextWidth.fit("Qty", toColumns: qtyWidth, alignment: .center)
            + " " + TextWidth.fit("Each", toColumns: priceWidth, alignment: .right) + " " + TextWidth.fit("Total", toColumns: priceWidth, alignment: .right)
        buffer.write(header, x: inside.x, y: inside.y, style: .foreground(.title, .bold), maxWidth: inside.width)
        let lines = value.lines
        let list = ListView(count: lines.count, state: cart.list) { row in
            let line = lines[row]
            var spans = [
                Span(TextWidth.fit(line.name, toColumns: nameWidth)),
                Span(" " + TextWidth.fit("- \(line.quantity) +", toColumns: qtyWidth, alignment: .center), style: .foreground(.accent)),
                Span(" " + TextWidth.fit(Format.money(line.unitPrice), toColumns: priceWidth, alignment: .right), style: .foreground(.muted)),
                Span(" " + TextWidth.fit(Format.money(line.lineTotal), toColumns: priceWidth, alignment: .right), style: .foreground(.price)),
            ]
            if let problem = cart.problem(for: line) {
                // The quantity stays in its column (5 of 3 in stock is fixed with -); the problem
                // takes the price columns, and borrows from the name only when it is longer.
                let problemRoom = priceWidth * 2 + 1
                let borrowed = min(max(0, TextWidth.columns(of: problem) - problemRoom), max(0, nameWidth - 2 - 8))
                spans = [
                    Span("⚠ ", style: .foreground(.warning)),
                    Span(TextWidth.fit(line.name, toColumns: nameWidth - 2 - borrowed)),
                    Span(" " + TextWidth.fit("- \(line.quantity) +", toColumns: qtyWidth, alignment: .center), style: .foreground(.warning, .bold)),
                    Span(" " + TextWidth.fit(problem, toColumns: problemRoom + borrowed), style: .foreground(.warning)),
                ]
            }
            return Line(spans)
        }
        list.render(into: &buffer, area: listArea, theme: theme)
        layout.publish(.cart, list.geometry(in: listArea))

        var y = inside.maxY - totalsHeight + 1
        let labelWidth = 24
        let amountX = inside.maxX - labelWidth - 1
        func total(_ label: String, _ amount: String, _ role: ThemeRole, bold: Bool = false) {
            buffer.write(TextWidth.fit(label, toColumns: 12) + TextWidth.fit(amount, toColumns: labelWidth - 12, alignment: .right),
                         x: amountX, y: y, style: .foreground(role, bold ? .bold : []), maxWidth: labelWidth)
            y += 1
        }
        buffer.fill(Rect(x: amountX, y: y - 1, width: labelWidth, height: 1), symbol: "─", style: .foreground(.border))
        total("Subtotal", Format.money(value.subtotal), .text)
        let shipping: String = if let estimate = cart.shippingEstimate.value { Format.money(estimate) }
            else if cart.shippingEstimate.failure != nil { "unavailable" } else { "…" }
        total("Shipping", shipping, .muted)
        total("Total", cart.estimatedTotal.map(Format.money) ?? "…", .price, bold: true)
        // Beside the totals, wrapped in the room they leave, never running into them.
        let adviceArea = Rect(x: inside.x, y: inside.maxY - 3, width: amountX - inside.x - 2, height: 3)
        if cart.hasProblems {
            buffer.writeWrapped("Fix the marked lines before checkout.", in: adviceArea, style: .foreground(.warning))
        } else {
            // Two sentences, not a key hint and a fact joined by "·": in the C locale its stand-in
            // `|` made "shipping is…" read as one more key hint.
            let advice = (Keymap.advice(.checkout, "to check out.", in: state.keyContext).map { $0 + " " } ?? "") + "Shipping is estimated at the standard rate."
            buffer.writeWrapped(advice, in: adviceArea, style: .foreground(.muted))
        }
    }
}
