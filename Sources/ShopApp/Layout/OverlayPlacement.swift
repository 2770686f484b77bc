import TerminalUI

/// Where a tall box over the screen goes (help, the command palette): centred over the
/// screen's panels with rows to spare around it or, when it needs nearly all their height or
/// width, over the whole area between the tab row and the footer. Never in between: a box whose
/// border lands on the row of a panel's border reads as one broken frame (`╰─╰───╯─╯` under
/// help at 80x24).
enum OverlayPlacement {
    /// Rows kept clear above and below a centred box: a panel's top border, and on a checkout
    /// step the breadcrumb and the step panel's border under it.
    static let verticalMargin = 2
    /// Columns kept clear beside a centred box.
    static let horizontalMargin = 2

    /// The frame of a box that would like to be `width` by `height` over `state`'s screen.
    static func frame(width: Int, height: Int, _ state: AppState) -> Rect {
        let content = ScreenAreas(state: state, size: state.size).content
        if height <= content.height - 2 * verticalMargin && width <= content.width - 2 * horizontalMargin {
            return content.centered(width: width, height: height)
        }
        return content
    }
}
