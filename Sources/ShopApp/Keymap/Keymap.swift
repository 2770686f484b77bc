import TerminalUI

/// The one keymap table. Key handling, the footer hints and the `?` help overlay are all
/// generated from it, so they cannot disagree.
public enum Keymap {
    public static let bindings: [KeyBinding] = [
        // Everywhere
        KeyBinding([.up, .character("k")], .moveUp, .global, "up"),
        KeyBinding([.down, .character("j")], .moveDown, .global, "down"),
        KeyBinding([.left, .character("h")], .moveLeft, .global, "left"),
        KeyBinding([.right, .character("l")], .moveRight, .global, "right"),
        KeyBinding([.character("g"), .home], .first, .global, "first"),
        KeyBinding([.character("G"), .end], .last, .global, "last"),
        KeyBinding([.pageUp], .pageUp, .global, "page up"),
        KeyBinding([.pageDown], .pageDown, .global, "page down"),
        KeyBinding([.tab], .nextPane, .global, "next pane/field"),
        KeyBinding([.backTab], .previousPane, .global, "previous pane/field"),
        KeyBinding([.enter], .open, .global, "open/confirm"),
        KeyBinding([.escape], .back, .global, "back"),
        KeyBinding([.character("/")], .search, .global, "search", footer: true),
        KeyBinding([.character("c")], .showCart, .global, "cart", footer: true),
        KeyBinding([.character("b")], .showBrowse, .global, "browse"),
        KeyBinding([.character("o")], .showOrders, .global, "orders", footer: true),
        KeyBinding([.character("a")], .showAccount, .global, "account"),
        KeyBinding([.character("i")], .showInbox, .global, "inbox"),
        KeyBinding([.character("$")], .cycleCurrency, .global, "currency", footer: true),
        KeyBinding([.character("?"), .function(1)], .help, .global, "help", footer: true),
        KeyBinding([.character("q")], .quit, .global, "quit", footer: true),
        KeyBinding([.ctrl("c")], .forceQuit, .global, "quit now"),
        KeyBinding([.ctrl("z")], .suspend, .global, "suspend"),
        KeyBinding([.ctrl("l")], .dismissBanner, .global, "dismiss message"),

        // Browse
        KeyBinding([.enter], .open, .browse, "details/add", footer: true),
        KeyBinding([.tab], .nextPane, .browse, "pane", footer: true),
        KeyBinding([.character("+"), .character("=")], .addOne, .browse, "add one", footer: true),
        KeyBinding([.character("-")], .removeOne, .browse, "remove one"),

        // Search
        KeyBinding([.enter], .open, .search, "open", footer: true),
        KeyBinding([.escape], .back, .search, "back", footer: true),
        KeyBinding([.tab], .nextPane, .search, "query/results", footer: true),
        KeyBinding([.ctrl("f"), .character("f")], .cycleCategoryFilter, .search, "category", footer: true),
        KeyBinding([.ctrl("s"), .character("s")], .toggleInStock, .search, "in stock", footer: true),
        KeyBinding([.ctrl("o"), .character("r")], .cycleSort, .search, "sort", footer: true),
        KeyBinding([.character("+"), .character("=")], .addOne, .search, "add one"),

        // Cart
        KeyBinding([.character("+"), .character("=")], .addOne, .cart, "one more", footer: true),
        KeyBinding([.character("-")], .removeOne, .cart, "one less", footer: true),
        KeyBinding([.character("x"), .delete], .removeLine, .cart, "remove", footer: true),
        KeyBinding([.enter, .character("p")], .checkout, .cart, "checkout", footer: true),
        KeyBinding([.escape], .back, .cart, "back"),

        // Checkout
        KeyBinding([.enter], .open, .checkout, "next/confirm", footer: true),
        KeyBinding([.escape], .back, .checkout, "previous step", footer: true),
        KeyBinding([.tab], .nextPane, .checkout, "next field", footer: true),
        KeyBinding([.backTab], .previousPane, .checkout, "previous field"),
        KeyBinding([.character("n")], .newAddress, .checkout, "new address"),

        // Orders
        KeyBinding([.enter], .open, .orders, "track", footer: true),
        KeyBinding([.character("R")], .refresh, .orders, "refresh", footer: true),

        // Order detail (tracker)
        KeyBinding([.character("X")], .cancelOrder, .orderDetail, "cancel order", footer: true),
        KeyBinding([.character("v")], .toggleInvoice, .orderDetail, "invoice", footer: true),
        KeyBinding([.character("R")], .refresh, .orderDetail, "refresh"),
        KeyBinding([.escape], .back, .orderDetail, "back", footer: true),

        // Account
        KeyBinding([.enter], .open, .account, "submit", footer: true),
        KeyBinding([.tab], .nextPane, .account, "next field/section", footer: true),
        KeyBinding([.ctrl("r")], .switchForm, .account, "sign in/register", footer: true),
        KeyBinding([.character("S")], .signOut, .account, "sign out", footer: true),
        KeyBinding([.character("n")], .newAddress, .account, "add address"),
        KeyBinding([.character("e")], .editAddress, .account, "edit address"),
        KeyBinding([.character("x"), .delete], .deleteAddress, .account, "delete address"),

        // Inbox
        KeyBinding([.enter], .open, .inbox, "read", footer: true),
        KeyBinding([.character("A")], .markAllRead, .inbox, "mark all read", footer: true),
    ]

    /// The command `key` runs on `screen`; when `typing`, printable keys are left to the field.
    public static func command(for key: Key, scope: KeyScope, typing: Bool) -> Command? {
        if typing && key.isPrintable { return nil }
        if let binding = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) {
            return binding.command
        }
        return bindings.first(where: { $0.scope == .global && $0.keys.contains(key) })?.command
    }

    /// The hints of the footer of `scope`: its own footer bindings, then the global ones it
    /// does not override. While typing, only the keys that still work are offered, and
    /// commands that cannot run now (`unavailable`) are left out.
    public static func footerHints(for scope: KeyScope, typing: Bool, unavailable: Set<Command> = []) -> [KeyHint] {
        let own = bindings.filter { $0.scope == scope && $0.inFooter && !unavailable.contains($0.command) }
        let ownCommands = Set(own.map(\.command))
        // Help and quit first: they must fit even on a narrow screen.
        let global = bindings.filter { $0.scope == .global && $0.inFooter && !ownCommands.contains($0.command) }
            .sorted { rank($0.command) < rank($1.command) }
        return (own + global)
            .compactMap { binding in
                let keys = typing ? binding.keys.filter { !$0.isPrintable } : binding.keys
                guard !keys.isEmpty else { return nil }
                return KeyHint(keys: Array(keys.prefix(1)), binding.label)
            }
    }

    private static func rank(_ command: Command) -> Int {
        switch command {
        case .help: 0
        case .quit: 1
        default: 2
        }
    }

    /// The rows of the help overlay: every binding of `scope`, then the global ones.
    public static func helpSections(current scope: KeyScope) -> [(title: String, hints: [KeyHint])] {
        var sections: [(String, [KeyHint])] = []
        if scope != .global {
            sections.append((scope.title, bindings.filter { $0.scope == scope }.map { KeyHint(keys: $0.keys, $0.label) }))
        }
        sections.append((KeyScope.global.title, bindings.filter { $0.scope == .global }.map { KeyHint(keys: $0.keys, $0.label) }))
        return sections
    }
}
