import Testing
import TerminalUI

@Suite struct LayoutTests {
    let area = Rect(x: 0, y: 0, width: 100, height: 20)

    @Test func fixedAndFill() {
        let rows = Layout.split(area, .vertical, [.fixed(1), .fill(), .fixed(2)])
        #expect(rows.map(\.height) == [1, 17, 2])
        #expect(rows.map(\.y) == [0, 1, 18])
        #expect(rows.allSatisfy { $0.width == 100 && $0.x == 0 })
    }

    @Test func percentagesAndWeightedFill() {
        let columns = Layout.split(area, .horizontal, [.percentage(30), .fill(2), .fill(1)])
        #expect(columns.map(\.width) == [30, 47, 23])
        #expect(columns.map(\.x) == [0, 30, 77])
    }

    @Test func minimumsGrowWhenNothingFills() {
        #expect(Layout.lengths(for: [.min(10), .fixed(5), .min(10)], available: 45) == [20, 5, 20])
        #expect(Layout.lengths(for: [.min(10), .fill()], available: 45) == [10, 35])
    }

    @Test func spacingIsLeftBetweenParts() {
        let columns = Layout.split(Rect(x: 2, y: 0, width: 20, height: 1), .horizontal, [.fill(), .fixed(4), .fill()], spacing: 2)
        #expect(columns.map(\.width) == [6, 4, 6])
        #expect(columns.map(\.x) == [2, 10, 16])
    }

    @Test func tooSmallAreasShrinkTheLastPartsFirst() {
        #expect(Layout.lengths(for: [.fixed(3), .fixed(5), .min(4)], available: 6) == [3, 3, 0])
        #expect(Layout.lengths(for: [.fixed(3), .fill()], available: 0) == [0, 0])
        #expect(Layout.split(Rect(x: 0, y: 0, width: 0, height: 0), .vertical, [.fill()]) == [Rect(x: 0, y: 0, width: 0, height: 0)])
    }

    @Test func rectHelpers() {
        let rect = Rect(x: 2, y: 3, width: 10, height: 6)
        #expect(rect.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 4))
        #expect(rect.inset(by: 10).isEmpty)
        #expect(rect.centered(width: 4, height: 2) == Rect(x: 5, y: 5, width: 4, height: 2))
        #expect(rect.intersection(Rect(x: 0, y: 0, width: 5, height: 5)) == Rect(x: 2, y: 3, width: 3, height: 2))
        #expect(rect.splitTop(2).rest == Rect(x: 2, y: 5, width: 10, height: 4))
        #expect(rect.splitBottom(1).bottom == Rect(x: 2, y: 8, width: 10, height: 1))
        #expect(rect.contains(Position(x: 11, y: 8)) && !rect.contains(Position(x: 12, y: 8)))
    }
}

/// The sizing helpers the app uses to lay widgets out before drawing them.
@Suite struct WidgetSizingTests {
    @Test func dialogFramesFitTheirMessage() {
        let dialog = Dialog(title: "Remove", message: "Remove the espresso cup from your cart?", buttons: ["Remove", "Keep"])
        let frame = dialog.frame(in: Rect(x: 0, y: 0, width: 80, height: 24))
        #expect(frame.width == 56 && frame.height == 5)
        #expect(frame.x == 12 && frame.y == 9)
        #expect(dialog.frame(in: Rect(x: 0, y: 0, width: 30, height: 24)).height == 6)  // wraps to two lines
    }

    @Test func bannerHeightFollowsTheWrappedMessage() {
        let banner = Banner("Your card was declined: insufficient funds.", kind: .error)
        #expect(banner.height(forWidth: 80) == 1)
        #expect(banner.height(forWidth: 20) == 4)  // "Your card was" · "declined:" · "insufficient" · "funds."
    }

    @Test func textViewScrollStopsAtTheEnd() {
        let view = TextView((1...10).map { "line \($0)" }.joined(separator: "\n"))
        let area = Rect(x: 0, y: 0, width: 20, height: 4)
        #expect(view.maxScrollOffset(in: area) == 6)
        var scrolledPast = view
        scrolledPast.scrollOffset = 99
        let buffer = Buffer.rendering(scrolledPast, width: 20, height: 4)
        #expect(buffer.text(ofRow: 3).hasPrefix("line 10"))
    }
}
