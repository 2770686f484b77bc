import TerminalUI

/// The command palette over the screen: the query, then the matching entries (a tag, the
/// title, the key or a detail on the right), then how many match and whether products are
/// being searched.
enum PaletteView {
    struct Layout {
        var frame: Rect
        var input: Rect
        var list: Rect
        var status: Rect
    }

    static func layout(_ state: AppState, over screen: Buffer, border: BorderSet) -> Layout {
        // Over the screen's panels, clear of the tab row and the footer, which stay readable around it.
        let area = Rect(size: state.size)
        let frame = OverlayPlacement.frame(width: min(area.width - 4, 80), height: min(area.height - 4, 24), state, over: screen, border: border)
        let inside = Panel().contentArea(for: frame).inset(horizontal: 1)
        return Layout(frame: frame, input: inside.row(0),
                      list: Rect(x: inside.x, y: inside.y + 2, width: inside.width, height: max(1, inside.height - 3)),
                      status: inside.row(inside.height - 1))
    }

    /// Draws the palette and publishes where its entries went (``LayoutList/palette``): the
    /// reducer pages by the rows drawn, as in every other list.
    static func render(_ state: AppState, into buffer: inout Buffer, layout published: inout ScreenLayout, theme: Theme) {
        let layout = layout(state, over: buffer, border: theme.border)
        // Its keys named as the terminal can show them: "Down next" in the C locale, where a
        // stand-in for "↓" read "v next", and v is a key.
        var context = KeyContext(.palette, typing: true, keymap: state.keymap)
        context.unicode = state.capabilities.unicode
        let close = Keymap.advice(.back, "close", in: context) ?? ""
        OverlayPlacement.clearSides(of: layout.frame, in: &buffer, border: theme.border)
        Panel(title: "Commands", trailingTitle: close, isFocused: true, fillRole: .dialog).render(into: &buffer, area: layout.frame, theme: theme)

        let prompt = Style(foreground: .role(.accent), background: .role(.dialog), attributes: .bold)
        buffer.write("> ", x: layout.input.x, y: layout.input.y, style: prompt)
        TextInputView(state: state.palette.query, placeholder: "a command, category, product or order")
            .render(into: &buffer, area: Rect(x: layout.input.x + 2, y: layout.input.y, width: layout.input.width - 2, height: 1), theme: theme)

        let shown = PaletteCatalog.shown(state)
        // The selection mark, the scrollbar and a column between them and the text.
        let width = layout.list.width - 2 - 1 - 1
        let list = ListView(count: shown.count, state: state.palette.list, emptyText: "Nothing matches") { index in
            row(shown[index], width: width)
        }
        list.render(into: &buffer, area: layout.list, theme: theme)
        published.publish(.palette, list.geometry(in: layout.list), clickable: false)

        var status = shown.count == 1 ? "1 match" : "\(shown.count) matches"
        if state.palette.searchInFlight != nil {
            status += " · searching products…"
        } else if let error = state.palette.productsError {
            status += " · products: \(error)"
        }
        let hints = Keymap.advice([(.open, "run"), (.moveDown, "next")], in: context)
        let line = TextWidth.columns(of: status + "  " + hints) <= layout.status.width ? status + "  " + hints : status
        buffer.write(TextWidth.truncate(line, toColumns: layout.status.width), x: layout.status.x, y: layout.status.y,
                     style: Style(foreground: .role(.muted), background: .role(.dialog)))
    }

    /// "cmd      Cart                     c": the tag, the title cut with "…" if it must be, and
    /// the detail flush right when there is room for it.
    static func row(_ entry: PaletteEntry, width: Int) -> Line {
        let tagWidth = 9
        let tag = TextWidth.fit(entry.kind.tag, toColumns: tagWidth)
        let room = max(0, width - tagWidth)
        let detailWidth = TextWidth.columns(of: entry.detail)
        let showsDetail = !entry.detail.isEmpty && detailWidth + 12 <= room
        let titleRoom = showsDetail ? room - detailWidth - 2 : room
        let title = TextWidth.truncate(entry.title, toColumns: titleRoom)
        var spans = [Span(tag, style: .foreground(.muted)), Span(title, style: .foreground(.text))]
        if showsDetail {
            let gap = max(2, room - TextWidth.columns(of: title) - detailWidth)
            spans.append(Span(String(repeating: " ", count: gap) + entry.detail, style: .foreground(entry.kind == .command ? .accent : .muted)))
        }
        return Line(spans)
    }
}
