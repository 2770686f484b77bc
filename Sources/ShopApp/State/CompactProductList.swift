import ShopKit

/// The products of a listing, stored compactly, so that a catalog of 100,000 products
/// scrolled end to end stays within the client's memory budget (docs/performance.md, §6).
///
/// An array of ``ProductSummary`` costs 120 bytes a product plus a heap block for every id,
/// code or name longer than 15 bytes: about 200 bytes each. Here a product is one 40-byte
/// record plus the bytes of its id, code and name in one shared buffer, with each category
/// name stored once: about 90 bytes. Elements are rebuilt when read, which is cheap for what
/// reads them (the visible rows of a frame, a page's worth of ids).
///
/// A product whose fields do not fit the record's narrow numbers (a name over 64 KiB, a stock
/// over 2^31) is kept whole beside the records, so every element reads back exactly as it
/// was stored.
public struct CompactProductList: RandomAccessCollection, MutableCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    private struct Record: Equatable, Sendable {
        var textStart: UInt32 = 0
        var idLength: UInt16 = 0
        var codeLength: UInt16 = 0
        var nameLength: UInt16 = 0
        var category: UInt16 = 0
        var currency: CurrencyCode = .usd
        var availability: Availability = .inStock
        var isKeptWhole = false
        var amount: Int64 = 0
        var rating: Double = 0
        var ratingCount: Int32 = 0
        var stock: Int32 = 0
    }

    private var records: [Record] = []
    /// The UTF-8 of every record's id, code and name, one after the other.
    private var text: [UInt8] = []
    private var categoryNames: [String] = []
    private var categoryIndex: [String: UInt16] = [:]
    /// Products that do not fit a record, by position.
    private var keptWhole: [Int: ProductSummary] = [:]

    public init() {}

    public init<Products: Sequence>(_ products: Products) where Products.Element == ProductSummary {
        append(contentsOf: products)
    }

    public init(arrayLiteral products: ProductSummary...) {
        self.init(products)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    public subscript(position: Int) -> ProductSummary {
        get {
            let record = records[position]
            if record.isKeptWhole { return keptWhole[position]! }
            var start = Int(record.textStart)
            func next(_ length: UInt16) -> String {
                defer { start += Int(length) }
                return String(decoding: text[start..<start + Int(length)], as: UTF8.self)
            }
            return ProductSummary(
                id: next(record.idLength), code: next(record.codeLength), name: next(record.nameLength),
                category: categoryNames[Int(record.category)], price: Money(amount: record.amount, currency: record.currency),
                rating: record.rating, ratingCount: Int(record.ratingCount), stock: Int(record.stock),
                availability: record.availability)
        }
        set {
            keptWhole[position] = nil
            records[position] = record(for: newValue, at: position)
        }
    }

    /// Feeds everything the product at `position` holds into `hasher`, without rebuilding it:
    /// a frame fingerprints every visible row (see `FrameMemory`).
    public func hash(at position: Int, into hasher: inout Hasher) {
        let record = records[position]
        if record.isKeptWhole {
            hasher.combine(keptWhole[position]!)
            return
        }
        let start = Int(record.textStart)
        let end = start + Int(record.idLength) + Int(record.codeLength) + Int(record.nameLength)
        text.withUnsafeBytes { hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
        hasher.combine(record.idLength)
        hasher.combine(record.codeLength)
        hasher.combine(categoryNames[Int(record.category)])
        hasher.combine(record.currency)
        hasher.combine(record.availability)
        hasher.combine(record.amount)
        hasher.combine(record.rating)
        hasher.combine(record.ratingCount)
        hasher.combine(record.stock)
    }

    /// The id of the product at `position`, without rebuilding the rest of it.
    public func id(at position: Int) -> String {
        let record = records[position]
        if record.isKeptWhole { return keptWhole[position]!.id }
        let start = Int(record.textStart)
        return String(decoding: text[start..<start + Int(record.idLength)], as: UTF8.self)
    }

    /// The position of the product with this id, looking first at `near` (usually the selection).
    public func firstIndex(ofID id: String, near: Int? = nil) -> Int? {
        if let near, indices.contains(near), self.id(at: near) == id { return near }
        var wanted = id
        return wanted.withUTF8 { wanted in
            records.indices.first { position in
                let record = records[position]
                if record.isKeptWhole { return keptWhole[position]!.id.utf8.elementsEqual(wanted) }
                guard Int(record.idLength) == wanted.count else { return false }
                let start = Int(record.textStart)
                return text[start..<start + wanted.count].elementsEqual(wanted)
            }
        }
    }

    /// Equal when they hold the same products in the same order, however they are laid out
    /// (a replaced product leaves its old text behind).
    public static func == (lhs: CompactProductList, rhs: CompactProductList) -> Bool {
        if lhs.records == rhs.records && lhs.text == rhs.text && lhs.categoryNames == rhs.categoryNames
            && lhs.keptWhole == rhs.keptWhole
        {
            return true
        }
        return lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }

    public mutating func append(_ product: ProductSummary) {
        records.append(record(for: product, at: records.count))
    }

    public mutating func append<Products: Sequence>(contentsOf products: Products) where Products.Element == ProductSummary {
        for product in products { append(product) }
    }

    public mutating func removeAll() {
        self = CompactProductList()
    }

    public static func += <Products: Sequence>(list: inout CompactProductList, products: Products)
    where Products.Element == ProductSummary {
        list.append(contentsOf: products)
    }

    /// Encodes `product` as the record at `position`, appending its text (a replaced record's
    /// old text stays unused in the buffer; replacements are rare: one per opened product).
    private mutating func record(for product: ProductSummary, at position: Int) -> Record {
        let id = product.id.utf8, code = product.code.utf8, name = product.name.utf8
        let textLength = id.count + code.count + name.count
        guard let ratingCount = Int32(exactly: product.ratingCount), let stock = Int32(exactly: product.stock),
            let idLength = UInt16(exactly: id.count), let codeLength = UInt16(exactly: code.count),
            let nameLength = UInt16(exactly: name.count), let textStart = UInt32(exactly: text.count),
            text.count + textLength <= UInt32.max, let category = categoryNumber(product.category)
        else {
            keptWhole[position] = product
            return Record(isKeptWhole: true)
        }
        text.append(contentsOf: id)
        text.append(contentsOf: code)
        text.append(contentsOf: name)
        return Record(
            textStart: textStart, idLength: idLength, codeLength: codeLength, nameLength: nameLength, category: category,
            currency: product.price.currency, availability: product.availability, amount: product.price.amount,
            rating: product.rating, ratingCount: ratingCount, stock: stock)
    }

    private mutating func categoryNumber(_ category: String) -> UInt16? {
        if let number = categoryIndex[category] { return number }
        guard let number = UInt16(exactly: categoryNames.count) else { return nil }
        categoryNames.append(category)
        categoryIndex[category] = number
        return number
    }
}

extension CompactProductList: CustomStringConvertible {
    public var description: String { "\(count) products" }
}
