import Foundation
import HTTPTypes
import Logging

/// The request id every answer carries and the one log line every request leaves, shared by
/// ``RequestLogMiddleware`` and ``CatalogReadHandler``. Never bodies or Authorization.
enum RequestLog {
    static let requestIDField = HTTPField.Name("X-Request-ID")!

    /// The caller's id when it is short printable ASCII (it goes back into a header), or a new one.
    static func requestID(from fields: HTTPFields) -> String {
        acceptableID(fields[requestIDField]) ?? "req_" + RandomToken.hex(byteCount: 8)
    }

    static func acceptableID(_ value: String?) -> String? {
        guard let value, (1...200).contains(value.count),
            value.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F })
        else { return nil }
        return value
    }

    static func record(
        _ logger: Logger, method: HTTPRequest.Method, path: String, status: HTTPResponse.Status, requestID: String,
        since started: ContinuousClock.Instant
    ) {
        guard logger.logLevel <= .info else { return }
        let elapsed = ContinuousClock.now - started
        // Tenths of a millisecond, rounded, without String(format:) (slow on Linux).
        let tenths = Int((elapsed / .microseconds(100)).rounded())
        logger.info(
            "\(method) \(path) \(status.code)",
            metadata: [
                "method": "\(method.rawValue)", "path": "\(path)", "status": "\(status.code)",
                "ms": "\(tenths / 10).\(tenths % 10)", "request-id": "\(requestID)",
            ])
    }
}
