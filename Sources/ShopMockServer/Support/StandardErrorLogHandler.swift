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
public struct StandardErrorLogHandler: LogHandler {
    public let label: String
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]

    /// A handler for `label` that logs `logLevel` and above.
    public init(label: String, logLevel: Logger.Level) {
        self.label = label
        self.logLevel = logLevel
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
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
        let utc = UTCFields.now()
        return "\(utc.year)-\(UTCFields.two(utc.month))-\(UTCFields.two(utc.day))T\(utc.clock)Z"
    }
}
