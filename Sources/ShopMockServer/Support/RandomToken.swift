import Foundation

/// Unguessable identifiers from the system's secure generator.
enum RandomToken {
    /// `byteCount` random bytes as lowercase hex.
    static func hex(byteCount: Int) -> String {
        Hex.lowercase(bytes(byteCount))
    }

    /// `byteCount` random bytes as unpadded base64url (tokens travel in headers).
    static func base64URL(byteCount: Int) -> String {
        Data(bytes(byteCount)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Upper-case letters and digits without look-alikes, for ids people read (tracking ids).
    static func readable(length: Int) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// Eight bytes per call to the system generator (a system call each), not one.
    private static func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 7)
        while bytes.count < count {
            withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
        }
        return Array(bytes.prefix(count))
    }
}
