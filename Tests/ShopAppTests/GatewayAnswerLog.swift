import Foundation
import Logging
import Synchronization

/// The in-process gateway's request log, kept by request id: which requests its router (or its
/// catalog read cache) answered, with what status, when. Beside ``RequestTrail`` it tells a
/// request the gateway never answered from an answer that never reached the client.
final class GatewayAnswerLog: Sendable {
    struct Answer: Sendable {
        var status: String
        var milliseconds: String
        var at: ContinuousClock.Instant
    }

    private let answers = Mutex<[String: Answer]>([:])

    func answer(to requestID: String) -> Answer? { answers.withLock { $0[requestID] } }

    var count: Int { answers.withLock { $0.count } }

    /// A logger for `GatewayConfiguration.logger`: info and above, request lines kept, the rest dropped.
    var logger: Logger {
        Logger(label: "gateway", factory: { _ in Handler(log: self) })
    }

    fileprivate func record(_ metadata: Logger.Metadata) {
        guard case .string(let id)? = metadata["request-id"], case .string(let status)? = metadata["status"] else { return }
        let milliseconds: String = if case .string(let ms)? = metadata["ms"] { ms } else { "?" }
        answers.withLock { $0[id] = Answer(status: status, milliseconds: milliseconds, at: .now) }
    }

    private struct Handler: LogHandler {
        let log: GatewayAnswerLog
        var logLevel: Logger.Level = .info
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            if let metadata = event.metadata { log.record(metadata) }
        }
    }
}
