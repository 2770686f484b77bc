/// A one-column scrollbar along the right edge of an area, shared by lists and text views.
public struct Scrollbar: Sendable {
    public var total: Int
    public var visible: Int
    public var offset: Int

    public init(total: Int, visible: Int, offset: Int) {
        self.total = total
        self.visible = visible
        self.offset = offset
    }

    /// Whether there is anything to scroll.
    public var isNeeded: Bool { total > visible && visible > 0 }

    public func render(into buffer: inout Buffer, column x: Int, top: Int, height: Int) {
        guard isNeeded, height > 0 else { return }
        let thumbHeight = max(1, height * visible / total)
        let travel = height - thumbHeight
        let maxOffset = max(1, total - visible)
        let thumbTop = travel * min(offset, maxOffset) / maxOffset
        for row in 0..<height {
            let isThumb = row >= thumbTop && row < thumbTop + thumbHeight
            buffer.write(isThumb ? "┃" : "│", x: x, y: top + row, style: .foreground(isThumb ? .scrollbar : .border))
        }
    }
}
