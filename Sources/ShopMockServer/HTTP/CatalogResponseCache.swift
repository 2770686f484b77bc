import HTTPTypes
import NIOCore
import Synchronization

/// The encoded answers to catalog reads, kept so a repeated read costs no handler, no JSON
/// encoding and no trip through the middleware.
///
/// Only operations whose answer depends on nothing but the catalog and the URL are kept (see
/// ``isCacheable(method:path:)``): the caller, their token and the clock play no part in them,
/// so one URL has one answer until the catalog changes. Every entry carries the
/// ``CatalogRevision`` read before its request reached the store, and a lookup returns it only
/// while the revision is still the same. Only `200 OK` answers are kept.
///
/// Bounded: an answer over ``maxEntryBytes`` is not kept, and when the entries would pass
/// ``maxTotalBytes`` or ``maxEntries`` the cache starts over (any URL can be asked, and a fuzzer
/// asks many).
final class CatalogResponseCache: Sendable {
    struct Entry: Sendable {
        var revision: UInt64
        /// The answer's header fields, without the ones made per response (`X-Request-ID`,
        /// `Date`, `Content-Length`).
        var headerFields: HTTPFields
        var body: ByteBuffer
    }

    static let maxEntryBytes = 256 * 1024
    static let maxTotalBytes = 32 * 1024 * 1024
    static let maxEntries = 20_000

    let revision: CatalogRevision
    private let state = Mutex(State())

    private struct State {
        var entries: [String: Entry] = [:]
        var totalBytes = 0
        /// The revision every kept entry was computed at.
        var revision: UInt64 = 0
    }

    init(revision: CatalogRevision) {
        self.revision = revision
    }

    /// GET of the product list, a product, search, categories or a product's stock.
    static func isCacheable(method: HTTPRequest.Method, path: String) -> Bool {
        guard method == .get else { return false }
        let segments = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard segments.count >= 3, segments[0].isEmpty, Substring(segments[1]) == "v1" else { return false }
        switch (segments.count, Substring(segments[2])) {
        case (3, "products"), (3, "search"), (3, "categories"): return true
        case (4, "products"), (4, "inventory"): return !segments[3].isEmpty
        default: return false
        }
    }

    /// The kept answer for `uri` (path and query, as the client sent them), if it is current.
    func lookup(_ uri: String) -> Entry? {
        let current = revision.current
        return state.withLock { state in
            guard let entry = state.entries[uri], entry.revision == current else { return nil }
            return entry
        }
    }

    /// Keeps an answer computed from the catalog at `entry.revision`, unless the catalog has
    /// changed since.
    func store(_ uri: String, _ entry: Entry) {
        let size = entry.body.readableBytes + uri.utf8.count
        guard size <= Self.maxEntryBytes, entry.revision == revision.current else { return }
        state.withLock { state in
            guard entry.revision >= state.revision else { return }  // overtaken by a newer catalog
            // Entries of an older revision are never served again: drop them with the first new one.
            if entry.revision != state.revision || state.totalBytes + size > Self.maxTotalBytes
                || state.entries.count >= Self.maxEntries
            {
                state.entries.removeAll(keepingCapacity: true)
                state.totalBytes = 0
                state.revision = entry.revision
            }
            if let previous = state.entries.updateValue(entry, forKey: uri) {
                state.totalBytes -= previous.body.readableBytes + uri.utf8.count
            }
            state.totalBytes += size
        }
    }

    var count: Int { state.withLock { $0.entries.count } }
}
