import Foundation
import ShopKit
import TerminalUI

/// The search pane: the query, filters and sort, and the results with the match highlighted.
enum SearchView {
    static func render(_ state: AppState, area: Rect, into buffer: inout Buffer, layout: inout ScreenLayout,
                       memory: inout FrameMemory, theme: Theme) {
        let search = state.search
        let panel = Panel(title: "Search", trailingTitle: trailing(state), isFocused: true)
        panel.render(into: &buffer, area: area, theme: theme)
        let inside = panel.contentArea(for: area).inset(horizontal: 1)
        guard inside.height >= 4 else { return }
        let labelWidth = buffer.write("Find: ", x: inside.x, y: inside.y, style: .foreground(.accent, .bold))
        layout.add(inside.row(0), .searchQuery)
        TextInputView(state: search.query, placeholder: "type to search names, descriptions, categories", isFocused: search.focus == .query && state.overlay == nil)
            .render(into: &buffer, area: Rect(x: inside.x + labelWidth, y: inside.y, width: inside.width - labelWidth, height: 1), theme: theme)
        let category = search.categoryID.map { BrowseView.categoryName(state, id: $0) } ?? "all"
        let filters = Line([
            Span("category ", style: .foreground(.muted)), Span(category, style: .foreground(.accent)),
            Span("  in stock only ", style: .foreground(.muted)), Span(search.inStockOnly ? "yes" : "no", style: .foreground(.accent)),
            Span("  sort ", style: .foreground(.muted)), Span(search.sort.label, style: .foreground(.accent)),
        ])
        buffer.write(filters, x: inside.x, y: inside.y + 1, maxWidth: inside.width)
        let results = Rect(x: inside.x, y: inside.y + 3, width: inside.width, height: inside.height - 3)
        let hits = search.hits
        if hits.isEmpty {
            let message: (String, ThemeRole)
            if let failure = search.results.failure { message = ("✖ \(failure)", .error) }
            else if search.results.isLoading { message = ("\(Format.spinner(state.spinnerTick)) Searching…", .muted) }
            else if search.query.text.trimmingCharacters(in: .whitespaces).isEmpty { message = ("Start typing to search the catalog.", .muted) }
            else if let suggestion = search.results.value?.suggestion {
                message = ("Nothing matches “\(search.shownQuery)”. Did you mean “\(suggestion)”? Enter searches for it.", .accent)
            }
            else { message = ("Nothing matches “\(search.shownQuery)”. Try fewer words or other filters.", .muted) }
            buffer.writeWrapped(message.0, in: results, style: .foreground(message.1))
            return
        }
        let width = results.width - 3
        // As wide as the longest category shown (8 to 18 columns): at 60 columns a fixed sixth
        // of the row cut "Accessories" to "Accesso…" with blank columns after it.
        let shownHits = search.list.visibleRange(count: hits.count, visibleRows: results.height).map { hits[$0] }
        let categoryWidth = min(18, max(8, shownHits.map { TextWidth.columns(of: BrowseView.categoryName(state, id: $0.product.category)) }.max() ?? 0))
        // "in description" only where a shown hit matched outside its name, and only when wide:
        // an empty column took 16 columns from the names.
        let matchWidth = width >= 70 && shownHits.contains { !matchedIn($0).isEmpty } ? 15 : 0
        let list = ListView(count: hits.count, state: search.list) { row in
            hitLine(hits[row], query: search.shownQuery, state: state, width: width, categoryWidth: categoryWidth, matchWidth: matchWidth)
        }
        list.render(into: &buffer, area: results, theme: theme, memory: &memory, region: LayoutList.searchResults.hashValue) { row in
            var inputs = Hasher()
            inputs.combine(hits[row])
            inputs.combine(search.shownQuery)
            inputs.combine(BrowseView.categoryName(state, id: hits[row].product.category))
            inputs.combine(width)
            inputs.combine(categoryWidth)
            inputs.combine(matchWidth)
            return inputs.finalize()
        }
        layout.publish(.searchResults, list.geometry(in: results))
    }

    private static func trailing(_ state: AppState) -> String {
        if state.search.results.isLoading { return "\(Format.spinner(state.spinnerTick)) searching" }
        guard let results = state.search.results.value else { return "" }
        if state.search.isLoadingMore { return "\(Format.spinner(state.spinnerTick)) \(results.hits.count) of \(results.total) found" }
        if let failure = state.search.moreError { return "✖ more: \(failure)" }
        if results.nextCursor != nil { return "\(results.hits.count) of \(results.total) found" }
        return "\(results.total) found"
    }

    /// The name with the matched part highlighted, then price, category, where it matched and stock.
    /// Where a hit matched when not in its name ("in description"), else "".
    static func matchedIn(_ hit: SearchHit) -> String {
        hit.matchedIn.first.map { $0 == .name ? "" : "in \($0.rawValue)" } ?? ""
    }

    static func hitLine(_ hit: SearchHit, query: String, state: AppState, width: Int, categoryWidth: Int, matchWidth: Int) -> Line {
        let product = hit.product
        let isOut = product.availability == .outOfStock
        let badge = isOut ? "out" : product.availability == .lowStock ? "low \(product.stock)" : ""
        let matched = matchedIn(hit)
        let priceWidth = 10, badgeWidth = 7
        let nameWidth = max(4, width - priceWidth - categoryWidth - (matchWidth > 0 ? matchWidth + 1 : 0) - badgeWidth - 2)
        // What the gateway matched, typos included, on the name as shown (cut or not).
        let name = SearchMatchHighlight.line(product.name, toColumns: nameWidth, query: query, style: isOut ? .foreground(.disabled) : .plain)
        var spans = name.spans
        spans.append(Span(String(repeating: " ", count: max(0, nameWidth - name.width))))
        spans.append(Span(TextWidth.fit(Format.money(product.price), toColumns: priceWidth, alignment: .right), style: .foreground(isOut ? .disabled : .price)))
        spans.append(Span(" " + TextWidth.fit(BrowseView.categoryName(state, id: product.category), toColumns: categoryWidth), style: .foreground(.muted)))
        if matchWidth > 0 { spans.append(Span(" " + TextWidth.fit(matched, toColumns: matchWidth), style: .foreground(.muted))) }
        spans.append(Span(" " + TextWidth.fit(badge, toColumns: badgeWidth), style: .foreground(isOut ? .stockOut : .stockLow)))
        return Line(spans)
    }
}
