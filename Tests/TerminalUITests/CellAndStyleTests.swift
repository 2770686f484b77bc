import Testing

@testable import TerminalUI

@Suite struct CellAndStyleTests {
    @Test(arguments: ["a", " ", "é", "e\u{301}", "中", "🍜", "❤️", "🇯🇵", "👍🏽", "👨‍👩‍👧‍👦", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}"])
    func cellsKeepTheirGraphemeWhateverItsLength(symbol: String) {
        let cell = Cell(symbol, style: .foreground(.price))
        #expect(cell.symbol == symbol)
        #expect(Cell(symbol) == Cell(symbol))
        #expect(Cell(symbol) != Cell("x"))
        #expect(!cell.isContinuation)
    }

    @Test func cellsArePlainData() {
        #expect(MemoryLayout<Cell>.size <= 24)
        #expect(_isPOD(Cell.self))
        #expect(Cell.blank.symbol == " ")
    }

    @Test func everyPaintSurvivesPacking() {
        var paints: [Paint?] = [nil, .color(.terminalDefault), .color(.rgb(0x12, 0xAB, 0xFF)), .color(.rgb(0, 0, 0)), .color(.ansi(15)), .color(.indexed(255))]
        paints += ThemeRole.allCases.map { Paint.role($0) }
        for foreground in paints {
            for background in [nil, Paint.role(.selection), .color(.rgb(255, 255, 255))] {
                let style = Style(foreground: foreground, background: background, attributes: [.bold, .reverse])
                #expect(style.foreground == foreground)
                #expect(style.background == background)
                #expect(style.attributes == [.bold, .reverse])
            }
        }
        var style = Style.role(.price)
        style.background = nil
        style.attributes = .underline
        #expect(style == Style(foreground: .role(.price), attributes: .underline))
    }

    @Test func roleOrdinalsFollowAllCases() {
        for (index, role) in ThemeRole.allCases.enumerated() {
            #expect(Int(role.ordinal) == index)
        }
    }
}
