import ShopKit
import TerminalUI

/// The columns of the shipping choice: "Standard   $8.99   3–5 days   arrives by 2026-12-05",
/// each as wide as its widest entry so the options line up. Where that is too wide the gaps
/// narrow and the date reads "by 2026-12-05", then the name gives way; the date itself is never
/// cut (at 60 columns it read "arrives…").
struct ShippingColumns {
    var nameWidth: Int
    var costWidth: Int
    var daysWidth: Int
    var gap: Int
    var datePrefix: String

    init(_ options: [ShippingOption], width: Int) {
        let widest = { (texts: [String]) in texts.map(TextWidth.columns(of:)).max() ?? 0 }
        let names = widest(options.map(\.name))
        let cost = widest(options.map { Format.money($0.cost) })
        let days = widest(options.map(Self.days))
        let date = widest(options.map { Format.date($0.estimatedDelivery) })
        // The roomiest layout that fits, names cut last and only to what is left.
        let layouts: [(gap: Int, prefix: String)] = [(3, "arrives by "), (2, "arrives by "), (2, "by ")]
        let chosen = layouts.first { layout in
            min(names, 20) + cost + days + TextWidth.columns(of: layout.prefix) + date + 3 * layout.gap <= width
        } ?? layouts[layouts.count - 1]
        costWidth = cost
        daysWidth = days
        gap = chosen.gap
        datePrefix = chosen.prefix
        let rest = cost + days + TextWidth.columns(of: chosen.prefix) + date + 3 * chosen.gap
        nameWidth = max(1, min(names, 20, width - rest))
    }

    static func days(_ option: ShippingOption) -> String { "\(option.minDays)–\(option.maxDays) days" }

    func line(_ option: ShippingOption) -> Line {
        let gap = String(repeating: " ", count: gap)
        return Line([
            Span(TextWidth.fit(option.name, toColumns: nameWidth)),
            Span(gap + TextWidth.fit(Format.money(option.cost), toColumns: costWidth, alignment: .right), style: .foreground(.price)),
            Span(gap + TextWidth.fit(Self.days(option), toColumns: daysWidth), style: .foreground(.text)),
            Span(gap + datePrefix + Format.date(option.estimatedDelivery), style: .foreground(.muted)),
        ])
    }
}
