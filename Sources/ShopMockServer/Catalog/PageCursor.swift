import Foundation

/// An opaque paging cursor: an offset bound to the query that produced it.
///
/// The fingerprint makes a cursor from another query (or a made-up one) a 400 rather than a
/// silently wrong page.
struct PageCursor: Equatable, Sendable {
    var offset: Int
    var fingerprint: String

    func encoded() -> String {
        Data("v1:\(offset):\(fingerprint)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes `text` for a query with `fingerprint`; nil when it is not such a cursor.
    static func decode(_ text: String, fingerprint: String) -> PageCursor? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8) else { return nil }
        let parts = plain.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "v1", let offset = Int(parts[1]), offset > 0,
            parts[2] == fingerprint
        else { return nil }
        return PageCursor(offset: offset, fingerprint: fingerprint)
    }

    /// A short fingerprint of the query parameters that shape a list.
    static func fingerprint(_ parts: String...) -> String {
        String(SHA256.hex(parts.joined(separator: "\u{1F}")).prefix(12))
    }
}

/// One page cut from a full, ordered result.
struct Page<Item> {
    var items: [Item]
    var nextCursor: String?
    var total: Int

    /// Cuts `limit` items after the cursor's offset; throws 400 for a foreign cursor.
    init(all: [Item], limit: Int, cursor: String?, fingerprint: String) throws(GatewayProblem) {
        var start = 0
        if let cursor {
            guard let decoded = PageCursor.decode(cursor, fingerprint: fingerprint) else {
                throw GatewayProblem.badRequest("The cursor is not valid for this list.", field: "cursor")
            }
            start = min(decoded.offset, all.count)
        }
        let end = min(start + limit, all.count)
        items = Array(all[start..<end])
        nextCursor = end < all.count ? PageCursor(offset: end, fingerprint: fingerprint).encoded() : nil
        total = all.count
    }
}
