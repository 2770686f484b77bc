import Foundation
import ShopKit
import ShopTestSupport
import Testing
import TerminalUI
import TerminalUITesting
@testable import ShopApp

/// The runtime copies list rows that did not change from the last frame (``FrameMemory``).
/// A row copied when something it shows had changed would be a stale price or name on screen,
/// so random walks draw every frame both ways and compare what the terminal shows.
@Suite("Frames that copy unchanged rows show exactly what frames drawn whole show (Browse and Search)")
struct FrameMemoryWalkTests {
    static let keys: [Key] = [
        .up, .down, .down, .down, .up, .pageUp, .pageDown, .home, .end, .tab, .backTab, .left, .right, .enter, .escape, .backspace,
    ] + "jjjkk?:+-1bB/".map { Key.character($0) }
    /// In the search results: moving, editing the query, the filters.
    static let searchKeys: [Key] = [.up, .down, .down, .down, .pageDown, .pageUp, .home, .end, .tab, .backTab, .backspace]
        + "o2 ".map { Key.character($0) }

    static let sizes = [Size(width: 60, height: 20), Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]

    /// A catalog long enough to scroll at 200x60, with accents, wide names, low and no stock.
    static let catalog: [ProductSummary] = (0..<240).map { index in
        let name = switch index % 6 {
        case 0: "Crème brûlée torch \(index)"
        case 1: "茶碗 tea bowl \(index)"
        case 2: "A product with a rather long name that gets cut at every width \(index)"
        default: "Product \(index)"
        }
        return Fixtures.product("g\(index)", name, Int64(100 + index * 37), stock: [0, 3, 40][index % 3],
                                category: index % 2 == 0 ? "kitchen" : "outdoors", rating: Double(index % 50) / 10)
    }

    /// The gateway's answers: the long catalog, and for everything else the reducer fuzz's fake shop.
    static func answer(_ effect: Effect, shop: inout ReducerFuzzTests.FakeShop, generator: inout SplitMix64) -> Action? {
        switch effect {
        case .loadProducts(_, _, _, let generation):
            // Now and then a product's price and stock change between two loads.
            var items = catalog
            let changed = Int.random(in: 0..<items.count, using: &generator)
            items[changed].price = Fixtures.usd(Int64.random(in: 1...99_999, using: &generator))
            items[changed].stock = 1
            items[changed].availability = .lowStock
            return .productsLoaded(generation: generation, .success(Page(items: items, nextCursor: nil)))
        case .loadProduct(let id, _):
            guard let summary = catalog.first(where: { $0.id == id }) else { return nil }
            return .productLoaded(id: id, .success(Fixtures.detail(summary)))
        case .search(let query, let generation):
            let words = query.text.lowercased().split(separator: " ")
            let hits = catalog.filter { product in words.allSatisfy { product.name.lowercased().contains($0) } }
                .map { SearchHit(product: $0, matchedIn: Int.random(in: 0..<4, using: &generator) == 0 ? [.description] : [.name]) }
            return .searchLoaded(generation: generation, .success(SearchResults(hits: hits, total: hits.count)))
        case .startTimer(let timer, _):
            return .timerFired(timer)
        default:
            return shop.answer(effect)
        }
    }

    @Test("100 random walks of 40 steps: keys, resizes, reloads, ticks; in UTF-8 and in ASCII")
    func randomWalks() {
        var generator = SplitMix64(seed: 0x0013_0008)
        var compared = 0, copiedRegions = 0, searchFrames = 0
        for walk in 0..<100 {
            let capabilities = walk % 3 == 2 ? EverySizeTests.ascii : .full
            var state = Fixtures.browsing(width: Self.sizes[walk % 4].width, height: Self.sizes[walk % 4].height)
            state.capabilities = capabilities
            var shop = ReducerFuzzTests.FakeShop(lines: ["p1": 2, "p4": 1])
            _ = reduce(&state, .productsLoaded(generation: state.browse.listingGeneration, .success(Page(items: Self.catalog, nextCursor: nil))))
            let remembering = TestBackend(size: state.size, capabilities: capabilities)
            let whole = TestBackend(size: state.size, capabilities: capabilities)
            let rememberingTerminal = Terminal(backend: remembering, theme: .default)
            let wholeTerminal = Terminal(backend: whole, theme: .default)
            // Every other walk searches: "pro" finds about half of the catalog.
            let searches = walk % 2 == 1
            var script: [Action] = searches ? "/pro".map { .key(.character($0)) } : []
            for step in 0..<40 {
                let roll = Int.random(in: 0..<100, using: &generator)
                let action: Action = if !script.isEmpty {
                    script.removeFirst()
                } else if roll < 5 {
                    .resize(Self.sizes.randomElement(using: &generator)!)
                } else if roll < 10 {
                    .tick(state.now.addingTimeInterval(Double.random(in: 0...3, using: &generator)))
                } else if roll < 14 {
                    .productsLoaded(generation: state.browse.listingGeneration,
                                    .success(Page(items: Self.catalog.shuffled(using: &generator), nextCursor: nil)))
                } else {
                    .key((searches ? Self.searchKeys : Self.keys).randomElement(using: &generator)!)
                }
                if case .resize(let size) = action {
                    remembering.resize(to: size)
                    whole.resize(to: size)
                }
                var pending = reduce(&state, action)
                for _ in 0..<8 where !pending.isEmpty {
                    let effects = pending
                    pending = []
                    for effect in effects {
                        if let answer = Self.answer(effect, shop: &shop, generator: &generator) { pending += reduce(&state, answer) }
                    }
                }
                guard state.isRunning else { break }

                var layout = ScreenLayout.none
                rememberingTerminal.draw(size: state.size) { buffer, memory in
                    AppView.render(state, into: &buffer, theme: .default, layout: &layout, memory: &memory)
                }
                var wholeLayout = ScreenLayout(size: state.size)
                wholeTerminal.draw(AppView.render(state, size: state.size, theme: .default, layout: &wholeLayout))
                state.layout = layout
                copiedRegions += rememberingTerminal.lastCopiedRegionCount
                if state.screen == .search && !state.search.hits.isEmpty { searchFrames += 1 }
                compared += 1
                let context = "walk \(walk) step \(step) after \(action) at \(state.size) on \(state.screen)"
                #expect(layout == wholeLayout, "\(context): the layouts differ")
                guard remembering.symbols == whole.symbols, remembering.styles == whole.styles else {
                    Issue.record("\(context):\nremembering\n\(remembering.lines.joined(separator: "\n"))\nwhole\n\(whole.lines.joined(separator: "\n"))")
                    return
                }
            }
        }
        print("frame memory walk: \(compared) frames compared, \(searchFrames) of them search results, \(copiedRegions) rows copied")
        #expect(compared > 2000)
        #expect(searchFrames > 200, "the walk showed search results")
        #expect(copiedRegions > compared * 5, "the walk copied rows")
    }
}
