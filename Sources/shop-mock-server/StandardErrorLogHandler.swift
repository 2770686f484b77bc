#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging

/// Log lines on standard error, each written with one `write(2)`:
/// `2026-11-21T11:49:28Z info shop.mock-gateway: GET /v1/products 200 method=GET ms=0.4 …`.
///
/// swift-log's `StreamLogHandler` takes the C stream's lock and flushes for every line, and the
/// event-loop threads of a busy gateway queued on that lock: at the default log level the
/// gateway answered half the reads it answers at `warning`. One `write` per line keeps lines
/// whole without a lock (the kernel serialises writes to one file).
struct StandardErrorLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var line = Self.timestamp() + " \(event.level) \(label): \(event.message)"
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for key in merged.keys.sorted() { line += " \(key)=\(merged[key]!)" }
        line += "\n"
        var bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return  // standard error is gone; nothing else to tell
            }
        }
    }

    /// `2026-11-21T11:49:28Z`, UTC.
    static func timestamp() -> String {
        var now = time(nil)
        var fields = tm()
        gmtime_r(&now, &fields)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(fields.tm_year + 1900)-\(two(fields.tm_mon + 1))-\(two(fields.tm_mday))T"
            + "\(two(fields.tm_hour)):\(two(fields.tm_min)):\(two(fields.tm_sec))Z"
    }
}
