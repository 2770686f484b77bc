import Foundation

/// What identifies a request for `Idempotency-Key` purposes: method, path and body.
enum RequestFingerprint {
    /// SHA-256 of method, path and the canonical body.
    static func hash(method: String, path: String, body: Data) -> String {
        SHA256.hex(Array("\(method) \(path)\n".utf8) + canonical(body))
    }

    /// JSON bodies compare by meaning, not bytes: a retry that serialises its keys in
    /// another order (or spaces them differently) is still the same request.
    ///
    /// Card secrets stay out of the fingerprint (which is stored): a card's CVV is dropped
    /// and its number reduced to the last four digits.
    static func canonical(_ body: Data) -> [UInt8] {
        guard !body.isEmpty,
            let value = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]),
            let normalised = try? JSONSerialization.data(
                withJSONObject: withoutCardSecrets(value), options: [.sortedKeys, .fragmentsAllowed])
        else { return Array(body) }
        return Array(normalised)
    }

    private static func withoutCardSecrets(_ value: Any) -> Any {
        if let array = value as? [Any] { return array.map(withoutCardSecrets) }
        guard var object = value as? [String: Any] else { return value }
        let isCard = object["expMonth"] != nil && object["number"] != nil
        for (key, nested) in object { object[key] = withoutCardSecrets(nested) }
        if isCard {
            object["cvv"] = nil
            if let number = object["number"] as? String {
                object["number"] = String(number.filter(\.isNumber).suffix(4))
            }
        }
        return object
    }
}
