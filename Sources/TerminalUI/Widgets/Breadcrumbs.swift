/// A path of steps with the current one marked, e.g. the checkout: Cart › Address › Payment.
///
/// Steps before the current one are done, after it pending. When the row is too narrow the
/// first steps give way to "…" so the current step stays visible.
///
/// Where the terminal cannot show `✓` (`unicode` false) the steps are said in words, because
/// the mark's stand-in `+` did not read as "done" and the current step's colour is all that
/// set it apart: "Done: Cart, Address > Now: Shipping > Payment > Review".
public struct Breadcrumbs: Widget {
    public var steps: [String]
    public var current: Int
    public var separator: String
    public var unicode: Bool

    public init(_ steps: [String], current: Int, separator: String = " › ", unicode: Bool = true) {
        self.steps = steps
        self.current = current
        self.separator = separator
        self.unicode = unicode
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty, !steps.isEmpty else { return }
        guard unicode else {
            renderInWords(into: &buffer, area: area)
            return
        }
        let labels = steps.enumerated().map { index, step in index < current ? "✓ \(step)" : step }
        let separatorWidth = TextWidth.columns(of: separator)
        func width(from start: Int) -> Int {
            labels[start...].reduce(0) { $0 + TextWidth.columns(of: $1) } + separatorWidth * (labels.count - start - 1)
                + (start > 0 ? 1 + separatorWidth : 0)
        }
        var first = 0
        while first < min(current, labels.count - 1) && width(from: first) > area.width { first += 1 }
        var x = area.x
        if first > 0 {
            x += buffer.write("…", x: x, y: area.y, style: .foreground(.muted), maxWidth: area.maxX - x)
            x += buffer.write(separator, x: x, y: area.y, style: .foreground(.muted), maxWidth: area.maxX - x)
        }
        for index in first..<labels.count where x < area.maxX {
            if index > first {
                x += buffer.write(separator, x: x, y: area.y, style: .foreground(.muted), maxWidth: area.maxX - x)
            }
            let style: Style =
                index < current ? .foreground(.stepDone) : index == current ? .foreground(.stepCurrent) : .foreground(.stepPending)
            x += buffer.write(labels[index], x: x, y: area.y, style: style, maxWidth: area.maxX - x)
        }
    }

    /// The ASCII form: the steps done as one list, the current one after "Now:", then those to
    /// come. Where that is too wide the done steps shorten to the last one ("Done: ..., Address"),
    /// then to a count ("Done: 3 steps").
    private func renderInWords(into buffer: inout Buffer, area: Rect) {
        let done = Array(steps.prefix(max(0, current)))
        let asciiSeparator = " > "
        var doneForms: [String] = []
        if !done.isEmpty {
            doneForms.append("Done: " + done.joined(separator: ", "))
            if done.count > 1 { doneForms.append("Done: ..., " + done[done.count - 1]) }
            doneForms.append("Done: \(done.count) \(done.count == 1 ? "step" : "steps")")
        }
        var parts: [(String, Style)] = []
        if current < steps.count { parts.append(("Now: " + steps[current], .foreground(.stepCurrent, .bold))) }
        for step in steps.dropFirst(current + 1) { parts.append((step, .foreground(.stepPending))) }
        // The rest of the row after the done steps: a separator and the parts, if there are any.
        let restWidth = parts.reduce(0) { $0 + TextWidth.columns(of: $1.0) + asciiSeparator.count }
        if let doneText = doneForms.first(where: { TextWidth.columns(of: $0) + restWidth <= area.width })
            ?? doneForms.last
        {
            parts.insert((doneText, .foreground(.stepDone)), at: 0)
        }
        let firstToCome = parts.count - max(0, steps.count - current - 1)
        var x = area.x
        for (index, part) in parts.enumerated() where x < area.maxX {
            // A step to come that does not fit whole is left out, not cut ("> P").
            let isToCome = index > 0 && index >= firstToCome
            if isToCome && x + asciiSeparator.count + TextWidth.columns(of: part.0) > area.maxX { break }
            if index > 0 {
                x += buffer.write(asciiSeparator, x: x, y: area.y, style: .foreground(.muted), maxWidth: area.maxX - x)
            }
            x += buffer.write(part.0, x: x, y: area.y, style: part.1, maxWidth: area.maxX - x)
        }
    }
}
