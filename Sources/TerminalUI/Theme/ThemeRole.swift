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

    /// The position in `allCases`, which packed styles store (a switch, not a search).
    var ordinal: UInt8 {
        switch self {
        case .text: 0
        case .muted: 1
        case .accent: 2
        case .selection: 3
        case .border: 4
        case .borderFocused: 5
        case .title: 6
        case .link: 7
        case .disabled: 8
        case .background: 9
        case .success: 10
        case .warning: 11
        case .error: 12
        case .info: 13
        case .highlight: 14
        case .price: 15
        case .priceOld: 16
        case .discount: 17
        case .badge: 18
        case .stockIn: 19
        case .stockLow: 20
        case .stockOut: 21
        case .rating: 22
        case .statusBar: 23
        case .footer: 24
        case .footerKey: 25
        case .tabActive: 26
        case .tabInactive: 27
        case .input: 28
        case .inputPlaceholder: 29
        case .dialog: 30
        case .stepDone: 31
        case .stepCurrent: 32
        case .stepPending: 33
        case .scrollbar: 34
        }
    }
}
