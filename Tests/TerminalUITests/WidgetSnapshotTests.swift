import Testing
import TerminalUI
import TerminalUITesting

/// Every widget pictured at a roomy and a cramped size, so both layout and clipping are seen.
@Suite struct WidgetSnapshotTests {
    let theme = Theme.default

    private func snapshot(
        _ widget: some Widget, sizes: [(Int, Int)], testName: String = #function, line: UInt = #line
    ) {
        for (width, height) in sizes {
            let buffer = Buffer.rendering(widget, width: width, height: height, theme: theme)
            assertScreen(buffer, named: "\(width)x\(height)", testName: testName, line: line)
        }
    }

    private static let products = ["Espresso cup", "抹茶 Matcha whisk", "Ramen bowl 🍜", "Café crème", "Tシャツ", "Hiking boots 🥾", "Notebook"]

    @Test func listView() {
        let list = ListView(count: Self.products.count, state: ListState(selected: 5)) { index in
            Line([Span(Self.products[index]), Span(" $\(index + 1).99", style: .foreground(.price))])
        }
        snapshot(list, sizes: [(30, 8), (14, 3)])
    }

    @Test func emptyListView() {
        snapshot(ListView(count: 0, state: ListState(), emptyText: "No products match") { _ in "" }, sizes: [(24, 2), (8, 1)])
    }

    @Test func table() {
        let table = Table(
            columns: [.init("Product", width: .fill()), .init("Qty", width: .fixed(3), alignment: .right), .init("Price", width: .fixed(8), alignment: .right)],
            rowCount: 4, state: ListState(selected: 1)
        ) { row, column in
            switch column {
            case 0: Span(Self.products[row])
            case 1: Span("\(row + 1)")
            default: Span("$\(row * 7 + 3).50", style: .foreground(.price))
            }
        }
        snapshot(table, sizes: [(36, 6), (20, 3)])
    }

    @Test func textInput() {
        var state = TextInputState(text: "ramen 🍜 bowl")
        _ = state.handle(.left)
        snapshot(TextInputView(state: state, placeholder: "Search"), sizes: [(24, 1), (8, 1)])
    }

    @Test func maskedTextInput() {
        snapshot(TextInputView(state: TextInputState(text: "hunter2"), isMasked: true), sizes: [(12, 1), (5, 1)])
    }

    @Test func placeholderTextInput() {
        snapshot(TextInputView(state: TextInputState(), placeholder: "Search products", isFocused: false), sizes: [(20, 1), (6, 1)])
    }

    @Test func tabs() {
        snapshot(Tabs(["Catalog", "Cart (2)", "Orders"], selected: 1), sizes: [(40, 1), (16, 1)])
    }

    @Test func breadcrumbs() {
        snapshot(Breadcrumbs(["Cart", "Address", "Shipping", "Payment", "Review"], current: 3), sizes: [(60, 1), (24, 1)])
    }

    @Test func panel() {
        snapshot(Panel(title: "Products", trailingTitle: "3 of 120", isFocused: true), sizes: [(30, 4), (9, 3)])
    }

    @Test func dialog() {
        let dialog = Dialog(
            title: "Place order", message: "Pay $42.50 with the card ending 4242?", buttons: ["Pay", "Cancel"], selectedButton: 0)
        snapshot(dialog, sizes: [(50, 9), (24, 8)])
    }

    @Test func spinner() {
        snapshot(Spinner(tick: 3, label: "Loading catalog"), sizes: [(20, 1), (6, 1)])
    }

    @Test func progressSteps() {
        let steps = ProgressSteps([
            .init("Placed", detail: "09:12", status: .done),
            .init("Paid", detail: "09:13", status: .done),
            .init("Shipped", detail: "in transit", status: .current),
            .init("Delivered", status: .pending),
        ])
        snapshot(steps, sizes: [(30, 7), (14, 4)])
    }

    @Test func failedProgressStep() {
        snapshot(ProgressSteps([.init("Placed", status: .done), .init("Payment declined", status: .failed)]), sizes: [(24, 3), (10, 2)])
    }

    @Test func statusBar() {
        snapshot(StatusBar(left: "ana@example.com", right: "Cart: 2 · $42.50"), sizes: [(40, 1), (16, 1)])
    }

    @Test func keyHints() {
        let hints = KeyHintsBar([
            KeyHint(keys: [.up, .down], "Move"), KeyHint(.enter, "Open"), KeyHint(.ctrl("c"), "Quit"), KeyHint(.function(1), "Help"),
        ])
        snapshot(hints, sizes: [(44, 1), (20, 1)])
    }

    @Test func textView() {
        let text = "A sturdy bowl for ramen 🍜 and udon.\n\nDishwasher safe. 食器洗い機対応。Made in Japan."
        snapshot(TextView(text, scrollOffset: 1, highlight: "bowl"), sizes: [(24, 4), (12, 3)])
    }

    @Test func banner() {
        snapshot(Banner("Payment declined: your card has insufficient funds.", kind: .error), sizes: [(60, 1), (20, 3)])
    }

    /// A whole screen composed of several widgets, as the app's views will be.
    @Test func composedScreen() {
        for (width, height) in [(60, 14), (32, 10)] {
            let buffer = Buffer.rendering(width: width, height: height, theme: theme) { buffer, area, theme in
                let rows = Layout.split(area, .vertical, [.fixed(1), .fill(), .fixed(1)])
                Tabs(["Catalog", "Cart", "Orders"], selected: 0).render(into: &buffer, area: rows[0], theme: theme)
                let panel = Panel(title: "Products", isFocused: true)
                panel.render(into: &buffer, area: rows[1], theme: theme)
                ListView(count: 100_000, state: ListState(selected: 99_999)) { Line("Item \($0 + 1)") }
                    .render(into: &buffer, area: panel.contentArea(for: rows[1]), theme: theme)
                KeyHintsBar([KeyHint(.up, "Up"), KeyHint(.down, "Down"), KeyHint(.character("q"), "Quit")])
                    .render(into: &buffer, area: rows[2], theme: theme)
            }
            assertScreen(buffer, named: "\(width)x\(height)")
        }
    }

    /// The same screen resolved to colours by two themes: what the theme-aware snapshot shows
    /// (dark reduced to the 256 palette; mono is what NO_COLOR gives).
    @Test func resolvedStyles() throws {
        for (themeName, capability) in [("dark", ColorCapability.palette256), ("mono", .none)] {
            let theme = try ThemeLoader.builtIn(named: themeName)
            let buffer = Buffer.rendering(width: 24, height: 3, theme: theme) { buffer, area, theme in
                StatusBar(left: "Cart", right: "$9.99").render(into: &buffer, area: area.row(0), theme: theme)
                buffer.write(Line([Span("Price ", style: .foreground(.muted)), Span("$9.99", style: .foreground(.price))]), x: 0, y: 1)
                buffer.write(Line([Span.badge("sold out", role: .stockOut)]), x: 0, y: 2)
            }
            assertScreen(buffer, named: themeName, resolvedWith: theme, capability: capability)
        }
    }
}
