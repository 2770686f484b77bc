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
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info(
            "\(method) \(path) \(status.code)",
            metadata: [
                "method": "\(method)", "path": "\(path)", "status": "\(status.code)",
                "ms": "\(String(format: "%.1f", milliseconds))", "request-id": "\(requestID)",
            ])
    }
}
