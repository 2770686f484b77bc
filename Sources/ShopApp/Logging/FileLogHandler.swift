import Foundation
import Logging

/// A swift-log handler that appends to a file, because nothing may be written to the terminal
/// while the full-screen UI runs. The file is created readable by its owner only.
public struct FileLogHandler: LogHandler {
    private let sink: Sink
    private let label: String
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]

    /// Opens (or creates) `file` for appending; its directory is created 0700.
    public static func open(_ file: URL) throws -> @Sendable (String) -> any LogHandler {
        try XDGDirectories.ensurePrivateDirectory(file.deletingLastPathComponent())
        if !FileManager.default.fileExists(atPath: file.path) {
            _ = FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        let sink = Sink(handle: handle)
        return { label in FileLogHandler(sink: sink, label: label) }
    }

    private init(sink: Sink, label: String) {
        self.sink = sink
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let extra = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: " ")
        let stamp = UTCTime(Date())?.iso8601 ?? "-"
        sink.write("\(stamp) \(event.level) \(label): \(event.message)\(extra)\n")
    }

    /// Serialises writes from any thread to the one file handle.
    private final class Sink: @unchecked Sendable {
        private let handle: FileHandle
        private let lock = NSLock()
        init(handle: FileHandle) { self.handle = handle }
        func write(_ line: String) {
            lock.lock(); defer { lock.unlock() }
            handle.write(Data(line.utf8))
        }
    }
}
