import ShopKit
import Testing
@testable import ShopApp

/// The compact product store gives back exactly what was put in, whatever the content.
@Suite struct CompactProductListTests {
    static func product(_ number: Int, name: String? = nil, category: String = "books") -> ProductSummary {
        ProductSummary(
            id: "p-\(number)", code: "CODE-\(number)", name: name ?? "Product number \(number)", category: category,
            price: Money(amount: Int64(number * 100 + 99), currency: number.isMultiple(of: 2) ? .usd : .jpy),
            rating: Double(number % 50) / 10, ratingCount: number * 3, stock: number % 7,
            availability: number % 7 == 0 ? .outOfStock : number % 7 < 3 ? .lowStock : .inStock)
    }

    @Test func everyProductReadsBackExactly() {
        let products = (0..<500).map { Self.product($0, category: ["books", "toys", "home"][$0 % 3]) }
        let list = CompactProductList(products)
        #expect(list.count == 500)
        #expect(Array(list) == products)
        #expect(list.map(\.id) == products.map(\.id))
        #expect(list.indices.map(list.id(at:)) == products.map(\.id))
    }

    /// A frame copies a product row when its fingerprint is unchanged: every field must count.
    @Test func aProductsHashChangesWithEveryField() {
        func fingerprint(_ product: ProductSummary) -> Int {
            var hasher = Hasher()
            CompactProductList([Self.product(1), product]).hash(at: 1, into: &hasher)
            return hasher.finalize()
        }
        let base = Self.product(8)
        var variants: [ProductSummary] = []
        for change in 0..<10 {
            var product = base
            switch change {
            case 0: product.id = "p-9"
            case 1: product.code = "CODE-9"
            case 2: product.name = "Product number 9"
            case 3: product.category = "toys"
            case 4: product.price.amount += 1
            case 5: product.price.currency = .eur
            case 6: product.rating += 0.1
            case 7: product.ratingCount += 1
            case 8: product.stock += 5
            default: product.availability = .outOfStock
            }
            variants.append(product)
        }
        var moved = base  // the same bytes split otherwise between id and code
        moved.id = "p-8C"
        moved.code = "ODE-8"
        #expect(fingerprint(base) == fingerprint(Self.product(8)))
        for variant in variants + [moved] {
            #expect(fingerprint(variant) != fingerprint(base), "\(variant)")
        }
    }

    @Test func unusualTextReadsBackExactly() {
        let names = [
            "", "Café Crème", "東京タワーの模型", "Lamp 💡 with 👩‍👩‍👧 family", "e\u{301}", "\u{202E}reversed",
            String(repeating: "long ", count: 5_000),
        ]
        let products = names.enumerated().map { Self.product($0.offset, name: $0.element, category: $0.element) }
        #expect(Array(CompactProductList(products)) == products)
    }

    @Test func whatDoesNotFitARecordIsKeptWhole() {
        var huge = Self.product(1, name: String(repeating: "x", count: 70_000))
        var manyRatings = Self.product(2)
        manyRatings.ratingCount = Int(Int32.max) + 1
        var negative = Self.product(3)
        negative.stock = -5
        huge.stock = Int(Int32.min) - 1
        let products = [Self.product(0), huge, manyRatings, negative, Self.product(4)]
        let list = CompactProductList(products)
        #expect(Array(list) == products)
        #expect(list.id(at: 1) == "p-1")
        #expect(list.firstIndex(ofID: "p-2") == 2)
    }

    @Test func replacingAProductKeepsTheOthers() {
        var list = CompactProductList((0..<10).map { Self.product($0) })
        var changed = Self.product(4, name: "Renamed and longer than before")
        changed.stock = 99
        list[4] = changed
        #expect(list[4] == changed)
        #expect(list[3] == Self.product(3) && list[5] == Self.product(5))
        list[5] = Self.product(5, name: String(repeating: "y", count: 70_000))
        list[5] = Self.product(5)
        #expect(Array(list) == (0..<10).map { $0 == 4 ? changed : Self.product($0) })
        // Equal to a list built with the same products, although its text is laid out otherwise.
        #expect(list == CompactProductList((0..<10).map { $0 == 4 ? changed : Self.product($0) }))
        #expect(list != CompactProductList((0..<10).map { Self.product($0) }))
    }

    @Test func findsProductsByID() {
        let list = CompactProductList((0..<100).map { Self.product($0) })
        #expect(list.firstIndex(ofID: "p-42") == 42)
        #expect(list.firstIndex(ofID: "p-42", near: 42) == 42)
        #expect(list.firstIndex(ofID: "p-42", near: 7) == 42)
        #expect(list.firstIndex(ofID: "p-42", near: 1_000) == 42)
        #expect(list.firstIndex(ofID: "p-4") == 4)
        #expect(list.firstIndex(ofID: "p-") == nil)
        #expect(list.firstIndex(ofID: "nothing") == nil)
    }

    @Test func appendingAndClearing() {
        var list: CompactProductList = [Self.product(1)]
        list += [Self.product(2), Self.product(3)]
        list.append(Self.product(4))
        #expect(list.map(\.id) == ["p-1", "p-2", "p-3", "p-4"])
        #expect(list == CompactProductList((1...4).map { Self.product($0) }))
        list.removeAll()
        #expect(list.isEmpty && list == [])
    }
}
