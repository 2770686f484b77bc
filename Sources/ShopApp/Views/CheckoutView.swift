import Foundation
import ShopKit
import TerminalUI

/// The checkout wizard under its breadcrumb.
enum CheckoutView {
    /// From this width an order summary stands beside the form.
    static let summaryWidth = 120

    static func render(_ state: AppState, area: Rect, into buffer: inout Buffer, layout: inout ScreenLayout, theme: Theme) {
        guard let checkout = state.checkout, area.height >= 6 else { return }
        // Done is not a step to take: the path shows the five, all ticked once the order is placed.
        let steps = CheckoutStep.allCases.filter { $0 != .done }.map(\.title)
        Breadcrumbs(steps, current: checkout.step.rawValue, unicode: state.capabilities.unicode)
            .render(into: &buffer, area: area.row(0).inset(horizontal: 1), theme: theme)
        var top = area.y + 1
        if let message = checkout.stepMessage {
            top += buffer.writeWrapped("✖ " + message, in: Rect(x: area.x + 1, y: top, width: area.width - 2, height: 3), style: .foreground(.error, .bold))
        }
        var body = Rect(x: area.x, y: top, width: area.width, height: area.maxY - top)
        if area.width >= summaryWidth && checkout.step != .done {
            let columns = Layout.split(body, .horizontal, [.fill(1), .fixed(44)], spacing: 1)
            body = columns[0]
            summary(state, area: columns[1], into: &buffer, theme: theme)
        }
        let panel = Panel(title: checkout.step.title, trailingTitle: checkout.step == .done ? "complete" : "step \(checkout.step.rawValue + 1) of \(steps.count)", isFocused: true)
        panel.render(into: &buffer, area: body, theme: theme)
        let inside = panel.contentArea(for: body).inset(horizontal: 1)
        guard inside.height >= 3 else { return }
        switch checkout.step {
        case .contact: contact(state, checkout, inside, &buffer, theme)
        case .address: address(checkout, keymap: state.keymap, inside, &buffer, &layout, theme)
        case .shipping: shipping(state, checkout, inside, &buffer, &layout, theme)
        case .payment: payment(state, checkout, inside, &buffer, theme)
        case .review: review(state, checkout, inside, &buffer, theme)
        case .done: done(state, checkout, inside, &buffer)
        }
    }

    /// What is being bought, beside the form on a wide screen: the lines and the totals so far.
    private static func summary(_ state: AppState, area: Rect, into buffer: inout Buffer, theme: Theme) {
        let panel = Panel(title: "Order summary", trailingTitle: Format.count(state.cart.itemCount, "item"))
        panel.render(into: &buffer, area: area, theme: theme)
        let inside = panel.contentArea(for: area).inset(horizontal: 1)
        guard inside.height >= 3, let cart = state.cart.cart.value else { return }
        let priceWidth = 12
        let totalsHeight = 4
        var y = inside.y
        let room = max(1, inside.height - totalsHeight)
        let shown = cart.lines.count > room ? room - 1 : cart.lines.count
        for line in cart.lines.prefix(shown) {
            buffer.write(TextWidth.fit("\(line.quantity) × \(line.name)", toColumns: inside.width - priceWidth - 1), x: inside.x, y: y, style: .foreground(.text))
            buffer.write(TextWidth.fit(Format.money(line.lineTotal), toColumns: priceWidth, alignment: .right), x: inside.maxX - priceWidth, y: y, style: .foreground(.price))
            y += 1
        }
        if cart.lines.count > shown {
            buffer.write("and \(cart.lines.count - shown) more", x: inside.x, y: y, style: .foreground(.muted), maxWidth: inside.width)
            y += 1
        }
        y += 1
        let shipping = state.checkout?.selectedShipping?.cost
        var total: Money?
        if let shipping, shipping.currency == cart.subtotal.currency { total = cart.subtotal + shipping }
        for (label, value, role) in [("Subtotal", Format.money(cart.subtotal), ThemeRole.text),
                                     ("Shipping", shipping.map(Format.money) ?? "next steps", .muted),
                                     ("Total", total.map(Format.money) ?? "—", .price)] where y < inside.maxY {
            buffer.write(TextWidth.fit(label, toColumns: inside.width - 16) + TextWidth.fit(value, toColumns: 16, alignment: .right),
                         x: inside.x, y: y, style: .foreground(role, label == "Total" ? .bold : []))
            y += 1
        }
    }

    private static func contact(_ state: AppState, _ checkout: CheckoutState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme) {
        let who = state.isSignedIn ? "Signed in as \(state.user?.email ?? "you"). The receipt goes to:" : "Checking out as a guest. Where should the receipt go?"
        var y = area.y + buffer.writeWrapped(who, in: Rect(x: area.x, y: area.y, width: area.width, height: 2), style: .foreground(.text)) + 1
        y += FormFieldView.drawInput(label: "E-mail *", input: checkout.email, placeholder: "you@example.com", isFocused: state.overlay == nil,
                                     error: checkout.emailError, area: Rect(x: area.x, y: y, width: area.width, height: area.maxY - y),
                                     into: &buffer, theme: theme, fieldWidth: 40)
        if !state.isSignedIn {
            // While the e-mail is typed `a` types: the way to the account goes back through the cart.
            let context = state.keyContext
            var advice = "Have an account? "
            if let account = Keymap.advice(.showAccount, "for Account", in: context) {
                advice += "Press \(account) to sign in; your cart comes with you."
            } else if let back = Keymap.advice(.back, "back to the cart", in: context),
                      let account = Keymap.keys(for: .showAccount, in: KeyContext(.cart, keymap: state.keymap)).first {
                advice += "\(back), then \(account.displayName) for Account to sign in; your cart comes with you."
            }
            buffer.writeWrapped(advice, in: Rect(x: area.x, y: y + 1, width: area.width, height: max(0, area.maxY - y - 1)), style: .foreground(.muted))
        }
    }

    private static func address(_ checkout: CheckoutState, keymap: Keymap, _ area: Rect, _ buffer: inout Buffer, _ layout: inout ScreenLayout, _ theme: Theme) {
        let saved = checkout.savedAddresses.value ?? []
        if checkout.isEditingNewAddress {
            let back = Keymap.advice(.back, "for your saved ones", in: KeyContext(.checkout, typing: true, keymap: keymap)).map { " (\($0))" } ?? ""
            buffer.write(saved.isEmpty ? "Where should we ship it?" : "A new address\(back):", x: area.x, y: area.y,
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
        let listArea = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        list.render(into: &buffer, area: listArea, theme: theme)
        layout.publish(.checkoutAddresses, list.geometry(in: listArea))
    }

    static func oneLine(_ address: Address) -> String { oneLine(address.input) }

    static func oneLine(_ address: AddressInput) -> String {
        [address.name, address.line1, address.line2, address.city, address.region, address.postalCode, address.country]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    private static func shipping(_ state: AppState, _ checkout: CheckoutState, _ area: Rect, _ buffer: inout Buffer, _ layout: inout ScreenLayout, _ theme: Theme) {
        // Wrapped, not cut: at 60 columns one row lost the country ("SW1Y 4JH, …").
        var top = area.y + 1
        if let address = checkout.confirmedAddress {
            top += buffer.writeWrapped("To " + oneLine(address), in: Rect(x: area.x, y: area.y, width: area.width, height: 2), style: .foreground(.muted))
        }
        let rest = Rect(x: area.x, y: top, width: area.width, height: max(0, area.maxY - top))
        let options = checkout.shippingOptions.value ?? []
        if options.isEmpty {
            if let failure = checkout.shippingOptions.failure {
                buffer.writeWrapped("✖ \(failure) — Enter to try again", in: rest, style: .foreground(.error))
            } else {
                buffer.writeWrapped("\(Format.spinner(state.spinnerTick)) Asking the gateway for shipping options…", in: rest, style: .foreground(.muted))
            }
            return
        }
        let listArea = Rect(x: area.x, y: top, width: area.width, height: min(options.count, rest.height))
        // The selection mark, and the scrollbar's column when the options need one.
        let rowWidth = listArea.width - 2 - (options.count > listArea.height ? 1 : 0)
        let columns = ShippingColumns(options, width: rowWidth)
        let list = ListView(count: options.count, state: checkout.shippingChoice) { row in columns.line(options[row]) }
        list.render(into: &buffer, area: listArea, theme: theme)
        layout.publish(.checkoutShipping, list.geometry(in: listArea))
    }

    private static func payment(_ state: AppState, _ checkout: CheckoutState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme) {
        let card = checkout.card
        var y = area.y + buffer.writeWrapped("Visa or Mastercard. The number is only sent to the gateway, never stored.",
                                             in: Rect(x: area.x, y: area.y, width: area.width, height: 2), style: .foreground(.muted)) + 1
        func rest() -> Rect { Rect(x: area.x, y: y, width: area.width, height: max(0, area.maxY - y)) }
        // The number is grouped while it is typed, and shown as the last four once the field is left.
        let numberFocused = card.focus == .number
        let shown = numberFocused ? card.groupedNumber : (card.digits.isEmpty ? "" : "•••• •••• •••• " + card.last4)
        var numberLine = Line([Span(shown, style: .role(.input))])
        if shown.isEmpty { numberLine = Line([Span("1234 5678 9012 3456", style: .role(.inputPlaceholder))]) }
        let numberRow = y
        y += FormFieldView.draw(label: CardForm.Field.number.label + " *", text: numberLine, isFocused: numberFocused, error: card.errors[.number],
                                area: rest(), into: &buffer, cursorColumn: TextWidth.columns(of: shown), fieldWidth: 24)
        let badgeX = area.x + FormFieldView.labelWidth + 24
        if let badge = brandBadge(card, unicode: state.capabilities.unicode, room: area.maxX - badgeX), card.errors[.number] == nil {
            let x = badgeX
            buffer.write(badge.0, x: x, y: numberRow, style: .foreground(badge.1), maxWidth: area.maxX - x)
        }
        y += FormFieldView.drawInput(label: CardForm.Field.expiry.label + " *", input: card.expiry, placeholder: "MM/YY", isFocused: card.focus == .expiry,
                                     error: card.errors[.expiry], area: rest(), into: &buffer, theme: theme, fieldWidth: 24)
        let cvvShown = String(repeating: "•", count: card.cvv.count)
        y += FormFieldView.draw(label: CardForm.Field.cvv.label + " *", text: Line([Span(cvvShown, style: .role(.input))]), isFocused: card.focus == .cvv,
                                error: card.errors[.cvv], area: rest(), into: &buffer, cursorColumn: card.cvv.count, fieldWidth: 24)
        y += FormFieldView.drawInput(label: CardForm.Field.holder.label, input: card.holder, placeholder: "optional", isFocused: card.focus == .holder,
                                     error: nil, area: rest(), into: &buffer, theme: theme, fieldWidth: 24)
        y += 1
        buffer.writeWrapped(Keymap.advice([(.nextPane, "next field"), (.open, "review the order")], in: state.keyContext), in: rest(), style: .foreground(.muted))
    }

    /// "Visa ✓" only for a whole number that passes the check digit; a complete number that
    /// fails it says so at once, rather than "✓" and a vague error later. In words where the
    /// terminal cannot show the marks (their stand-ins read "Visa +" and "Visa !"), as many as
    /// fit in `room` columns: at 60 columns "Mastercard, valid number" had 14.
    static func brandBadge(_ card: CardForm, unicode: Bool = true, room: Int = .max) -> (String, ThemeRole)? {
        guard !card.digits.isEmpty, card.brand != .unknown else { return nil }
        let name = card.brand.displayName
        let marks: [String], role: ThemeRole
        if !card.brand.isAccepted { (marks, role) = ([" not accepted"], .warning) }
        else if !CardValidator.hasValidLength(card.digits) { (marks, role) = ([""], .muted) }
        else if !CardValidator.passesLuhn(card.digits) { (marks, role) = (unicode ? [" ✖"] : [", check the number", ", check it", " typo?"], .warning) }
        else { (marks, role) = (unicode ? [" ✓"] : [", valid number", " valid", " ok"], .success) }
        for mark in marks {
            for lead in ["  ", " "] where TextWidth.columns(of: lead + name + mark) <= room { return (lead + name + mark, role) }
        }
        return ("  " + name, role)
    }

    private static func review(_ state: AppState, _ checkout: CheckoutState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme) {
        let context = state.keyContext
        let status: (String, ThemeRole) = switch checkout.placement {
        case .idle: (Keymap.advice(.open, "to place the order and pay", in: context) ?? "", .accent)
        case .preparingKey, .placing: ("\(Format.spinner(state.spinnerTick)) Placing your order… it is sent once; wait for the answer", .info)
        case .failed: ((Keymap.advice(.open, "to retry safely", in: context) ?? "") + " (same order key, charged at most once)", .warning)
        }
        // The status is what this step is for: it is drawn whole at the bottom, the rest above it.
        let statusHeight = Buffer.wrappedHeight(status.0, width: area.width)
        let statusTop = area.maxY - statusHeight
        buffer.writeWrapped(status.0, in: Rect(x: area.x, y: statusTop, width: area.width, height: statusHeight), style: .foreground(status.1, .bold))
        let bottom = statusTop - 1

        // Who, where, how: wrapped, so that the address keeps its country at any width.
        var details: [(String, String)] = [("E-mail", checkout.email.text), ("Ship to", checkout.confirmedAddress.map(oneLine) ?? "—")]
        if let option = checkout.selectedShipping {
            details.append(("Shipping", "\(option.name), \(option.minDays)–\(option.maxDays) days, by \(Format.date(option.estimatedDelivery))"))
        }
        details.append(("Payment", checkout.card.masked + (checkout.card.expiryParts.map { String(format: ", expires %02d/%d", $0.month, $0.year) } ?? "")))
        let valueWidth = max(1, area.width - 12)
        let detailRows = details.map { TextWidth.wrap($0.1, toColumns: valueWidth) }
        let detailsHeight = detailRows.reduce(0) { $0 + max(1, $1.count) }
        let amountsHeight = 3

        let cart = state.cart.cart.value
        let lines = cart?.lines ?? []
        let priceWidth = 12
        let room = max(1, bottom - area.y - detailsHeight - amountsHeight - 2)
        let shownCount = lines.count > room ? max(0, room - 1) : lines.count
        var y = area.y
        for line in lines.prefix(shownCount) {
            buffer.write(TextWidth.fit("\(line.quantity) × \(line.name)", toColumns: area.width - priceWidth - 1), x: area.x, y: y, style: .foreground(.text))
            buffer.write(TextWidth.fit(Format.money(line.lineTotal), toColumns: priceWidth, alignment: .right), x: area.maxX - priceWidth, y: y, style: .foreground(.price))
            y += 1
        }
        if lines.count > shownCount {
            buffer.write("and \(lines.count - shownCount) more", x: area.x, y: y, style: .foreground(.muted))
            y += 1
        }
        y += 1
        for (index, detail) in details.enumerated() {
            guard y < bottom else { break }
            buffer.write(TextWidth.fit(detail.0, toColumns: 12), x: area.x, y: y, style: .foreground(.muted))
            for row in detailRows[index] where y < bottom {
                buffer.write(row, x: area.x + 12, y: y, style: .foreground(.text), maxWidth: valueWidth)
                y += 1
            }
            if detailRows[index].isEmpty { y += 1 }
        }
        y += 1
        let subtotal = cart?.subtotal
        let shippingCost = checkout.selectedShipping?.cost
        let amountWidth = min(area.width, 26)
        let amountX = area.maxX - amountWidth
        func amount(_ label: String, _ value: Money?, _ role: ThemeRole, bold: Bool = false) {
            guard y < bottom else { return }
            buffer.write(TextWidth.fit(label, toColumns: amountWidth - 14) + TextWidth.fit(value.map(Format.money) ?? "—", toColumns: 14, alignment: .right),
                         x: amountX, y: y, style: .foreground(role, bold ? .bold : []))
            y += 1
        }
        amount("Subtotal", subtotal, .text)
        amount("Shipping", shippingCost, .text)
        var total: Money?
        if let subtotal, let shippingCost, subtotal.currency == shippingCost.currency { total = subtotal + shippingCost }
        amount("Total", total, .price, bold: true)
    }

    private static func done(_ state: AppState, _ checkout: CheckoutState, _ area: Rect, _ buffer: inout Buffer) {
        guard let order = checkout.placedOrder else { return }
        let rows: [(String, String, ThemeRole)] = [
            // The tick only where it is one: its stand-in read "+ Thank you!".
            ("", (state.capabilities.unicode ? "✔ " : "") + "Thank you! Your order is placed.", .success),
            ("", "", .text),
            ("Order", order.id, .accent),
            ("Tracking", order.trackingID, .accent),
            ("Charged", "\(Format.money(order.total)) to \(order.cardBrand.displayName) •••• \(order.cardLast4)", .price),
            ("Receipt to", order.email, .text),
        ]
        var y = area.y
        for (index, row) in rows.enumerated() where y < area.maxY {
            let indent = row.0.isEmpty ? 0 : 12
            buffer.write(TextWidth.fit(row.0, toColumns: 12), x: area.x, y: y, style: .foreground(.muted))
            y += max(1, buffer.writeWrapped(row.1, in: Rect(x: area.x + indent, y: y, width: area.width - indent, height: 2),
                                            style: .foreground(row.2, index == 0 ? .bold : [])))
        }
        // The same words as the footer: both come from the keymap and this step.
        let advice = Keymap.advice([(.open, "to follow it in the tracker"), (.back, "to keep shopping")], in: state.keyContext)
        buffer.writeWrapped(advice, in: Rect(x: area.x, y: y + 1, width: area.width, height: max(0, area.maxY - y - 1)), style: .foreground(.muted))
    }
}
