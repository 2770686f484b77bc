import TerminalUI

/// Where a binding applies. `global` bindings work on every screen unless a screen binds the
/// same key; the others only on their screen (or overlay).
public enum KeyScope: String, Equatable, Sendable, CaseIterable {
    case global, browse, search, cart, checkout, orders, orderDetail, account, inbox

    /// "Everywhere", or the title of the screen the scope is.
    public var title: String {
        Screen(rawValue: rawValue)?.title ?? "Everywhere"
    }

    public init(_ screen: Screen) {
        switch screen {
        case .browse: self = .browse
        case .search: self = .search
        case .cart: self = .cart
        case .checkout: self = .checkout
        case .orders: self = .orders
        case .orderDetail: self = .orderDetail
        case .account: self = .account
        case .inbox: self = .inbox
        }
    }
}

/// One row of the keymap: keys, what they do, where, and how the footer and help name it.
public struct KeyBinding: Equatable, Sendable {
    public var keys: [Key]
    public var command: Command
    public var scope: KeyScope
    public var label: String
    /// Shown in the footer of its screen (help always lists every binding).
    public var inFooter: Bool

    public init(_ keys: [Key], _ command: Command, _ scope: KeyScope, _ label: String, footer: Bool = false) {
        self.keys = keys
        self.command = command
        self.scope = scope
        self.label = label
        self.inFooter = footer
    }

    /// Keys that still act while a text field has focus (printable ones type instead).
    public var isTypingSafe: Bool { keys.contains { !$0.isPrintable } }
}

extension Key {
    /// A key that types a character into a field.
    public var isPrintable: Bool {
        if case .character = self { return true }
        return false
    }
}
