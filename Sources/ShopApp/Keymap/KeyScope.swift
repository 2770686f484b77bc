/// Where a binding applies. `global` bindings work on every screen unless a screen binds the
/// same key; the screen scopes only on their screen. `dialog`, `field` and `palette` stand
/// alone: a confirm dialog, a focused text field and the command palette take only their keys.
public enum KeyScope: String, Equatable, Sendable, CaseIterable {
    case global, browse, search, cart, checkout, orders, orderDetail, account, inbox
    case dialog, field, palette

    /// "Everywhere", or the title of the screen the scope is.
    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .dialog: "Dialogs"
        case .field: "Text fields"
        case .palette: "Command palette"
        default: Screen(rawValue: rawValue)?.title ?? rawValue
        }
    }

    /// Whether the global bindings also apply where this scope does.
    public var inheritsGlobal: Bool {
        switch self {
        case .dialog, .field, .palette: false
        default: true
        }
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
