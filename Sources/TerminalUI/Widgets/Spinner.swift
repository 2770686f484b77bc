/// An activity indicator with a label, advanced by the app's timer ticks.
public struct Spinner: Widget {
    /// The frames, one per tick.
    public static let frames: [String] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    public var tick: Int
    public var label: String

    public init(tick: Int, label: String = "") {
        self.tick = tick
        self.label = label
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let frame = Spinner.frames[((tick % Spinner.frames.count) + Spinner.frames.count) % Spinner.frames.count]
        let used = buffer.write(frame, x: area.x, y: area.y, style: .foreground(.accent), maxWidth: area.width)
        if !label.isEmpty {
            buffer.write(" " + label, x: area.x + used, y: area.y, style: .foreground(.muted), maxWidth: area.width - used)
        }
    }
}
