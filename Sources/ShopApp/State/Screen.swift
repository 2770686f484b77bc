/// The screens of the app. Esc walks back through the ones visited (see `AppState.backStack`).
public enum Screen: String, Equatable, Sendable, CaseIterable {
    case browse
    case search
    case cart
    case checkout
    case orders
    case orderDetail
    case account
    case inbox

    /// The name in the tab bar and the help overlay.
    public var title: String {
        switch self {
        case .browse: "Browse"
        case .search: "Search"
        case .cart: "Cart"
        case .checkout: "Checkout"
        case .orders: "Orders"
        case .orderDetail: "Order"
        case .account: "Account"
        case .inbox: "Inbox"
        }
    }
}
