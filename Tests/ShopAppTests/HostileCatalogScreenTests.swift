import Foundation
import ShopKit
import ShopTestSupport
import Testing
import TerminalUI
@testable import ShopApp

/// Issue 6, item 7 (client half): the hostile catalog fixture (Tests/Fixtures/hostile-catalog.json,
/// served verbatim by the gateway) drawn by the app's views: no cell may hold a control
/// character, an escape, a bidi override or other invisible formatting, at any size.
@Suite("Hostile catalog on screen")
struct HostileCatalogScreenTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile-catalog.json")

    /// The fixture's products as the gateway would describe them.
    static func products() throws -> [(ProductSummary, Product)] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: fixture)) as? [String: Any] ?? [:]
        return (object["products"] as? [[String: Any]] ?? []).map { entry in
            let stock = entry["stock"] as? Int ?? 0
            let availability: Availability = stock == 0 ? .outOfStock : stock <= 5 ? .lowStock : .inStock
            let price = Money(amount: Int64(entry["priceUsd"] as? Int ?? 0), currency: .usd)
            let summary = ProductSummary(
                id: entry["id"] as? String ?? "", code: entry["code"] as? String ?? "", name: entry["name"] as? String ?? "",
                category: entry["category"] as? String ?? "", price: price, rating: entry["rating"] as? Double ?? 0,
                ratingCount: entry["ratingCount"] as? Int ?? 0, stock: stock, availability: availability)
            let detail = Product(
                id: summary.id, code: summary.code, name: summary.name, description: entry["description"] as? String ?? "",
                category: summary.category, price: price, rating: summary.rating, ratingCount: summary.ratingCount,
                stock: stock, availability: availability, updatedAt: Fixtures.now)
            return (summary, detail)
        }
    }

    /// Scalars that must never reach a cell.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0, DEL, C1 (ESC, CSI, OSC, DCS, ST, NEL…)
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true  // bidi marks, overrides, isolates
        case 0x2028, 0x2029, 0xFEFF, 0x2060, 0x00AD, 0x180E: true  // separators, BOM, word joiner, soft hyphen
        default: false
        }
    }

    @Test func everyHostileProductIsDrawnWithoutControlsOrInvisibleFormatting() async throws {
        // Hundreds of whole screens: off the cooperative pool and at the lowest priority, so the
        // suites beside it (in-process gateways, 100 runtimes) keep the pool (see ManyRuntimesTests).
        try await inTheBackground {
            let products = try Self.products()
            #expect(products.count >= 20)
            var problems: [String] = []
            var screens = 0
            for (width, height) in [(80, 24), (120, 40), (200, 60), (60, 20)] {
                var state = Fixtures.state(width: width, height: height)
                _ = reduce(&state, .start)
                _ = reduce(&state, .sessionLoaded(.success(Fixtures.guest)))
                _ = reduce(&state, .categoriesLoaded(.success([
                    ShopKit.Category(id: "hostile", name: "\u{1B}[5mBlinking\u{1B}[0m Deals \u{202E}esrever\u{202C}", productCount: 24),
                ])))
                _ = reduce(&state, .productsLoaded(generation: 0, .success(Page(items: products.map(\.0), nextCursor: nil))))
                for (index, (summary, detail)) in products.enumerated() {
                    await Task.yield()  // do not hold a cooperative thread for the whole scan
                    if index > 0 { _ = reduce(&state, .key(.down)) }
                    _ = reduce(&state, .productLoaded(id: summary.id, .success(detail)))
                    let lines = [CartLine(productID: summary.id, name: summary.name, unitPrice: summary.price, quantity: 1,
                                          lineTotal: summary.price, stock: summary.stock, availability: summary.availability)]
                    _ = reduce(&state, .cartLoaded(.success(Cart(lines: lines, itemCount: 1, subtotal: summary.price))))
                    for screen in ["b", "c"] {
                        _ = reduce(&state, .key(.character(Character(screen))))
                        let buffer = AppView.render(state, size: state.size, theme: .default)
                        screens += 1
                        if summary.id == "h001-csi-colour", screen == "b" {
                            // The hostile text is really on screen, only without its escapes.
                            #expect((0..<buffer.height).contains { buffer.text(ofRow: $0).contains("RED ALERT") })
                        }
                        for y in 0..<buffer.height {
                            for x in 0..<buffer.width where !buffer[x, y].isContinuation {
                                let symbol = buffer[x, y].symbol
                                if let bad = symbol.unicodeScalars.first(where: Self.isForbidden) {
                                    problems.append("\(summary.id) on \(screen) at \(width)x\(height) (\(x),\(y)): U+\(String(bad.value, radix: 16))")
                                }
                            }
                        }
                    }
                    _ = reduce(&state, .key(.character("b")))
                }
            }
            #expect(problems.isEmpty, "\(problems.count) cells: \(problems.prefix(10))")
            print("hostile catalog on screen: \(products.count) products on browse and cart at 4 sizes, \(screens) screens scanned cell by cell, \(problems.count) forbidden characters")
        }
    }
}
