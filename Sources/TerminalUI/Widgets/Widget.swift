/// Something that draws itself into an area of a buffer.
///
/// Widgets are values built fresh for each frame from the app's state, so a view is a pure
/// function (state, size) -> Buffer. They draw only inside `area`, and never keep state of
/// their own: scroll offsets and selections live in small state values the app owns.
public protocol Widget {
    func render(into buffer: inout Buffer, area: Rect, theme: Theme)
}
