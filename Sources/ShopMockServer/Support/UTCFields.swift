#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The UTC calendar fields of a moment in whole seconds since 1970, with two-digit padding,
/// for the gateway's fixed formats (the `Date` header, log stamps). `gmtime_r`, no formatter.
struct UTCFields {
    let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// 0 is Sunday.
    let weekday: Int

    init(secondsSince1970 seconds: Int) {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        year = Int(parts.tm_year) + 1900
        month = Int(parts.tm_mon) + 1
        day = Int(parts.tm_mday)
        hour = Int(parts.tm_hour)
        minute = Int(parts.tm_min)
        second = Int(parts.tm_sec)
        weekday = Int(parts.tm_wday)
    }

    static func now() -> UTCFields { UTCFields(secondsSince1970: time(nil)) }

    /// `09:30:05`
    var clock: String { "\(Self.two(hour)):\(Self.two(minute)):\(Self.two(second))" }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
