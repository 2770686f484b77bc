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
        KeyBinding([.enter], .open, .browse, "open", footer: true),
        KeyBinding([.tab], .nextPane, .browse, "pane", footer: true),
        // h/l move between the panes, as in lazygit; ←/→ change the quantity in the details.
        KeyBinding([.character("h")], .focusLeft, .browse, "pane left"),
        KeyBinding([.character("l")], .focusRight, .browse, "pane right"),
        KeyBinding([.character("+"), .character("=")], .addOne, .browse, "add one", footer: true),
        KeyBinding([.character("-")], .removeOne, .browse, "remove one"),

        // Search
        KeyBinding([.enter], .open, .search, "open", footer: true),
        KeyBinding([.escape], .back, .search, "back", footer: true),
        KeyBinding([.tab], .nextPane, .search, "query/results", footer: true),
        // The letters in the results; the Ctrl keys also while typing the query.
        KeyBinding([.character("f"), .ctrl("f")], .cycleCategoryFilter, .search, "category", footer: true),
        KeyBinding([.character("s"), .ctrl("s")], .toggleInStock, .search, "in stock", footer: true),
        KeyBinding([.character("r"), .ctrl("o")], .cycleSort, .search, "sort", footer: true),
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
        KeyBinding([.character("R")], .refresh, .orderDetail, "refresh", footer: true),
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

    /// The command `key` runs in `context`, or nil when it runs none (or one that cannot run now).
    public static func command(for key: Key, in context: KeyContext) -> Command? {
        guard let command = command(for: key, scope: context.scope, typing: context.typing),
              !context.unavailable.contains(command) else { return nil }
        return command
    }

    /// The keys that run `command` in `context`, in the keymap's order (a scope's binding of a
    /// key hides the global one, and typing hides printable keys).
    public static func keys(for command: Command, in context: KeyContext) -> [Key] {
        guard !context.unavailable.contains(command) else { return [] }
        var keys: [Key] = []
        for binding in bindings where binding.command == command && (binding.scope == context.scope || binding.scope == .global) {
            for key in binding.keys where !keys.contains(key) && self.command(for: key, in: context) == command {
                keys.append(key)
            }
        }
        return keys
    }

    /// "Enter to place the order": the first key that runs `command` here and what it does, or
    /// nil when no key does. On-screen advice is built from this, never spelled by hand.
    public static func advice(_ command: Command, _ phrase: String, in context: KeyContext) -> String? {
        keys(for: command, in: context).first.map { "\($0.displayName) \(phrase)" }
    }

    /// Several pieces of advice, those that can be followed here, joined with " · ".
    public static func advice(_ items: [(Command, String)], in context: KeyContext) -> String {
        items.compactMap { advice($0.0, $0.1, in: context) }.joined(separator: " · ")
    }

    /// The hints of the footer in `context`: its screen's footer bindings and the promoted
    /// commands, then the global ones it does not override; each with the first key that works
    /// here and the label of this state.
    public static func footerHints(_ context: KeyContext) -> [KeyHint] {
        let own = bindings.filter { $0.scope == context.scope && ($0.inFooter || context.promoted.contains($0.command)) && !context.demoted.contains($0.command) }
        let ownCommands = Set(own.map(\.command))
        // Help and quit first: they must fit even on a narrow screen.
        let global = bindings.filter { $0.scope == .global && ($0.inFooter || context.promoted.contains($0.command)) && !ownCommands.contains($0.command) }
            .sorted { (context.promoted.contains($0.command) ? -1 : rank($0.command)) < (context.promoted.contains($1.command) ? -1 : rank($1.command)) }
        var seen: Set<Command> = []
        return (own + global).compactMap { binding in
            guard !seen.contains(binding.command) else { return nil }
            let usable = binding.keys.filter { command(for: $0, in: context) == binding.command }
            guard let key = usable.first else { return nil }
            seen.insert(binding.command)
            return KeyHint(keys: [key], context.labels[binding.command] ?? binding.label)
        }
    }

    /// The hints of the footer of `scope` (see ``footerHints(_:)``).
    public static func footerHints(for scope: KeyScope, typing: Bool, unavailable: Set<Command> = []) -> [KeyHint] {
        footerHints(KeyContext(scope, typing: typing, unavailable: unavailable))
    }

    private static func rank(_ command: Command) -> Int {
        switch command {
        case .help: 0
        case .quit: 1
        default: 2
        }
    }

    /// The rows of the help overlay: every binding of the context's screen that can run now,
    /// then the global ones; keys a field takes while typing are left out.
    public static func helpSections(_ context: KeyContext) -> [(title: String, hints: [KeyHint])] {
        func hints(_ scope: KeyScope) -> [KeyHint] {
            bindings.filter { $0.scope == scope }.compactMap { binding in
                let keys = binding.keys.filter { command(for: $0, in: context) == binding.command }
                return keys.isEmpty ? nil : KeyHint(keys: keys, context.labels[binding.command] ?? binding.label)
            }
        }
        var sections: [(String, [KeyHint])] = []
        if context.scope != .global {
            sections.append((context.scope.title, hints(context.scope)))
        }
        sections.append((KeyScope.global.title, hints(.global)))
        return sections
    }

    /// The rows of the help overlay of `scope` with nothing typed.
    public static func helpSections(current scope: KeyScope) -> [(title: String, hints: [KeyHint])] {
        helpSections(KeyContext(scope))
    }
}
