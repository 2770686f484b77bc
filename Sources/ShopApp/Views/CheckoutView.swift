import Foundation
import ShopKit
import TerminalUI

/// The checkout wizard under its breadcrumb.
enum CheckoutView {
    static func render(_ state: AppState, area: Rect, into buffer: inout Buffer, theme: Theme) {
        guard let checkout = state.checkout, area.height >= 6 else { return }
        let steps = CheckoutStep.allCases.map(\.title)
        Breadcrumbs(steps, current: checkout.step.rawValue).render(into: &buffer, area: area.row(0).inset(horizontal: 1), theme: theme)
        var top = area.y + 1
        if let message = checkout.stepMessage {
            buffer.write("✖ " + message, x: area.x + 1, y: top, style: .foreground(.error, .bold), maxWidth: area.width - 2)
            top += 1
        }
        let body = Rect(x: area.x, y: top, width: area.width, height: area.maxY - top)
        let panel = Panel(title: checkout.step.title, trailingTitle: checkout.step == .done ? "complete" : "step \(checkout.step.rawValue + 1) of 5", isFocused: true)
        panel.render(into: &buffer, area: body, theme: theme)
        let inside = panel.contentArea(for: body).inset(horizontal: 1)
        guard inside.height >= 3 else { return }
        switch checkout.step {
        case .contact: contact(state, checkout, inside, &buffer, theme)
        case .address: address(checkout, inside, &buffer, theme)
        case .shipping: shipping(state, checkout, inside, &buffer, theme)
        case .payment: payment(checkout, inside, &buffer, theme)
        case .review: review(state, checkout, inside, &buffer, theme)
        case .done: done(checkout, inside, &buffer)
        }
    }

    private static func contact(_ state: AppState, _ checkout: CheckoutState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme) {
        let who = state.isSignedIn ? "Signed in as \(state.user?.email ?? "you"). The receipt goes to:" : "Checking out as a guest. Where should the receipt go?"
        buffer.write(who, x: area.x, y: area.y, style: .foreground(.text), maxWidth: area.width)
        FormFieldView.drawInput(label: "E-mail *", input: checkout.email, placeholder: "you@example.com", isFocused: state.overlay == nil,
                                error: checkout.emailError, area: area.row(2), into: &buffer, theme: theme, fieldWidth: 40)
        if !state.isSignedIn {
            buffer.write("Have an account? Press a for Account to sign in; your cart comes with you.", x: area.x, y: area.y + 4,
                         style: .foreground(.muted), maxWidth: area.width)
        }
    }

    private static func address(_ checkout: CheckoutState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme) {
        let saved = checkout.savedAddresses.value ?? []
        if checkout.isEditingNewAddress {
            buffer.write(saved.isEmpty ? "Where should we ship it?" : "A new address (Esc for your saved ones):", x: area.x, y: area.y,
                         style: .foreground(.text), maxWidth: area.width)
            AddressFormView.render(checkout.addressForm, isActive: true, area: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2),
                                   into: &buffer, theme: theme)
            return
        }
        buffer.write("Ship to one of your saved addresses, or a new one:", x: area.x, y: area.y, style: .foreground(.text), maxWidth: area.width)
        let list = ListView(count: saved.count + 1, state: checkout.addressChoice) { row in
            guard row < saved.count else { return Line("+ New address", style: .foreground(.accent)) }
            return Line(oneLine(saved[row]))
        }
        list.render(into: &buffer, area: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2), theme: theme)
    }

    static func oneLine(_ address: Address) -> String { oneLine(address.input) }

    static func oneLine(_ address: AddressInput) -> String {
        [address.name, address.line1, address.line2, address.city, address.region, address.postalCode, address.country]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    private static func shipping(_ state: AppState, _ checkout: CheckoutState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme) {
        if let address = checkout.confirmedAddress {
            buffer.write("To " + oneLine(address), x: area.x, y: area.y, style: .foreground(.muted), maxWidth: area.width)
        }
        let options = checkout.shippingOptions.value ?? []
        if options.isEmpty {
            if let failure = checkout.shippingOptions.failure {
                buffer.write("✖ \(failure) — Enter to try again", x: area.x, y: area.y + 2, style: .foreground(.error), maxWidth: area.width)
            } else {
                buffer.write("\(Format.spinner(state.spinnerTick)) Asking the gateway for shipping options…", x: area.x, y: area.y + 2,
                             style: .foreground(.muted), maxWidth: area.width)
            }
            return
        }
        let list = ListView(count: options.count, state: checkout.shippingChoice) { row in
            let option = options[row]
            return Line([
                Span(TextWidth.fit(option.name, toColumns: 20)),
                Span(TextWidth.fit(Format.money(option.cost), toColumns: 12, alignment: .right), style: .foreground(.price)),
                Span("   \(option.minDays)–\(option.maxDays) days", style: .foreground(.text)),
                Span("   arrives by \(Format.date(option.estimatedDelivery))", style: .foreground(.muted)),
            ])
        }
        list.render(into: &buffer, area: Rect(x: area.x, y: area.y + 2, width: area.width, height: min(options.count, area.height - 2)), theme: theme)
    }

    private static func payment(_ checkout: CheckoutState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme) {
        let card = checkout.card
        buffer.write("Visa or Mastercard. The number is only sent to the gateway, never stored.", x: area.x, y: area.y,
                     style: .foreground(.muted), maxWidth: area.width)
        // The number is grouped while it is typed, and shown as the last four once the field is left.
        let numberFocused = card.focus == .number
        let shown = numberFocused ? card.groupedNumber : (card.digits.isEmpty ? "" : "•••• •••• •••• " + card.last4)
        let brand = card.digits.isEmpty ? "" : card.brand == .unknown ? "" : card.brand.isAccepted ? "  \(card.brand.displayName) ✓" : "  \(card.brand.displayName) — not accepted"
        var numberLine = Line([Span(shown, style: .role(.input))])
        if shown.isEmpty { numberLine = Line([Span("1234 5678 9012 3456", style: .role(.inputPlaceholder))]) }
        FormFieldView.draw(label: CardForm.Field.number.label + " *", text: numberLine, isFocused: numberFocused, error: card.errors[.number],
                           area: area.row(2), into: &buffer, cursorColumn: TextWidth.columns(of: shown), fieldWidth: 24)
        if !brand.isEmpty && card.errors[.number] == nil {
            buffer.write(brand, x: area.x + FormFieldView.labelWidth + 24, y: area.y + 2,
                         style: .foreground(card.brand.isAccepted ? .success : .warning), maxWidth: area.width - FormFieldView.labelWidth - 24)
        }
        FormFieldView.drawInput(label: CardForm.Field.expiry.label + " *", input: card.expiry, placeholder: "MM/YY", isFocused: card.focus == .expiry,
                                error: card.errors[.expiry], area: area.row(3), into: &buffer, theme: theme, fieldWidth: 24)
        let cvvShown = String(repeating: "•", count: card.cvv.count)
        FormFieldView.draw(label: CardForm.Field.cvv.label + " *", text: Line([Span(cvvShown, style: .role(.input))]), isFocused: card.focus == .cvv,
                           error: card.errors[.cvv], area: area.row(4), into: &buffer, cursorColumn: card.cvv.count, fieldWidth: 24)
        FormFieldView.drawInput(label: CardForm.Field.holder.label, input: card.holder, placeholder: "optional", isFocused: card.focus == .holder,
                                error: nil, area: area.row(5), into: &buffer, theme: theme, fieldWidth: 24)
        buffer.write("Tab next field · Enter review the order", x: area.x, y: area.y + 7, style: .foreground(.muted), maxWidth: area.width)
    }

    private static func review(_ state: AppState, _ checkout: CheckoutState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme) {
        var y = area.y
        func row(_ label: String, _ value: String, _ role: ThemeRole = .text, bold: Bool = false) {
            guard y < area.maxY else { return }
            buffer.write(TextWidth.fit(label, toColumns: 12), x: area.x, y: y, style: .foreground(.muted))
            buffer.write(value, x: area.x + 12, y: y, style: .foreground(role, bold ? .bold : []), maxWidth: area.width - 12)
            y += 1
        }
        let cart = state.cart.cart.value
        let lines = cart?.lines ?? []
        let priceWidth = 12
        let shownLines = lines.prefix(max(1, area.height - 11))
        for line in shownLines {
            let name = "\(line.quantity) × \(line.name)"
            buffer.write(TextWidth.fit(name, toColumns: area.width - priceWidth - 1), x: area.x, y: y, style: .foreground(.text))
            buffer.write(TextWidth.fit(Format.money(line.lineTotal), toColumns: priceWidth, alignment: .right), x: area.maxX - priceWidth, y: y, style: .foreground(.price))
            y += 1
        }
        if lines.count > shownLines.count {
            buffer.write("… and \(lines.count - shownLines.count) more", x: area.x, y: y, style: .foreground(.muted))
            y += 1
        }
        y += 1
        row("E-mail", checkout.email.text)
        row("Ship to", checkout.confirmedAddress.map(oneLine) ?? "—")
        if let option = checkout.selectedShipping {
            row("Shipping", "\(option.name), \(option.minDays)–\(option.maxDays) days, by \(Format.date(option.estimatedDelivery))")
        }
        row("Payment", checkout.card.masked + (checkout.card.expiryParts.map { String(format: ", expires %02d/%d", $0.month, $0.year) } ?? ""))
        y += 1
        let subtotal = cart?.subtotal
        let shippingCost = checkout.selectedShipping?.cost
        let amountX = area.maxX - 26
        func amount(_ label: String, _ value: Money?, _ role: ThemeRole, bold: Bool = false) {
            guard y < area.maxY else { return }
            buffer.write(TextWidth.fit(label, toColumns: 12) + TextWidth.fit(value.map(Format.money) ?? "—", toColumns: 14, alignment: .right),
                         x: amountX, y: y, style: .foreground(role, bold ? .bold : []))
            y += 1
        }
        amount("Subtotal", subtotal, .text)
        amount("Shipping", shippingCost, .text)
        var total: Money?
        if let subtotal, let shippingCost, subtotal.currency == shippingCost.currency { total = subtotal + shippingCost }
        amount("Total", total, .price, bold: true)
        let status: (String, ThemeRole) = switch checkout.placement {
        case .idle: ("Enter to place the order and pay \(total.map(Format.money) ?? "")", .accent)
        case .preparingKey, .placing: ("\(Format.spinner(state.spinnerTick)) Placing your order… (Enter does nothing until it answers)", .info)
        case .failed: ("Not confirmed yet — Enter to retry safely (same order key, charged at most once)", .warning)
        }
        buffer.write(status.0, x: area.x, y: area.maxY - 1, style: .foreground(status.1, .bold), maxWidth: area.width)
    }

    private static func done(_ checkout: CheckoutState, _ area: Rect, _ buffer: inout Buffer) {
        guard let order = checkout.placedOrder else { return }
        let rows: [(String, String, ThemeRole)] = [
            ("", "✔ Thank you! Your order is placed.", .success),
            ("", "", .text),
            ("Order", order.id, .accent),
            ("Tracking", order.trackingID, .accent),
            ("Charged", "\(Format.money(order.total)) to \(order.cardBrand.displayName) •••• \(order.cardLast4)", .price),
            ("Receipt to", order.email, .text),
            ("", "", .text),
            ("", "Enter to follow it in the tracker · Esc to keep shopping", .muted),
        ]
        for (index, row) in rows.enumerated() where index < area.height {
            buffer.write(TextWidth.fit(row.0, toColumns: 12), x: area.x, y: area.y + index, style: .foreground(.muted))
            buffer.write(row.1, x: area.x + (row.0.isEmpty ? 0 : 12), y: area.y + index, style: .foreground(row.2, index == 0 ? .bold : []),
                         maxWidth: area.width - 12)
        }
    }
}
