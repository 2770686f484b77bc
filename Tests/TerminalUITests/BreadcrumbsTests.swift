import Testing
import TerminalUI

/// The path of steps without Unicode: in words, shortened from the steps done when narrow.
@Suite struct BreadcrumbsTests {
    static let steps = ["Cart", "Address", "Shipping", "Payment", "Review"]

    static func row(current: Int, width: Int) -> String {
        var buffer = Buffer(size: Size(width: width, height: 1))
        Breadcrumbs(steps, current: current, unicode: false).render(into: &buffer, area: Rect(x: 0, y: 0, width: width, height: 1), theme: .default)
        return buffer.text(ofRow: 0).trimmingSuffixSpaces
    }

    @Test(arguments: [
        (0, 80, "Now: Cart > Address > Shipping > Payment > Review"),
        (3, 80, "Done: Cart, Address, Shipping > Now: Payment > Review"),
        (3, 45, "Done: ..., Shipping > Now: Payment > Review"),
        (3, 40, "Done: 3 steps > Now: Payment > Review"),
        // Nothing fits: the shortest form, so the current step and most of what comes show;
        // a step to come that does not fit whole is left out.
        (1, 40, "Done: 1 step > Now: Address > Shipping"),
        (5, 60, "Done: Cart, Address, Shipping, Payment, Review"),
    ])
    func saysWhatIsDoneNowAndToCome(current: Int, width: Int, expected: String) {
        #expect(Self.row(current: current, width: width) == expected)
    }

    @Test func unicodeKeepsItsTicks() {
        var buffer = Buffer(size: Size(width: 60, height: 1))
        Breadcrumbs(Self.steps, current: 2).render(into: &buffer, area: Rect(x: 0, y: 0, width: 60, height: 1), theme: .default)
        #expect(buffer.text(ofRow: 0).hasPrefix("✓ Cart › ✓ Address › Shipping › Payment › Review"))
    }
}

extension String {
    fileprivate var trimmingSuffixSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
