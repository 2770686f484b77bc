/// A product's searchable text, lower-cased once so a query is a plain byte scan (see SearchCorpus).
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
}
