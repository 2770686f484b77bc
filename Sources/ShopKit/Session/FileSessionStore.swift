import Foundation

/// Keeps the session as JSON in a file readable only by its owner.
///
/// The file is written with permissions 0600 inside a directory created with 0700 (tokens are
/// credentials), atomically through a temporary file so a crash never leaves half a session.
public struct FileSessionStore: SessionStore {
    /// The session file.
    public let url: URL

    /// Creates a store for a file, e.g. `$XDG_STATE_HOME/shop/session.json`.
    /// The file and its directory are created on the first save.
    public init(url: URL) {
        self.url = url
    }

    /// The stored session, or `nil` when the file does not exist.
    /// - Throws: When the file exists but cannot be read or decoded.
    public func load() async throws -> Session? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data = try Data(contentsOf: url)
        return try FileSessionStore.decoder.decode(Session.self, from: data)
    }

    /// Writes the session (0600, in a 0700 directory), or deletes the file for `nil`.
    public func save(_ session: Session?) async throws {
        let fileManager = FileManager.default
        guard let session else {
            if fileManager.fileExists(atPath: url.path) { try fileManager.removeItem(at: url) }
            return
        }
        let directory = url.deletingLastPathComponent()
        if !fileManager.fileExists(atPath: directory.path) {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
        }
        let data = try FileSessionStore.encoder.encode(session)
        // Create the temporary file with 0600 before any secret is written into it.
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        guard fileManager.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? fileManager.removeItem(at: temporary)
            throw error
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
