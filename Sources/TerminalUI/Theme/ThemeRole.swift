/// What a piece of the screen *is*; a theme decides how each role looks.
///
/// The names are also the keys of theme files (`themes/*.yaml`).
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
    // Base
    /// Ordinary text.
    case text
    /// Secondary text: descriptions, timestamps, hints.
    case muted
    /// What draws the eye: the focused item's marker, key names, current step.
    case accent
    /// The selected row of a list or table.
    case selection
    /// Panel borders.
    case border
    /// The border of the focused panel.
    case borderFocused
    /// Panel and dialog titles, table headers.
    case title
    /// Hyperlinks and references.
    case link
    /// Inactive or unavailable things.
    case disabled
    /// The screen's background (only its background colour is used).
    case background

    // Feedback
    case success
    case warning
    case error
    case info
    /// A search match inside text.
    case highlight

    // Shopping
    /// A price.
    case price
    /// A struck or former price next to a discount.
    case priceOld
    /// A discount or sale label.
    case discount
    /// A small label such as "NEW" or a cart count.
    case badge
    /// Stock badge: available.
    case stockIn
    /// Stock badge: only a few left.
    case stockLow
    /// Stock badge: sold out.
    case stockOut
    /// Star ratings.
    case rating

    // Chrome
    /// The status bar at the bottom or top of the screen.
    case statusBar
    /// The footer of key hints.
    case footer
    /// The key names inside the footer.
    case footerKey
    /// The selected tab.
    case tabActive
    /// The other tabs.
    case tabInactive
    /// A text input field.
    case input
    /// The placeholder shown in an empty input.
    case inputPlaceholder
    /// The body of a modal dialog.
    case dialog
    /// A completed step of a timeline or checkout.
    case stepDone
    /// The step in progress.
    case stepCurrent
    /// A step still to come.
    case stepPending
    /// Scrollbar thumbs and spinners.
    case scrollbar
}
