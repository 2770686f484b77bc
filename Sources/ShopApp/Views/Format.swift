import Foundation
import ShopKit
import TerminalUI

/// How values are shown: fixed formats (UTC, no locale) so screens and snapshots are stable.
enum Format {
    static func money(_ money: Money) -> String { money.formatted }

    /// "★★★★☆ 4.2"; "4.2/5" on a terminal that cannot show the stars, where stand-ins
    /// cell by cell (`****- 4.2`) would read as a footnote or a pattern, not a rating.
    static func rating(_ rating: Double, showsStars: Bool) -> String {
        let shown = clampedRating(rating)
        guard showsStars else { return oneDecimal(shown) + "/5" }
        let full = Int(shown.rounded())
        return String(repeating: "★", count: full) + String(repeating: "☆", count: 5 - full) + " " + oneDecimal(shown)
    }

    /// "★4.5" beside a product in a list; "4.5/5" without stars.
    static func shortRating(_ rating: Double, showsStars: Bool) -> String {
        let shown = oneDecimal(clampedRating(rating))
        return showsStars ? "★" + shown : shown + "/5"
    }

    /// "4.2": a rating as a person reads it, halves rounded up as written (4.35 → 4.4).
    /// Built by hand: `String(format:)` goes through Foundation's varargs and dynamic casts,
    /// once per product row of every frame.
    static func oneDecimal(_ value: Double) -> String {
        // Hundredths first, so a two-decimal rating rounds as written, not as stored in binary.
        let tenths = Int(((value * 100).rounded() / 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Clamped before any conversion: a rating from the wire must never trap `Int(_:)`.
    private static func clampedRating(_ rating: Double) -> Double {
        rating.isFinite ? min(5, max(0, rating)) : 0
    }

    /// The stock badge of a product or line.
    static func stockBadge(_ availability: Availability, stock: Int) -> Span {
        switch availability {
        case .inStock: Span("in stock", style: .foreground(.stockIn))
        case .lowStock: Span("only \(stock) left", style: .foreground(.stockLow, .bold))
        case .outOfStock: Span("out of stock", style: .foreground(.stockOut))
        case .unknown: Span(availability.displayName, style: .foreground(.muted))
        }
    }

    /// "2026-11-21 09:30" (UTC).
    static func dateTime(_ date: Date) -> String {
        UTCTime(date)?.dateTime ?? "—"
    }

    /// "2026-11-21" (UTC).
    static func date(_ date: Date) -> String {
        UTCTime(date)?.date ?? "—"
    }

    /// "09:30" on the day of `now`, "11-21" before (UTC): a date in five columns, where the
    /// whole one leaves too little room for what it dates.
    static func shortDateTime(_ date: Date, now: Date) -> String {
        guard let time = UTCTime(date), let today = UTCTime(now) else { return "—" }
        let whole = time.dateTime
        if (time.year, time.month, time.day) == (today.year, today.month, today.day) { return String(whole.suffix(5)) }
        return String(time.date.suffix(5))
    }

    /// "3 s ago", "2 min ago".
    static func ago(_ date: Date, now: Date) -> String {
        let interval = now.timeIntervalSince(date)
        let seconds = interval.isFinite && interval > 0 ? Int(min(interval, 1e15)) : 0
        if seconds < 60 { return "\(seconds) s ago" }
        if seconds < 3600 { return "\(seconds / 60) min ago" }
        return "\(seconds / 3600) h ago"
    }

    /// The role of an order status in lists.
    static func statusRole(_ status: OrderStatus) -> ThemeRole {
        switch status {
        case .delivered: .success
        case .cancelled: .error
        case .placed, .paid, .packed: .info
        default: .accent
        }
    }

    /// "1 item", "3 items".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// Spinner frame for a tick.
    static func spinner(_ tick: Int) -> String { Spinner.frames[abs(tick) % Spinner.frames.count] }
}
