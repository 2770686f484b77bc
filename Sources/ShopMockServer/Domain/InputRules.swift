import Foundation

/// Field rules the generated code does not enforce (lengths, formats), shared by the
/// handlers and the checkout.
enum InputRules {
    typealias Issue = GatewayProblem.FieldIssue

    static func length(_ value: String?, _ field: String, min: Int = 0, max: Int, required: Bool = false) -> [Issue] {
        guard let value else { return required ? [Issue(field: field, message: "is required")] : [] }
        let count = value.count
        if count < min {
            return [Issue(field: field, message: min == 1 ? "must not be empty" : "must be at least \(min) characters")]
        }
        if count > max { return [Issue(field: field, message: "must be at most \(max) characters")] }
        return []
    }

    static func range(_ value: Int?, _ field: String, _ bounds: ClosedRange<Int>) -> [Issue] {
        guard let value, !bounds.contains(value) else { return [] }
        return [Issue(field: field, message: "must be between \(bounds.lowerBound) and \(bounds.upperBound)")]
    }

    /// Refuses C0 and C1 control characters (NUL, tab, line breaks, ESC…), DEL, and the
    /// invisible bidirectional controls: in an e-mail, a name or an address line they are never
    /// meant, and once stored they reach every screen and log that shows the text.
    static func plainText(_ value: String?, _ field: String) -> [Issue] {
        guard let value, value.unicodeScalars.contains(where: isControl) else { return [] }
        return [Issue(field: field, message: "must not contain control characters")]
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // bidi marks, embeddings, overrides, isolates
        default: false
        }
    }

    static func email(_ value: String, _ field: String) -> [Issue] {
        let lengthIssues = length(value, field, min: 3, max: 254)
        if !lengthIssues.isEmpty { return lengthIssues }
        let controlIssues = plainText(value, field)
        if !controlIssues.isEmpty { return controlIssues }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), !value.contains(where: \.isWhitespace)
        else { return [Issue(field: field, message: "is not an email address")] }
        return []
    }

    /// Checks an address and normalises it (trimmed text, upper-case country).
    static func address(_ input: PostalAddress, prefix: String) -> (PostalAddress, [Issue]) {
        func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
        var address = input
        address.name = trimmed(address.name)
        address.line1 = trimmed(address.line1)
        address.city = trimmed(address.city)
        address.postalCode = trimmed(address.postalCode)
        address.country = trimmed(address.country).uppercased()
        var issues: [Issue] = []
        issues += length(address.name, prefix + "name", min: 1, max: 100)
        issues += length(address.line1, prefix + "line1", min: 1, max: 200)
        issues += length(address.line2, prefix + "line2", max: 200)
        issues += length(address.city, prefix + "city", min: 1, max: 100)
        issues += length(address.region, prefix + "region", max: 100)
        issues += length(address.postalCode, prefix + "postalCode", min: 1, max: 20)
        issues += length(address.phone, prefix + "phone", max: 40)
        // Judged before trimming: a line break at either end is refused, not silently removed.
        for (field, value) in [
            ("name", input.name), ("line1", input.line1), ("line2", input.line2), ("city", input.city),
            ("region", input.region), ("postalCode", input.postalCode), ("phone", input.phone),
        ] where issues.allSatisfy({ $0.field != prefix + field }) {
            issues += plainText(value, prefix + field)
        }
        if address.country.count != 2 || !address.country.allSatisfy({ $0.isASCII && $0.isLetter }) {
            issues.append(Issue(field: prefix + "country", message: "must be a two-letter ISO 3166-1 code"))
        }
        return (address, issues)
    }
}
