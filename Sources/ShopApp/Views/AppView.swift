import Foundation
import ShopKit
import TerminalUI

/// The whole screen as a pure function of the state: header tabs, banner, the current screen,
/// footer hints from the keymap, status bar, and any overlay.
public enum AppView {
    public static func render(_ state: AppState, size: Size, theme: Theme) -> Buffer {
        var layout = ScreenLayout(size: size)
        return render(state, size: size, theme: theme, layout: &layout)
    }

    /// Draws the frame and publishes into `layout` where its lists and clickable parts went.
    public static func render(_ state: AppState, size: Size, theme: Theme, layout: inout ScreenLayout) -> Buffer {
        var buffer = Buffer(size: size)
        render(state, into: &buffer, theme: theme, layout: &layout)
        return buffer
    }

    /// Draws the frame into `buffer`, which must be blank, at the buffer's size.
    public static func render(_ state: AppState, into buffer: inout Buffer, theme: Theme, layout: inout ScreenLayout) {
        var memory = FrameMemory()
        render(state, into: &buffer, theme: theme, layout: &layout, memory: &memory)
    }

    /// Draws the frame into `buffer`, copying from the last frame, through `memory`, the rows
    /// of Browse's and Search's lists that are drawn as they were (see ``FrameMemory``).
    public static func render(_ state: AppState, into buffer: inout Buffer, theme: Theme, layout: inout ScreenLayout,
                              memory: inout FrameMemory) {
        let size = buffer.size
        let area = buffer.area
        layout = ScreenLayout(size: size, screen: state.screen, hasOverlay: state.overlay != nil)
        if size.width < AppState.minimumSize.width || size.height < AppState.minimumSize.height {
            drawTooSmall(size, quitKey: state.keymap.binding(.quit, in: .global)?.keys.first, into: &buffer)
            return
        }
        let areas = ScreenAreas(state: state, size: size)
        drawHeader(state, area: areas.header, into: &buffer, layout: &layout, theme: theme)
        if let banner = state.banner, !areas.banner.isEmpty {
            Banner(bannerText(banner, state), kind: banner.kind, unicode: state.capabilities.unicode)
                .render(into: &buffer, area: areas.banner, theme: theme)
        }
        let content = areas.content
        switch state.screen {
        case .browse: BrowseView.render(state, area: content, into: &buffer, layout: &layout, memory: &memory, theme: theme)
        case .search: SearchView.render(state, area: content, into: &buffer, layout: &layout, memory: &memory, theme: theme)
        case .cart: CartView.render(state, area: content, into: &buffer, layout: &layout, theme: theme)
        case .checkout: CheckoutView.render(state, area: content, into: &buffer, layout: &layout, theme: theme)
        case .orders: OrdersView.render(state, area: content, into: &buffer, layout: &layout, theme: theme)
        case .orderDetail: OrderDetailView.render(state, area: content, into: &buffer, layout: &layout, theme: theme)
        case .account: AccountView.render(state, area: content, into: &buffer, layout: &layout, theme: theme)
        case .inbox: InboxView.render(state, area: content, into: &buffer, layout: &layout, theme: theme)
        }
        let hints = state.overlay == .help ? OverlayView.helpFooterHints(state, over: buffer, border: theme.border)
            : Keymap.footerHints(state.overlayKeyContext ?? state.keyContext)
        KeyHintsBar(hints, unicode: state.capabilities.unicode).render(into: &buffer, area: areas.footer, theme: theme)
        StatusBar(left: statusLeft(state), right: statusRight(state)).render(into: &buffer, area: areas.status, theme: theme)
        if let overlay = state.overlay {
            memory.markOverdrawn()
            OverlayView.render(overlay, state: state, area: area, into: &buffer, layout: &layout, theme: theme)
        }
    }

    /// The layout the next frame of `state` will have: drawn off screen, for a reducer that
    /// needs a list the last frame did not show (see ``AppState/geometry(of:)``).
    static func layout(of state: AppState) -> ScreenLayout {
        var layout = ScreenLayout(size: state.size)
        _ = render(state, size: state.size, theme: .default, layout: &layout)
        return layout
    }

    /// The message and how to dismiss it, with the key the keymap gives for that here.
    static func bannerText(_ banner: BannerMessage, _ state: AppState) -> String {
        var context = KeyContext(KeyScope(state.screen), typing: state.isTyping, keymap: state.keymap)
        context.unicode = state.capabilities.unicode
        guard let advice = Keymap.advice(.back, "to dismiss", in: context) ?? Keymap.advice(.dismissBanner, "to dismiss", in: context) else {
            return banner.text
        }
        return banner.text + "  (\(advice))"
    }

    static func drawTooSmall(_ size: Size, quitKey: Key?, into buffer: inout Buffer) {
        let minimum = AppState.minimumSize
        // Wrapped, never cut: the requirement is the one thing this screen must say in full.
        let paragraphs: [(String, Style)] = [
            ("Terminal too small", .foreground(.warning, .bold)),
            ("\(size.width)x\(size.height): shop needs at least \(minimum.width)x\(minimum.height).", .foreground(.text)),
            (quitKey.map { "Enlarge the window, or press \($0.displayName) to quit." } ?? "Enlarge the window.", .foreground(.text)),
        ]
        let width = max(1, size.width - 2)
        let lines = paragraphs.flatMap { text, style in TextWidth.wrap(text, toColumns: width).map { ($0, style) } }
        let top = max(0, (size.height - lines.count) / 2)
        for (index, line) in lines.enumerated() where top + index < size.height {
            buffer.write(line.0, in: Rect(x: 1, y: top + index, width: width, height: 1), style: line.1, alignment: .center)
        }
    }

    /// The tab titles of the header, in order, with the screen each one opens: each with the
    /// key that opens it ("c Cart (3)"), from the keymap. When they do not fit, the counts lose
    /// their parentheses first, then the keys go, so that every tab keeps its whole name.
    static func tabs(_ state: AppState) -> [(Screen, String)] {
        let entries: [(Screen, Command, Int)] = [
            (.browse, .showBrowse, 0), (.search, .search, 0), (.cart, .showCart, state.cart.itemCount), (.orders, .showOrders, 0),
            (.account, .showAccount, 0), (.inbox, .showInbox, state.inbox.unreadCount),
        ]
        func titles(keys: Bool, compact: Bool) -> [(Screen, String)] {
            entries.map { screen, command, count in
                var title = screen.title
                if count > 0 { title += compact ? " \(count)" : " (\(count))" }
                if keys, let key = state.keymap.binding(command, in: .global)?.keys.first { title = "\(key.displayName(unicode: state.capabilities.unicode)) \(title)" }
                return (screen, title)
            }
        }
        let room = state.size.width - 2  // the spinner's corner
        // The shorter spellings only where the full one does not fit (one per frame, mostly).
        for (keys, compact) in [(true, false), (true, true)] {
            let choice = titles(keys: keys, compact: compact)
            if tabsWidth(choice.map(\.1)) <= room { return choice }
        }
        return titles(keys: false, compact: true)
    }

    /// Columns the tabs take: each title padded by a space on both sides, "│" between them.
    static func tabsWidth(_ titles: [String]) -> Int {
        titles.reduce(0) { $0 + TextWidth.columns(of: $1) + 2 } + max(0, titles.count - 1)
    }

    /// The column `tabs` start at: after " shop ", which gives way when the tabs need its room.
    static func tabsLeft(_ tabs: [(Screen, String)], width: Int) -> Int {
        tabsWidth(tabs.map(\.1)) + 7 + 2 <= width ? 7 : 0
    }

    static func selectedTab(_ state: AppState) -> Int {
        switch state.screen {
        case .browse: 0
        case .search: 1
        case .cart, .checkout: 2
        case .orders, .orderDetail: 3
        case .account: 4
        case .inbox: 5
        }
    }

    private static func drawHeader(_ state: AppState, area: Rect, into buffer: inout Buffer, layout: inout ScreenLayout, theme: Theme) {
        // The tabs are drawn on the screen's background, and so is the rest of the row: filled
        // with the status bar's colour, its right end was a bar of 2 to 5 columns on its own
        // (a white block at the top right of the Linux console).
        buffer.fill(area, style: .plain)
        let tabs = tabs(state)
        let left = tabsLeft(tabs, width: state.size.width)
        if left > 0 {
            buffer.write(" shop ", x: area.x, y: area.y, style: Style(foreground: .role(.accent), background: .role(.statusBar), attributes: .bold))
        }
        let x = area.x + left
        let tabsArea = Rect(x: x, y: area.y, width: area.maxX - 2 - x, height: 1)
        let widget = Tabs(tabs.map(\.1), selected: selectedTab(state))
        widget.render(into: &buffer, area: tabsArea, theme: theme)
        for (tab, rect) in zip(tabs, widget.titleRects(in: tabsArea)) { layout.add(rect, .tab(tab.0)) }
        if state.isBusy {
            buffer.write(Format.spinner(state.spinnerTick), x: area.maxX - 2, y: area.y, style: .foreground(.scrollbar))
        }
    }

    static func statusLeft(_ state: AppState) -> String {
        // Nobody yet until the session answers (the right end says "connecting…" meanwhile).
        let who = state.user.map { $0.isGuest ? "guest" : ($0.email ?? $0.name ?? "signed in") } ?? ""
        let cart = cartSummary(state)
        var parts = [state.gatewayLabel, who, cart, state.currency.code].filter { !$0.isEmpty }
        if state.inbox.unreadCount > 0 { parts.append("\(state.inbox.unreadCount) unread") }
        // A passing note is news: on a narrow screen the steady parts give way to it, the
        // gateway first, so that "Added …" is read whole. Without one they give way in the
        // same order rather than be cut.
        let room = state.size.width - 2 - TextWidth.columns(of: statusRight(state)) - 2
        if let flash = state.flash { parts.append(flash.text) }
        for steady in [state.gatewayLabel, state.currency.code, "\(state.inbox.unreadCount) unread", cart, who]
        where TextWidth.columns(of: parts.joined(separator: " │ ")) > room {
            if let index = parts.firstIndex(of: steady) { parts.remove(at: index) }
        }
        return parts.joined(separator: " │ ")
    }

    /// "cart 3 · $45.97": the units and what they cost (the subtotal, before shipping).
    static func cartSummary(_ state: AppState) -> String {
        guard let cart = state.cart.cart.value, !cart.isEmpty else { return "cart \(state.cart.itemCount)" }
        return "cart \(cart.itemCount) · \(Format.money(cart.subtotal))"
    }

    static func statusRight(_ state: AppState) -> String {
        if state.isWaitingLong { return SlowGatewayNotice.text }
        let connection = switch state.connection {
        case .connecting: "connecting…"
        case .online: "● online"
        case .offline: "○ offline"
        }
        return connection
    }
}

/// Where the parts of the screen go: the header, a banner, the current screen, the footer and
/// the status bar.
struct ScreenAreas {
    var header: Rect
    var banner: Rect
    var content: Rect
    var footer: Rect
    var status: Rect

    init(state: AppState, size: Size) {
        let full = Rect(x: 0, y: 0, width: size.width, height: size.height)
        header = full.row(0)
        footer = full.row(size.height - 2)
        status = full.row(size.height - 1)
        var bannerHeight = 0
        if let banner = state.banner {
            bannerHeight = min(3, Banner(AppView.bannerText(banner, state), kind: banner.kind).height(forWidth: size.width))
        }
        banner = Rect(x: 0, y: 1, width: size.width, height: bannerHeight)
        content = Rect(x: 0, y: 1 + bannerHeight, width: size.width, height: max(0, size.height - 3 - bannerHeight))
    }
}
