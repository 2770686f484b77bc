#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The `Date` header value (RFC 9110 IMF-fixdate, e.g. `Sat, 21 Nov 2026 11:17:14 GMT`),
/// formatted once per second.
enum HTTPDate {
    private static let last = Mutex<(second: Int, text: String)>((-1, ""))
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func now() -> String {
        let second = time(nil)
        return last.withLock { last in
            if last.second != second { last = (second, format(second)) }
            return last.text
        }
    }

    static func format(_ seconds: Int) -> String {
        let utc = UTCFields(secondsSince1970: seconds)
        return "\(weekdays[utc.weekday]), \(UTCFields.two(utc.day)) \(months[utc.month - 1]) \(utc.year) \(utc.clock) GMT"
    }
}
