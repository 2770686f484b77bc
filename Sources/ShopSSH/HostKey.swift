import Crypto
import Foundation
import NIOSSH

/// The server's Ed25519 host key, kept in a file readable by its owner only.
///
/// The file holds one line: `shop-ed25519 ` and the 32-byte private key in base64. It is created
/// on first start (0600, in a 0700 directory), so clients see the same host on every restart.
public struct HostKey: Sendable {
    let key: Curve25519.Signing.PrivateKey

    public init(_ key: Curve25519.Signing.PrivateKey = .init()) {
        self.key = key
    }

    var sshKey: NIOSSHPrivateKey { NIOSSHPrivateKey(ed25519Key: key) }

    /// The public key as `ssh-keygen -l` fingerprints it (`SHA256:…`).
    public var fingerprint: String { KeyFingerprint.of(sshKey.publicKey) }

    /// The public key in OpenSSH's one-line form (for a `known_hosts` entry).
    public var openSSHPublicKey: String { String(openSSHPublicKey: sshKey.publicKey) }

    static let prefix = "shop-ed25519 "

    /// Reads `file`, or creates it with a new key when it does not exist.
    /// - Returns: the key and whether it was just created.
    public static func loadOrCreate(at file: URL) throws -> (key: HostKey, created: Bool) {
        let manager = FileManager.default
        if manager.fileExists(atPath: file.path) {
            return (try load(from: file), false)
        }
        let directory = file.deletingLastPathComponent()
        try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
        let key = HostKey()
        let line = prefix + key.key.rawRepresentation.base64EncodedString() + "\n"
        // Created 0600 from the start: the key is never readable by others, not even briefly.
        guard manager.createFile(atPath: file.path, contents: Data(line.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw HostKeyError.cannotWrite(file.path)
        }
        return (key, true)
    }

    static func load(from file: URL) throws -> HostKey {
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw HostKeyError.tooOpen(file.path, mode)
        }
        let text = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix(prefix), let raw = Data(base64Encoded: String(text.dropFirst(prefix.count))),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else { throw HostKeyError.unreadable(file.path) }
        return HostKey(key)
    }
}

public enum HostKeyError: Error, CustomStringConvertible {
    case cannotWrite(String)
    case tooOpen(String, Int)
    case unreadable(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path): "cannot write the host key \(path)"
        case .tooOpen(let path, let mode): "the host key \(path) is readable by others (mode \(String(mode, radix: 8))); chmod 600 it"
        case .unreadable(let path): "\(path) is not a shop host key (one line: shop-ed25519 and a base64 key)"
        }
    }
}
