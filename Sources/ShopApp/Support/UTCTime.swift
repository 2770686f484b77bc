#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A moment's UTC calendar fields, for the fixed formats the client shows and logs.
///
/// Computed with `gmtime_r` rather than `DateFormatter`: on Linux a formatter loads ICU, which
/// stays resident (about 6 MiB) and costs start-up time, for formats that need no locale.
struct UTCTime: Equatable {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    /// Nil for a moment `gmtime_r` cannot represent (a gateway can send any date).
    init?(_ date: Date) {
        let interval = date.timeIntervalSince1970.rounded(.down)
        guard let seconds = Int(exactly: interval) else { return nil }
        var time = time_t(seconds)
        var fields = tm()
        guard gmtime_r(&time, &fields) != nil else { return nil }
        year = Int(fields.tm_year) + 1900
        month = Int(fields.tm_mon) + 1
        day = Int(fields.tm_mday)
        hour = Int(fields.tm_hour)
        minute = Int(fields.tm_min)
        second = Int(fields.tm_sec)
    }

    /// "2026-11-21"
    var date: String { "\(Self.digits(year, 4))-\(Self.digits(month))-\(Self.digits(day))" }
    /// "2026-11-21 09:30"
    var dateTime: String { "\(date) \(Self.digits(hour)):\(Self.digits(minute))" }
    /// "2026-11-21T09:30:05Z"
    var iso8601: String { "\(date)T\(Self.digits(hour)):\(Self.digits(minute)):\(Self.digits(second))Z" }

    private static func digits(_ value: Int, _ width: Int = 2) -> String {
        let text = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
