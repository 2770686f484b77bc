/// What a key binding does. The reducer interprets a command in the context of the screen.
public enum Command: String, Equatable, Sendable, CaseIterable {
    case moveUp, moveDown, moveLeft, moveRight
    case first, last, pageUp, pageDown
    case nextPane, previousPane
    /// The pane to the left or right (h/l), where ←/→ may mean something else (a quantity).
    case focusLeft, focusRight
    case open, back
    case search
    case addOne, removeOne, removeLine
    case showBrowse, showCart, showOrders, showAccount, showInbox
    case cycleCurrency
    case help, quit, forceQuit, suspend
    case checkout
    case cycleCategoryFilter, toggleInStock, cycleSort
    case cancelOrder, toggleInvoice, refresh
    case signOut, switchForm, newAddress, editAddress, deleteAddress
    case markAllRead
    case dismissBanner
}
