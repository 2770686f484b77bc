import Foundation

/// A product's searchable text, lower-cased once so a query is a plain byte scan.
///
/// Matching lower-cased UTF-8 bytes is exact substring matching of the lower-cased strings,
/// and it is what keeps search cheap on a 100k-product catalog.
struct SearchKey: Sendable {
    let name: [UInt8]
    let category: [UInt8]
    let description: [UInt8]

    init(product: Product, categoryName: String) {
        name = Array(product.name.lowercased().utf8)
        // A category matches by its id or its display name.
        category = Array((product.category + " " + categoryName).lowercased().utf8)
        description = Array(product.description.lowercased().utf8)
    }

    /// Substring test: memchr finds each candidate first byte (vectorised in libc), memcmp
    /// checks the rest — several times faster than a byte loop over every description.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                guard let base = hay.baseAddress.map(UnsafeRawPointer.init), let rest = pin.baseAddress.map(UnsafeRawPointer.init)
                else { return false }
                let lastStart = hay.count - pin.count
                var index = 0
                while index <= lastStart {
                    guard let found = memchr(base + index, Int32(first), lastStart - index + 1) else { return false }
                    let at = base.distance(to: UnsafeRawPointer(found))
                    if pin.count == 1 || memcmp(base + at + 1, rest + 1, pin.count - 1) == 0 { return true }
                    index = at + 1
                }
                return false
            }
        }
    }
}
