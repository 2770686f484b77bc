import TerminalUI

/// What a click on a region of the screen means.
public enum HitTarget: Equatable, Sendable {
    /// A tab of the header.
    case tab(Screen)
    /// A Browse pane, or its tab when the panes are shown one at a time.
    case browsePane(BrowseState.Pane)
    /// A section tab of a signed-in account.
    case accountSection(AccountState.Section)
    /// A row of a list; which item it is comes from the list's published geometry.
    case rows(LayoutList)
    /// One of the recommendations under a product, by its place.
    case recommendation(Int)
    /// The search field.
    case searchQuery
    /// A button of the confirm dialog, by its place.
    case dialogButton(Int)
    /// An overlay covers the screen: a click there reaches nothing beneath it.
    case modal
}

/// A rectangle of the screen and what a click in it means.
public struct HitRegion: Equatable, Sendable {
    public var rect: Rect
    public var target: HitTarget

    public init(_ rect: Rect, _ target: HitTarget) {
        self.rect = rect
        self.target = target
    }
}
