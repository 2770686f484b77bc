import Foundation
import SearchRules
import Testing
@testable import ShopMockServer

/// The rules of search that forgives (see `/v1/search` in the contract), on the bundled catalog
/// and on small catalogs made to show one rule each.
@Suite struct TolerantSearchTests {
    static let bundled: ProductCatalog = {
        let seed = try! CatalogLoader.load(file: nil, now: Date(timeIntervalSince1970: 0))
        return ProductCatalog(categories: seed.categories, products: seed.products)
    }()

    static func search(_ catalog: ProductCatalog, _ query: String, category: String? = nil, inStockOnly: Bool = false,
                       sort: SearchSortOrder = .relevance, offset: Int = 0, limit: Int = 100)
        -> (names: [String], total: Int, suggestion: String?, hits: [SearchMatch])
    {
        var catalog = catalog
        let found = catalog.search(query, category: category, inStockOnly: inStockOnly, sort: sort, offset: offset, limit: limit)
        return (found.items.map(\.product.name), found.total, found.suggestion, found.items)
    }

    static func catalog(_ products: [(name: String, description: String)], category: String = "home") -> ProductCatalog {
        ProductCatalog(
            categories: [CategoryInfo(id: category, name: category.capitalized)],
            products: products.enumerated().map { index, entry in
                Product(id: "p\(index)", code: "C\(index)", name: entry.name, description: entry.description, category: category,
                        priceUsdCents: 100, stock: 5, rating: 4, ratingCount: 1, updatedAt: Date(timeIntervalSince1970: 0))
            })
    }

    // MARK: The issue's examples, on the bundled catalog

    @Test(arguments: [
        ("wristwach", "Automatic Wristwatch"),
        ("chef knife", "Chef's Knife 20 cm"),
        ("chefs", "Chef's Knife 20 cm"),
        ("knife chef", "Chef's Knife 20 cm"),
        ("chefs knife", "Chef's Knife 20 cm"),
        ("chef's knife", "Chef's Knife 20 cm"),
        ("CHEF’S KNIFE", "Chef's Knife 20 cm"),
        ("creme", "Crème Brûlée Torch"),
        ("brulee", "Crème Brûlée Torch"),
        ("creme brulee", "Crème Brûlée Torch"),
        ("Crème Brûlée", "Crème Brûlée Torch"),
        ("brulee creme torch", "Crème Brûlée Torch"),
        ("wristwatch", "Automatic Wristwatch"),
        ("wrstwatsh", "Automatic Wristwatch"),  // 9 letters, two typos
        ("automatik", "Automatic Wristwatch"),  // 9 letters, one typo
        ("pourover", "Pour-Over Coffee Set"),
        ("pour-over coffee", "Pour-Over Coffee Set"),
        ("ereader", "E-Reader 6\""),
        ("kyoto puzzle", "Jigsaw Puzzle 1000 — Kyōto"),
        ("cedre", "Scented Candle — Cèdre"),
        ("抹茶", "Matcha Whisk Set 抹茶"),
        ("☔", "Rain Poncho ☔"),
        ("usbc charger", "USB-C Charger 65 W"),
    ])
    func theIssuesQueriesFindTheirProductFirst(query: String, expected: String) {
        let found = Self.search(Self.bundled, query)
        #expect(found.names.first == expected, "\(query): \(found.names)")
        #expect(found.total == found.names.count && found.suggestion == nil)
    }

    @Test func everyWordMustMatchSomewhere() {
        #expect(Self.search(Self.bundled, "knife skillet").total == 0)
        #expect(Self.search(Self.bundled, "knife").names.contains("Chef's Knife 20 cm"))
        // A category matches by id or by name, words of the name included.
        let living = Self.search(Self.bundled, "living")
        #expect(living.total == 8 && living.hits.allSatisfy { $0.product.category == "home" })
        #expect(Self.search(Self.bundled, "outdoors").hits.allSatisfy { $0.matchedIn.contains(.category) })
    }

    @Test(arguments: [
        "lamq",  // 4 letters: one typo from "lamp", but short words must be spelt right
        "vesy",  // "vest"
        "knjfw",  // 5 letters, two typos from "knife"
        "bakpacck",  // 8 letters, two typos from "backpack"
        "wrxstwtcxh",  // 10 letters, three typos
        "20cn",  // a digit: no typo
    ])
    func shortWordsAndTooManyTyposFindNothing(query: String) {
        let found = Self.search(Self.bundled, query)
        #expect(found.total == 0 && found.names.isEmpty, "\(query): \(found.names)")
    }

    @Test func aCatalogWordIsTakenAsMeant() {
        // A word the catalog has finds only itself, not its one-typo neighbours; a word it
        // does not have finds them all.
        let catalog = Self.catalog([("Steel Chain", ""), ("Oak Chair", "")])
        #expect(Self.search(catalog, "chain").names == ["Steel Chain"])
        #expect(Self.search(catalog, "chair").names == ["Oak Chair"])
        #expect(Self.search(catalog, "chaim").names.sorted() == ["Oak Chair", "Steel Chain"])
    }

    // MARK: Ranking

    @Test func exactThenPrefixThenInfixThenTypo() {
        let catalog = Self.catalog([
            ("Lampshade Linen", "Woven."),
            ("Shades Deluxe", "Dark glass."),
            ("Parasol", "Gives shade on the terrace."),
            ("Garden Shade", "For summer."),
            ("Shadedrift Lamp", "A lamp."),
        ])
        // Exact in a name, exact in a description, then prefix, then inside a word.
        #expect(Self.search(catalog, "shade").names == [
            "Garden Shade", "Parasol", "Shadedrift Lamp", "Shades Deluxe", "Lampshade Linen",
        ])
        // "shaded" is no word of the catalog: the start of "Shadedrift", then one typo from
        // "shade" and "shades" (names before descriptions).
        let shaded = Self.search(catalog, "shaded")
        #expect(shaded.names == ["Shadedrift Lamp", "Garden Shade", "Shades Deluxe", "Parasol"])
        #expect(shaded.hits.map(\.matchedIn) == [[.name], [.name], [.name], [.description]])
    }

    @Test func theWeakestWordRanksAProduct() {
        let catalog = Self.catalog([("Oak Table", "Solid."), ("Oak Tables", "Solid."), ("Table", "Oak veneer.")])
        // Both words exact in the name; then exact but one in the description; then a prefix.
        #expect(Self.search(catalog, "oak table").names == ["Oak Table", "Table", "Oak Tables"])
    }

    @Test func otherSortsKeepEveryMatch() {
        let relevance = Self.search(Self.bundled, "leather")
        let byPrice = Self.search(Self.bundled, "leather", sort: .priceAscending)
        #expect(Set(relevance.names) == Set(byPrice.names) && relevance.total == byPrice.total)
        let prices = byPrice.hits.map(\.product.priceUsdCents)
        #expect(prices == prices.sorted())
    }

    @Test func pagesAddUpToTheWholeList() {
        let whole = Self.search(Self.bundled, "a")
        #expect(whole.total == whole.names.count && whole.total > 40)
        for size in [1, 7, 20] {
            var names: [String] = []
            var offset = 0
            while offset < whole.total {
                let page = Self.search(Self.bundled, "a", offset: offset, limit: size)
                #expect(page.total == whole.total)
                names += page.names
                offset += size
            }
            #expect(names == whole.names, "pages of \(size)")
        }
    }

    // MARK: Did you mean

    @Test func didYouMeanWhenNothingMatches() {
        #expect(Self.search(Self.bundled, "lamq").suggestion == "lamp")
        // The person's other words stay as typed.
        #expect(Self.search(Self.bundled, "Desk lamq").suggestion == "Desk lamp")
        #expect(Self.search(Self.bundled, "wrxstwtcxh").suggestion == "wristwatch")
        // A suggestion must find something with the same filters.
        #expect(Self.search(Self.bundled, "lamq", category: "toys").suggestion == nil)
        // Nothing close, every word known but not together, or something found: no suggestion.
        #expect(Self.search(Self.bundled, "zzzzzz").suggestion == nil)
        #expect(Self.search(Self.bundled, "knife skillet").suggestion == nil)
        #expect(Self.search(Self.bundled, "lamp").suggestion == nil)
        #expect(Self.search(Self.bundled, "20cn").suggestion == nil)
    }

    @Test func theSuggestionFindsWhatItPromises() {
        for query in ["lamq", "Desk lamq", "wrxstwtcxh", "skilet pann", "bakpacck"] {
            let found = Self.search(Self.bundled, query)
            if let suggestion = found.suggestion {
                #expect(Self.search(Self.bundled, suggestion).total > 0, "\(query) → \(suggestion)")
            }
        }
    }

    // MARK: Folding and words

    @Test func foldingAndWords() {
        #expect(SearchFolding.fold("Crème Brûlée") == "creme brulee")
        #expect(SearchFolding.fold("Straße ÆØ") == "strasse aeo")
        #expect(SearchFolding.fold("Ｆｕｌｌ ﬁne") == "full fine")
        #expect(SearchText.indexWords("Chef's Knife, 20-cm!") == ["chef", "s", "chefs", "knife", "20", "cm", "20cm"])
        #expect(SearchText.queryWords("  chef’s   knife ").map(\.word) == ["chefs", "knife"])
        // A run of symbols is a word as it is; one that folds to nothing is no word.
        #expect(SearchText.queryWords("— ¨").map(\.word) == ["—"])
    }

    @Test func typoDistance() {
        func distance(_ a: String, _ b: String, _ limit: Int = 3) -> Int? {
            TypoDistance.within(limit, TypoDistance.scalars(a), TypoDistance.scalars(b))
        }
        #expect(distance("wristwach", "wristwatch") == 1)
        #expect(distance("chiar", "chair") == 1)  // a swap is one typo
        #expect(distance("knjfw", "knife") == 2)
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("kitten", "sitting", 2) == nil)
        #expect(distance("", "ab") == 2)
        #expect(distance("crème", "creme") == 1)  // counted in scalars, not bytes
    }
}
