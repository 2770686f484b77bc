/// A product's searchable text, folded and split into words once, when the product changes,
/// so that building the search index is a matter of counting words (see SearchIndex).
struct SearchKey: Sendable {
    /// The lower-cased name, which orders products by name.
    let name: [UInt8]
    /// The distinct words of each field (name, category, description), UTF-8, each followed by
    /// `separator` (a byte no UTF-8 text contains).
    let fieldWords: [[UInt8]]

    static let separator: UInt8 = 0xFF

    init(product: Product, categoryName: String) {
        name = Array(product.name.lowercased().utf8)
        // A category matches by its id or its display name.
        fieldWords = [product.name, product.category + " " + categoryName, product.description].map { text in
            var packed: [UInt8] = []
            for word in SearchText.indexWords(text) {
                packed += word.utf8
                packed.append(Self.separator)
            }
            return packed
        }
    }
}
