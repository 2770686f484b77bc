/// What a key binding does. The reducer interprets a command in the context of the screen.
///
/// The raw values are the names `config.yaml`'s `keys:` section and the command palette use.
public enum Command: String, Equatable, Sendable, CaseIterable {
    case moveUp, moveDown, moveLeft, moveRight
    case first, last, pageUp, pageDown
    case nextPane, previousPane
    /// The pane to the left or right (h/l), where ←/→ may mean something else (a quantity).
    case focusLeft, focusRight
    case open, back
    case search
    case palette
    case addOne, removeOne, removeLine
    case undo
    case copy
    case showBrowse, showCart, showOrders, showAccount, showInbox
    case cycleCurrency
    case help, quit, forceQuit, suspend
    case checkout
    case cycleCategoryFilter, toggleInStock, cycleSort
    case cancelOrder, toggleInvoice, refresh
    case signOut, switchForm, newAddress, editAddress, deleteAddress
    case markAllRead
    case dismissBanner

    // Confirm dialogs
    case confirm, decline, otherButton

    // Text fields: editing keys, which act only while a field has focus.
    case cursorLeft, cursorRight, lineStart, lineEnd
    case deleteBackward, deleteForward, deleteToStart, deleteToEnd, deleteWord
}
