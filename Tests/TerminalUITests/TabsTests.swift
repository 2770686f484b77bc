import Testing
import TerminalUI

@Suite struct TabsTests {
    /// Every column a tab's title (with its padding) is drawn in maps back to that tab; the
    /// separators and the space after the last tab map to none.
    @Test(arguments: [40, 20])
    func aColumnMapsToTheTabDrawnThere(width: Int) {
        let tabs = Tabs(["Profile", "Addresses", "Activity 活動"], selected: 0)
        let area = Rect(x: 2, y: 0, width: width, height: 1)
        var buffer = Buffer(size: Size(width: width + 4, height: 1))
        tabs.render(into: &buffer, area: area, theme: .default)
        let row = buffer.text(ofRow: 0)
        for x in 0..<(width + 4) {
            let expected: Int?
            if x < area.x || x >= area.maxX { expected = nil }
            else if x < 11 { expected = 0 }  // " Profile " at 2...10
            else if x == 11 { expected = nil }  // "│"
            else if x < 23 { expected = 1 }  // " Addresses " at 12...22
            else if x == 23 { expected = nil }
            else if x < 39 { expected = 2 }  // " Activity 活動 " at 24...38 (the CJK pair is 4 columns)
            else { expected = nil }
            #expect(tabs.index(atColumn: x, in: area) == expected, "column \(x) of \(row)")
        }
    }
}
