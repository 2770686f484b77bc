import TerminalUI

/// Help and confirmation dialogs over the screen.
enum OverlayView {
    static func render(_ overlay: Overlay, state: AppState, area: Rect, into buffer: inout Buffer, layout: inout ScreenLayout, theme: Theme) {
        // Modal: nothing beneath it takes a click.
        layout.add(area, .modal)
        let dialog: Dialog
        switch overlay {
        case .help:
            help(state, area: area, into: &buffer, layout: &layout, theme: theme)
            return
        case .palette:
            PaletteView.render(state, into: &buffer, layout: &layout, theme: theme)
            return
        case .confirmQuit:
            dialog = Dialog(title: "Quit shop?", message: "A checkout is in progress. Quit anyway? Nothing has been charged unless you placed the order.",
                            buttons: overlay.dialogButtonTitles, selectedButton: state.dialogButton, messageRole: .warning)
        case .confirmCancelOrder(let orderID):
            dialog = Dialog(title: "Cancel order?", message: "Cancel order \(orderID)? The stock goes back and the charge is refunded.",
                            buttons: overlay.dialogButtonTitles, selectedButton: state.dialogButton, messageRole: .warning)
        case .confirmSignOut:
            dialog = Dialog(title: "Sign out?", message: AccountReducer.signOutNotice,
                            buttons: overlay.dialogButtonTitles, selectedButton: state.dialogButton, messageRole: .warning)
        case .confirmDeleteAddress(_, let summary):
            dialog = Dialog(title: "Delete address?", message: "Delete \(summary)? Orders already shipped there keep their copy.",
                            buttons: overlay.dialogButtonTitles, selectedButton: state.dialogButton, messageRole: .warning)
        }
        dialog.render(into: &buffer, area: area, theme: theme)
        for (index, rect) in dialog.buttonRects(in: area).enumerated() { layout.add(rect, .dialogButton(index)) }
    }

    /// Where the help goes and its rows: the keys of the current screen and state, then the
    /// global ones, from the keymap; in two columns when the screen is wide enough.
    struct HelpLayout {
        var frame: Rect
        var inside: Rect
        var rows: [Line]
    }

    static func helpLayout(_ state: AppState, over screen: Buffer, border: BorderSet) -> HelpLayout {
        let (width, rows) = helpRows(state)
        let frame = OverlayPlacement.frame(width: width, height: rows.count + 2, state, over: screen, border: border)
        return HelpLayout(frame: frame, inside: Panel().contentArea(for: frame).inset(horizontal: 1), rows: rows)
    }

    /// The help's width and rows: in two columns when the screen is wide enough.
    static func helpRows(_ state: AppState) -> (width: Int, rows: [Line]) {
        let area = Rect(size: state.size)
        // The keys of the screen beneath as they work once the help is closed: with the help
        // open nothing types, and the checkout's help offered c, b and q, which type in the
        // e-mail field.
        var beneath = state
        beneath.overlay = nil
        let context = beneath.keyContext
        let dialog = Style(foreground: .role(.text), background: .role(.dialog))
        var lines: [Line] = []
        for section in Keymap.helpSections(context) {
            if !lines.isEmpty { lines.append(Line("")) }
            lines.append(Line(section.title, style: Style(foreground: .role(.title), background: .role(.dialog), attributes: .bold)))
            for hint in section.hints {
                lines.append(Line([Span(TextWidth.fit(hint.keys.map { $0.displayName(unicode: state.capabilities.unicode) }.joined(separator: " "), toColumns: 12),
                                        style: Style(foreground: .role(.accent), background: .role(.dialog))),
                                   Span(hint.label, style: dialog)]))
            }
        }
        let columns = area.width >= 76 ? 2 : 1
        let width = min(area.width - 4, 48 * columns)
        let columnWidth = (width - 4) / columns
        let perColumn = (lines.count + columns - 1) / columns
        var rows: [Line] = []
        for row in 0..<perColumn {
            var spans: [Span] = []
            for column in 0..<columns {
                let index = column * perColumn + row
                guard index < lines.count else { continue }
                let line = lines[index]
                spans += line.spans
                if column < columns - 1 {
                    spans.append(Span(String(repeating: " ", count: max(1, columnWidth - line.width)), style: dialog))
                }
            }
            rows.append(Line(spans))
        }
        return (width, rows)
    }

    /// The footer while the help is open: only its keys work then. The screen's footer stayed
    /// ("Tab pane  + add one  / search"), and none of them did anything; q closed the help.
    static func helpFooterHints(_ state: AppState, over screen: Buffer, border: BorderSet) -> [KeyHint] {
        var context = KeyContext(.global, keymap: state.keymap)
        context.unicode = state.capabilities.unicode
        func first(_ command: Command) -> Key? { Keymap.keys(for: command, in: context).first }
        var hints: [KeyHint] = []
        let layout = helpLayout(state, over: screen, border: border)
        if layout.rows.count > layout.inside.height {
            let arrows = [first(.moveUp), first(.moveDown)].compactMap { $0 }
            if !arrows.isEmpty { hints.append(KeyHint(keys: arrows, "scroll")) }
            if let pageDown = first(.pageDown) { hints.append(KeyHint(pageDown, "page down")) }
            if let last = first(.last) { hints.append(KeyHint(last, "last")) }
        }
        if let close = first(.back) { hints.append(KeyHint(close, "close")) }
        return hints
    }

    private static func help(_ state: AppState, area: Rect, into buffer: inout Buffer, layout published: inout ScreenLayout, theme: Theme) {
        let layout = helpLayout(state, over: buffer, border: theme.border)
        let content = ScrollingLines(layout.rows, offset: state.helpScroll)
        // Where the list is, when it scrolls, matters more than how to close it.
        let title = "Keys — \(KeyScope(state.screen).title)"
        let position = content.positionLabel(visibleRows: layout.inside.height)
        let room = layout.frame.width - TextWidth.columns(of: title) - 9
        let trailing = [position.map { "Esc close · \($0)" }, position, "Esc close"].compactMap { $0 }
            .first { TextWidth.columns(of: $0) <= room } ?? ""
        let panel = Panel(title: title, trailingTitle: trailing, isFocused: true, fillRole: .dialog)
        OverlayPlacement.clearSides(of: layout.frame, in: &buffer, border: theme.border)
        panel.render(into: &buffer, area: layout.frame, theme: theme)
        content.render(into: &buffer, area: layout.inside, theme: theme)
        published.publish(.help, content.geometry(in: layout.inside), clickable: false)
    }
}
