import Foundation
import ShopKit
import TerminalUI

/// Account: the sign-in/register form for guests; profile, addresses and activity when signed in.
enum AccountView {
    static func render(_ state: AppState, area: Rect, into buffer: inout Buffer, layout: inout ScreenLayout, theme: Theme) {
        if state.isSignedIn { signedIn(state, area: area, into: &buffer, layout: &layout, theme: theme) }
        else { guestForm(state, area: area, into: &buffer, theme: theme) }
    }

    private static func guestForm(_ state: AppState, area: Rect, into buffer: inout Buffer, theme: Theme) {
        let account = state.account
        let title = account.formMode == .signIn ? "Sign in" : "Create an account"
        let context = state.keyContext
        let other = Keymap.advice(.switchForm, account.formMode == .signIn ? "register instead" : "sign in instead", in: context)
        let panel = Panel(title: title, trailingTitle: other, isFocused: true)
        panel.render(into: &buffer, area: area, theme: theme)
        let inside = panel.contentArea(for: area).inset(horizontal: 1)
        guard inside.height >= 8 else { return }
        let fieldRows = account.formFields.count * 2
        // The intro takes what the fields and the message leave, whole when it fits.
        let introArea = Rect(x: inside.x, y: inside.y, width: inside.width, height: max(1, inside.height - fieldRows - 3))
        // What the form offers, in the words of the form shown (the register form said "Sign in").
        let intro = account.formMode == .signIn
            ? "You are shopping as a guest. Sign in to keep your cart, addresses and orders; the guest cart merges into your account."
            : "You are shopping as a guest. Create an account to keep your cart, addresses and orders; your guest cart moves into it."
        var y = inside.y + buffer.writeWrapped(intro, in: introArea, style: .foreground(.muted)) + 1
        for field in account.formFields {
            let (label, input, masked): (String, TextInputState, Bool) = switch field {
            case .email: ("E-mail", account.email, false)
            case .password: ("Password", account.password, true)
            case .name: ("Name", account.name, false)
            }
            FormFieldView.drawInput(label: label, input: input, isMasked: masked, isFocused: account.formFocus == field && state.overlay == nil,
                                    error: nil, area: Rect(x: inside.x, y: y, width: inside.width, height: 1), into: &buffer, theme: theme)
            y += 2
        }
        let rest = Rect(x: inside.x, y: y, width: inside.width, height: max(0, inside.maxY - y))
        if account.isSubmitting {
            buffer.writeWrapped("\(Format.spinner(state.spinnerTick)) \(account.formMode == .signIn ? "Signing in" : "Creating your account")…", in: rest,
                                style: .foreground(.info))
        } else if let error = account.formError {
            buffer.writeWrapped("✖ " + error, in: rest, style: .foreground(.error))
        } else {
            let advice = Keymap.advice([(.open, "to \(account.formMode == .signIn ? "sign in" : "register")"), (.nextPane, "next field"), (.back, "back")], in: context)
            buffer.writeWrapped(advice, in: rest, style: .foreground(.muted))
        }
    }

    /// Where a signed-in account's parts are drawn in `area`.
    struct SignedInLayout {
        var tabs: Tabs
        var tabsArea: Rect
        var body: Rect
        /// Inside the panel, less a column each side.
        var inside: Rect
        /// The saved addresses' list (the last row holds the key hints).
        var addressList: Rect { Rect(x: inside.x, y: inside.y, width: inside.width, height: inside.height - 1) }
    }

    static func signedInLayout(_ state: AppState, area: Rect) -> SignedInLayout {
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        return SignedInLayout(
            tabs: Tabs(AccountState.Section.allCases.map(\.title), selected: state.account.section.rawValue),
            tabsArea: area.row(0).inset(horizontal: 1), body: body,
            inside: Panel(title: state.account.section.title, isFocused: true).contentArea(for: body).inset(horizontal: 1))
    }

    private static func signedIn(_ state: AppState, area: Rect, into buffer: inout Buffer, layout published: inout ScreenLayout, theme: Theme) {
        let account = state.account
        let layout = signedInLayout(state, area: area)
        layout.tabs.render(into: &buffer, area: layout.tabsArea, theme: theme)
        // The tabs are for moving between the account's lists: not while an address is edited.
        if account.newAddress == nil {
            for (section, rect) in zip(AccountState.Section.allCases, layout.tabs.titleRects(in: layout.tabsArea)) {
                published.add(rect, .accountSection(section))
            }
        }
        Panel(title: account.section.title, isFocused: true).render(into: &buffer, area: layout.body, theme: theme)
        let inside = layout.inside
        guard inside.height >= 3, let user = state.user else { return }
        switch account.section {
        case .profile:
            let rows: [(String, String)] = [
                ("Name", user.name ?? "—"), ("E-mail", user.email ?? "—"), ("Member since", Format.date(user.createdAt)),
                ("Currency", state.currency.code + "  ($ to change)"),
            ]
            for (index, row) in rows.enumerated() where index < inside.height {
                buffer.write(TextWidth.fit(row.0, toColumns: 16), x: inside.x, y: inside.y + index, style: .foreground(.muted))
                buffer.write(row.1, x: inside.x + 16, y: inside.y + index, style: .foreground(.text), maxWidth: inside.width - 16)
            }
            buffer.writeWrapped(Keymap.advice([(.signOut, "sign out"), (.nextPane, "addresses and activity")], in: state.keyContext),
                                in: Rect(x: inside.x, y: inside.y + rows.count + 1, width: inside.width, height: max(0, inside.height - rows.count - 1)),
                                style: .foreground(.muted))
        case .addresses:
            if let form = account.newAddress {
                let title = account.editingAddressID == nil ? "New address" : "Edit address"
                let advice = Keymap.advice([(.open, "save"), (.back, "cancel")], in: state.keyContext)
                buffer.write("\(title) (\(advice))", x: inside.x, y: inside.y, style: .foreground(.text), maxWidth: inside.width)
                AddressFormView.render(form, isActive: state.overlay == nil, area: Rect(x: inside.x, y: inside.y + 2, width: inside.width, height: inside.height - 2),
                                       into: &buffer, theme: theme)
                return
            }
            let addresses = account.addresses.value ?? []
            if addresses.isEmpty {
                let text = account.addresses.isLoading ? "\(Format.spinner(state.spinnerTick)) Loading…" : account.addresses.failure.map { "✖ \($0)" } ?? "No saved addresses yet."
                buffer.write(text, in: inside.row(0), style: .foreground(.muted))
            } else {
                let list = ListView(count: addresses.count, state: account.addressList) { Line(CheckoutView.oneLine(addresses[$0])) }
                list.render(into: &buffer, area: layout.addressList, theme: theme)
                published.publish(.addresses, list.geometry(in: layout.addressList))
            }
            buffer.write(Keymap.advice([(.newAddress, "add"), (.editAddress, "edit"), (.deleteAddress, "delete")], in: state.keyContext),
                         x: inside.x, y: inside.maxY - 1, style: .foreground(.muted), maxWidth: inside.width)
        case .activity:
            let events = account.activity.value ?? []
            if events.isEmpty {
                let text = account.activity.isLoading ? "\(Format.spinner(state.spinnerTick)) Loading…" : account.activity.failure.map { "✖ \($0)" } ?? "Nothing yet."
                buffer.write(text, in: inside.row(0), style: .foreground(.muted))
                return
            }
            // As in the inbox, the date shortens ("07:27" today, "11-27" before) where the whole
            // one would cut a summary: at 60 columns "Created the account ana@example.com" lost its domain.
            let room = inside.width - 2 - (events.count > inside.height ? 1 : 0) - 2  // the list's mark, its scrollbar, the gap
            let widest = events.map { TextWidth.columns(of: $0.summary) }.max() ?? 0
            let wholeDate = events.map { TextWidth.columns(of: Format.dateTime($0.at)) }.max() ?? 0
            let wholeDatesFit = wholeDate + widest <= room
            let now = state.now
            let list = ListView(count: events.count, state: account.activityList) { row in
                let at = events[row].at
                let date = wholeDatesFit ? Format.dateTime(at) : Format.shortDateTime(at, now: now)
                return Line([Span(date + "  ", style: .foreground(.muted)), Span(events[row].summary)])
            }
            list.render(into: &buffer, area: inside, theme: theme)
            published.publish(.activity, list.geometry(in: inside))
        }
    }
}
