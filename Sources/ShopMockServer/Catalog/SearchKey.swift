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

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        let last = haystack.count - needle.count
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                var index = 0
                while index <= last {
                    if hay[index] == first {
                        var offset = 1
                        while offset < pin.count && hay[index + offset] == pin[offset] { offset += 1 }
                        if offset == pin.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
