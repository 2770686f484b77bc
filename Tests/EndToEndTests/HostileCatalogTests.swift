import Foundation
import ShopTestSupport
import Testing

/// The built `shop` shows a catalog of hostile products (escape and OSC sequences, C1 controls,
/// bidi and invisible formatting, a 10,000-character name, huge descriptions, CJK and emoji)
/// served by `shop-mock-server --catalog Fixtures/hostile-catalog.json`, and tmux shows that
/// none of it reached the terminal: the pane title is unchanged, no paste buffer was set, no
/// escape character is on screen and every border stays in its column.
///
/// Part of the serialized `EndToEndTests`: the tmux waits block a thread of the test pool, so
/// end-to-end tests run one at a time and leave the other threads to the rest of the suite.
extension EndToEndTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/hostile-catalog.json")
    /// What the fixture's OSC 0/2 sequences would set the title to.
    static let hostileTitles = ["PWNED", "CAT-TITLE", "DESC-TITLE", "c1title"]

    @Test("Browse, open, search and add hostile products: the terminal is untouched and the layout holds",
          .enabled(if: Harness.missingPrerequisite == nil, "\(Harness.missingPrerequisite ?? "")"),
          .timeLimit(.minutes(3)))
    func hostileCatalog() async throws {
        try await offThePool {
            let harness = try Harness()
            defer { harness.tearDown() }
            let gatewayURL = try harness.startGateway(arguments: ["--catalog", Self.fixture.path])
            try harness.startShop(gateway: gatewayURL, acceptsClipboardWrites: true)
            #expect(try harness.display("#{set-clipboard}") == "on")
            try harness.waitForScreen(containing: "12 items")
            try harness.waitForScreen(containing: "Teapot")
            let titleAtStart = try harness.display("#{pane_title}")
            var screensChecked = 0

            func check(_ context: String) throws {
                try Self.checkScreen(try harness.paddedScreen(), width: 120, height: 40, context: context)
                screensChecked += 1
            }

            try check("browse")
            // Every product in turn: its detail (a long name, a huge description) loads beside the list.
            for index in 1...11 {
                harness.keys("j")
                try harness.waitForScreen(containing: "on hand")
                if index % 3 == 0 || index == 6 { try check("product \(index)") }
            }
            harness.keys("Enter")  // the details pane of the selected product
            try check("details")
            harness.keys("+")
            try harness.waitForScreen(containing: "cart 1")
            harness.keys("Escape")

            harness.keys("/")
            try harness.waitForScreen(containing: "Find:")
            harness.type("Teapot")
            try harness.waitForScreen(containing: "found")
            try check("search")
            harness.keys("Enter")  // open a hit
            try check("search hit")

            harness.keys("c")
            try harness.waitForScreen(containing: "Your cart")
            try harness.waitForScreen(containing: "Total")
            try check("cart")

            let title = try harness.display("#{pane_title}")
            for hostile in Self.hostileTitles { #expect(!title.contains(hostile), "the pane title became \(title)") }
            #expect(title == titleAtStart)
            #expect(try harness.pasteBuffers().isEmpty, "OSC 52 set a paste buffer")
            #expect(screensChecked >= 8)

            harness.keys("q")
            try harness.waitForExit()
        }
    }

    /// Every row at most `width` columns, nothing but printable text, and each panel's corners and sides
    /// in the columns of its top border.
    static func checkScreen(_ text: String, width: Int, height: Int, context: String) throws {
        var rows = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if rows.last == "" { rows.removeLast() }
        #expect(rows.count == height, "\(context): \(rows.count) rows")
        for (y, row) in rows.enumerated() {
            let bad = row.unicodeScalars.filter { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069].contains($0.value) }
            #expect(bad.isEmpty, "\(context) row \(y): \(bad.map { String(format: "U+%04X", $0.value) })")
            // tmux pads a row with the spaces the app wrote, not always to the full width.
            #expect(columns(of: row) <= width, "\(context) row \(y) is \(columns(of: row)) columns: \(row)")
        }
        // Panels: a top-left corner starts a box; its bottom-left is the first corner below it
        // in that column, and every row between has a side in the left and right columns.
        let grid = rows.map(cells)
        var boxes = 0
        for (y, row) in grid.enumerated() {
            for (x, cell) in row.enumerated() where cell == "╭" || cell == "┌" {
                guard let right = row[(x + 1)...].firstIndex(where: { $0 == "╮" || $0 == "┐" }),
                      let bottom = (y + 1..<grid.count).first(where: { x < grid[$0].count && (grid[$0][x] == "╰" || grid[$0][x] == "└") }) else {
                    Issue.record("\(context): the box at \(x),\(y) is not closed")
                    continue
                }
                for inner in y + 1..<bottom {
                    let sides = (x < grid[inner].count ? grid[inner][x] : "", right < grid[inner].count ? grid[inner][right] : "")
                    #expect(["│", "├"].contains(sides.0) && ["│", "┃", "┤"].contains(sides.1), "\(context): the box at \(x),\(y) is broken on row \(inner): \(rows[inner])")
                }
                #expect(right < grid[bottom].count && (grid[bottom][right] == "╯" || grid[bottom][right] == "┘"), "\(context): the box at \(x),\(y) has no bottom-right corner")
                boxes += 1
            }
        }
        #expect(boxes >= 1, "\(context): no panel on screen")
    }

    /// The row as terminal cells: a wide character fills its cell and an empty one after it.
    static func cells(_ row: String) -> [String] {
        var cells: [String] = []
        for scalar in row.unicodeScalars {
            let width = columns(of: scalar)
            if width == 0 { if !cells.isEmpty { cells[cells.count - 1].unicodeScalars.append(scalar) }; continue }
            cells.append(String(scalar))
            if width == 2 { cells.append("") }
        }
        return cells
    }

    static func columns(of row: String) -> Int { row.unicodeScalars.reduce(0) { $0 + columns(of: $1) } }

    /// Columns of one scalar as tmux lays it out (tmux draws a ZWJ sequence or a flag one scalar
    /// at a time), enough for the fixture's scripts: CJK, Hangul and emoji are wide.
    static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0xFE00...0xFE0F).contains(value) { return 0 }
        if (0x1F1E6...0x1F1FF).contains(value) { return 1 }  // a regional indicator alone, as tmux draws it
        if scalar.properties.isEmojiPresentation { return 2 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
