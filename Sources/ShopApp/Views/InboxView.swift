import Foundation
import ShopKit
import TerminalUI

/// The inbox: notifications newest first, unread in bold; Enter opens one under the list.
///
/// A notification's title is its news ("Order ord_3c7cfa1a05d96374: out for delivery"), so it
/// has the row's room: the date column beside it shortens ("09:00" today, "11-27" before) when
/// the titles need its columns, and the opened message shows its title whole, wrapped.
enum InboxView {
    static func render(_ state: AppState, area: Rect, into buffer: inout Buffer, layout: inout ScreenLayout, theme: Theme) {
        let inbox = state.inbox
        let panel = Panel(title: "Inbox", trailingTitle: "\(inbox.unreadCount) unread", isFocused: true)
        panel.render(into: &buffer, area: area, theme: theme)
        let inside = panel.contentArea(for: area).inset(horizontal: 1)
        guard inside.height >= 3 else { return }
        let items = inbox.items
        if items.isEmpty {
            let text: (String, ThemeRole) = if inbox.messages.isLoading { ("\(Format.spinner(state.spinnerTick)) Loading…", .muted) }
                else if let failure = inbox.messages.failure { ("✖ \(failure)", .error) }
                else { ("No messages. Order confirmations and shipping updates arrive here.", .muted) }
            // Wrapped: at 60 columns one row cut the sentence.
            buffer.writeWrapped(text.0, in: inside, style: .foreground(text.1))
            return
        }
        var listArea = inside
        if let id = inbox.openedID, let message = items.first(where: { $0.id == id }) {
            let split = max(3, inside.height / 2)
            listArea.height = split - 1
            buffer.fill(Rect(x: inside.x, y: inside.y + split - 1, width: inside.width, height: 1), symbol: "─", style: .foreground(.border))
            renderOpened(message, area: Rect(x: inside.x, y: inside.y + split, width: inside.width, height: inside.height - split), into: &buffer, theme: theme)
        }
        // The selection mark, and the scrollbar's column when the list needs one.
        let rowWidth = listArea.width - 2 - (items.count > listArea.height ? 1 : 0)
        let columns = Columns(items, width: rowWidth, now: state.now)
        let list = ListView(count: items.count, state: inbox.list) { columns.line(items[$0]) }
        list.render(into: &buffer, area: listArea, theme: theme)
        layout.publish(.inbox, list.geometry(in: listArea))
    }

    /// The opened message: its title whole (wrapped), when it came, then its text.
    private static func renderOpened(_ message: InboxMessage, area: Rect, into buffer: inout Buffer, theme: Theme) {
        guard !area.isEmpty else { return }
        let titleArea = Rect(x: area.x, y: area.y, width: area.width, height: max(1, area.height - 2))
        var y = area.y + buffer.writeWrapped(message.title, in: titleArea, style: .foreground(.title, .bold))
        if y < area.maxY {
            buffer.write(Format.dateTime(message.createdAt), x: area.x, y: y, style: .foreground(.muted), maxWidth: area.width)
            y += 1
        }
        TextView(message.body).render(into: &buffer, area: Rect(x: area.x, y: y, width: area.width, height: max(0, area.maxY - y)), theme: theme)
    }

    /// The rows' columns: the unread mark, the date, the title. The date takes the widest form
    /// beside which every title is whole; where none is, the short one, and a title still too
    /// long ends in "…" (opened, it is shown whole).
    struct Columns {
        var dateForm: (Date) -> String
        var dateWidth: Int
        var titleWidth: Int

        static let markWidth = 2
        static let gap = 2

        init(_ messages: [InboxMessage], width: Int, now: Date) {
            let forms: [(Date) -> String] = [Format.dateTime, { Format.shortDateTime($0, now: now) }]
            let widest = messages.map { TextWidth.columns(of: TextSanitizer.sanitizeLine($0.title)) }.max() ?? 0
            func widths(_ form: @escaping (Date) -> String) -> (date: Int, title: Int) {
                let date = messages.map { TextWidth.columns(of: form($0.createdAt)) }.max() ?? 0
                return (date, max(1, width - Self.markWidth - date - Self.gap))
            }
            let chosen = forms.first { widths($0).title >= widest } ?? forms[forms.count - 1]
            dateForm = chosen
            (dateWidth, titleWidth) = widths(chosen)
        }

        func line(_ message: InboxMessage) -> Line {
            Line([Span(message.isRead ? "  " : "● ", style: .foreground(.accent)),
                  Span(TextWidth.fit(dateForm(message.createdAt), toColumns: dateWidth) + String(repeating: " ", count: Self.gap), style: .foreground(.muted)),
                  Span(TextWidth.fit(TextSanitizer.sanitizeLine(message.title), toColumns: titleWidth), style: message.isRead ? .foreground(.text) : .foreground(.text, .bold))])
        }
    }
}
