/// A list, table or scrolling text a view draws, named by what it shows: the key under which
/// the view publishes where it drew it (see ``ScreenLayout``).
public enum LayoutList: Hashable, Sendable, CaseIterable {
    case categories
    case products
    /// The description in Browse's detail pane.
    case productDescription
    case searchResults
    case cart
    case orders
    /// The tracker of one order, or its invoice.
    case orderDetail
    case inbox
    case addresses
    case activity
    /// The keys in the help overlay.
    case help
    /// The entries of the command palette.
    case palette
    case checkoutAddresses
    case checkoutShipping
}
