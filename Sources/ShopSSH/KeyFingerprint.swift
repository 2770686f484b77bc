import Crypto
import Foundation
import NIOSSH

/// SSH public-key fingerprints as OpenSSH prints them: `SHA256:` and the unpadded base64 of the
/// SHA-256 of the key's wire form. The fingerprint, never the key, is what the gateway and the
/// logs see.
public enum KeyFingerprint {
    public static func of(_ key: NIOSSHPublicKey) -> String {
        // The OpenSSH line is "type base64(wire form)"; the fingerprint hashes the wire form.
        let line = String(openSSHPublicKey: key)
        let fields = line.split(separator: " ")
        let wire = fields.count >= 2 ? Data(base64Encoded: String(fields[1])) ?? Data(line.utf8) : Data(line.utf8)
        let digest = Data(SHA256.hash(data: wire)).base64EncodedString()
        return "SHA256:" + digest.trimmingCharacters(in: CharacterSet(charactersIn: "="))
    }
}
