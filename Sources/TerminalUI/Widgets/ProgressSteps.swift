/// A vertical timeline of steps, e.g. an order going placed → paid → shipped → delivered.
///
/// One row per step: a marker, the title and a detail (such as a time) aligned right. When
/// there is room, a connector row joins the steps.
public struct ProgressSteps: Widget {
    public enum Status: Hashable, Sendable {
        case done, current, pending, failed
    }

    public struct Step: Hashable, Sendable {
        public var title: String
        public var detail: String?
        public var status: Status

        public init(_ title: String, detail: String? = nil, status: Status) {
            self.title = title
            self.detail = detail
            self.status = status
        }
    }

    public var steps: [Step]

    public init(_ steps: [Step]) { self.steps = steps }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty, !steps.isEmpty else { return }
        let connected = area.height >= steps.count * 2 - 1
        var y = area.y
        for (index, step) in steps.enumerated() where y < area.maxY {
            let (marker, markerRole, titleStyle): (String, ThemeRole, Style) =
                switch step.status {
                case .done: ("✔", .stepDone, .foreground(.text))
                case .current: ("◉", .stepCurrent, .foreground(.stepCurrent))
                case .pending: ("○", .stepPending, .foreground(.stepPending))
                case .failed: ("✖", .error, .foreground(.error))
                }
            buffer.write(marker, x: area.x, y: y, style: .foreground(markerRole), maxWidth: area.width)
            var detailWidth = 0
            if let detail = step.detail {
                let clean = TextSanitizer.sanitizeLine(detail)
                detailWidth = min(TextWidth.columns(of: clean), max(0, area.width - 6))
                if detailWidth > 0 {
                    buffer.write(clean, in: Rect(x: area.maxX - detailWidth, y: y, width: detailWidth, height: 1), style: .foreground(.muted), alignment: .right)
                }
            }
            let titleWidth = area.width - 2 - (detailWidth > 0 ? detailWidth + 1 : 0)
            if titleWidth > 0 {
                buffer.write(step.title, in: Rect(x: area.x + 2, y: y, width: titleWidth, height: 1), style: titleStyle)
            }
            y += 1
            if connected && index < steps.count - 1 {
                let role: ThemeRole = step.status == .done ? .stepDone : .stepPending
                buffer.write("│", x: area.x, y: y, style: .foreground(role))
                y += 1
            }
        }
    }
}
