import TerminalUI

/// The keymaps `keys: {preset: …}` chooses from. `vim` is the default; `arrows` leaves the
/// letters to commands and moves with the arrow keys only; `emacs` adds Ctrl-N/P/B/F, M-< and
/// M->, C-v and M-v, C-g to go back and M-x for the palette.
extension Keymap {
    public static let presetNames = ["vim", "arrows", "emacs"]

    public static func preset(named name: String) -> Keymap? {
        switch name {
        case "vim": .vim
        case "arrows": .arrows
        case "emacs": .emacs
        default: nil
        }
    }

    public static let vim = Keymap(bindings: [
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
        KeyBinding([.character(":"), .ctrl("p")], .palette, .global, "commands", footer: true),
        KeyBinding([.character("c")], .showCart, .global, "cart", footer: true),
        KeyBinding([.character("b")], .showBrowse, .global, "browse"),
        KeyBinding([.character("o")], .showOrders, .global, "orders", footer: true),
        KeyBinding([.character("a")], .showAccount, .global, "account"),
        KeyBinding([.character("i")], .showInbox, .global, "inbox"),
        KeyBinding([.character("$")], .cycleCurrency, .global, "currency", footer: true),
        KeyBinding([.character("u")], .undo, .global, "undo"),
        KeyBinding([.character("y")], .copy, .global, "copy id"),
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

        // Confirm dialogs
        KeyBinding([.character("y")], .confirm, .dialog, "yes"),
        KeyBinding([.character("n"), .escape], .decline, .dialog, "no"),
        KeyBinding([.enter], .open, .dialog, "choose"),
        KeyBinding([.left, .right, .tab, .backTab, .character("h"), .character("l")], .otherButton, .dialog, "other button"),

        // Text fields (while one has focus)
        KeyBinding([.left], .cursorLeft, .field, "cursor left"),
        KeyBinding([.right], .cursorRight, .field, "cursor right"),
        KeyBinding([.home, .ctrl("a")], .lineStart, .field, "start of the field"),
        KeyBinding([.end, .ctrl("e")], .lineEnd, .field, "end of the field"),
        KeyBinding([.backspace], .deleteBackward, .field, "delete back"),
        KeyBinding([.delete, .ctrl("d")], .deleteForward, .field, "delete forward"),
        KeyBinding([.ctrl("u")], .deleteToStart, .field, "delete to the start"),
        KeyBinding([.ctrl("k")], .deleteToEnd, .field, "delete to the end"),
        KeyBinding([.ctrl("w")], .deleteWord, .field, "delete a word"),

        // Command palette
        KeyBinding([.up, .ctrl("p")], .moveUp, .palette, "up"),
        KeyBinding([.down, .ctrl("n")], .moveDown, .palette, "down"),
        KeyBinding([.pageUp], .pageUp, .palette, "page up"),
        KeyBinding([.pageDown], .pageDown, .palette, "page down"),
        KeyBinding([.enter], .open, .palette, "run"),
        KeyBinding([.escape], .back, .palette, "close"),
    ], presetName: "vim")

    /// The letters are commands only: moving is on the arrows, Home/End and the page keys, and
    /// Browse's panes move with < and >.
    public static let arrows: Keymap = {
        var keymap = vim
        keymap.presetName = "arrows"
        keymap.rebind(.moveUp, in: .global, to: [.up])
        keymap.rebind(.moveDown, in: .global, to: [.down])
        keymap.rebind(.moveLeft, in: .global, to: [.left])
        keymap.rebind(.moveRight, in: .global, to: [.right])
        keymap.rebind(.first, in: .global, to: [.home])
        keymap.rebind(.last, in: .global, to: [.end])
        keymap.rebind(.focusLeft, in: .browse, to: [.character("<")])
        keymap.rebind(.focusRight, in: .browse, to: [.character(">")])
        keymap.rebind(.otherButton, in: .dialog, to: [.left, .right, .tab, .backTab])
        return keymap
    }()

    /// Emacs motion on top of the letters: C-p/C-n/C-b/C-f, M-</M->, M-v/C-v, C-g, M-x; in a
    /// text field C-b/C-f move the cursor.
    public static let emacs: Keymap = {
        var keymap = vim
        keymap.presetName = "emacs"
        keymap.rebind(.moveUp, in: .global, to: [.up, .ctrl("p")])
        keymap.rebind(.moveDown, in: .global, to: [.down, .ctrl("n")])
        keymap.rebind(.moveLeft, in: .global, to: [.left, .ctrl("b")])
        keymap.rebind(.moveRight, in: .global, to: [.right, .ctrl("f")])
        keymap.rebind(.first, in: .global, to: [.home, .alt("<")])
        keymap.rebind(.last, in: .global, to: [.end, .alt(">")])
        keymap.rebind(.pageUp, in: .global, to: [.pageUp, .alt("v")])
        keymap.rebind(.pageDown, in: .global, to: [.pageDown, .ctrl("v")])
        keymap.rebind(.back, in: .global, to: [.escape, .ctrl("g")])
        keymap.rebind(.palette, in: .global, to: [.character(":"), .alt("x")])
        keymap.rebind(.focusLeft, in: .browse, to: [.alt("b")])
        keymap.rebind(.focusRight, in: .browse, to: [.alt("f")])
        keymap.rebind(.back, in: .palette, to: [.escape, .ctrl("g")])
        keymap.rebind(.decline, in: .dialog, to: [.character("n"), .escape, .ctrl("g")])
        keymap.rebind(.otherButton, in: .dialog, to: [.left, .right, .tab, .backTab, .ctrl("b"), .ctrl("f")])
        keymap.rebind(.cursorLeft, in: .field, to: [.left, .ctrl("b")])
        keymap.rebind(.cursorRight, in: .field, to: [.right, .ctrl("f")])
        return keymap
    }()
}
