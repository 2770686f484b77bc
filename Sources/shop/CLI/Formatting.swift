import Foundation
import ShopKit

/// Small shared wordings of the human output.
enum Formatting {
    static func stock(_ stock: Int, _ availability: Availability) -> String {
        switch availability {
        case .outOfStock: "out of stock"
        case .lowStock: "\(stock) left"
        case .inStock: "\(stock)"
        case .unknown: "\(stock) (\(availability.displayName))"
        }
    }

    static func rating(_ rating: Double, _ count: Int) -> String {
        String(format: "%.1f (%d)", rating, count)
    }

    /// A date in UTC, minutes precision: the same in every time zone a test or script runs in.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    static func address(_ address: Address) -> String {
        [address.name, address.line1, address.line2, address.city, address.region, address.postalCode, address.country]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// "Showing 20 of 48 (--all for every one)" under a list cut by --limit.
    static func footer(shown: Int, total: Int?, reachedEnd: Bool) -> String {
        if reachedEnd { return "" }
        let of = total.map { " of \($0)" } ?? ""
        return "\nShowing \(shown)\(of); --all lists every one."
    }
}
