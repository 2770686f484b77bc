import TerminalUI

/// An aligned text table for people: columns as wide as their widest cell, the flexible column
/// cut (with an ellipsis) so that a row fits the width. Cells are sanitised: names come from the
/// network and must not reach the terminal as control sequences.
struct Table {
    struct Column {
        var title: String
        var alignment: TextAlignment = .left
        /// A column that gives up room when the row is too wide (e.g. a product name).
        var flexible = false
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) {
        self.columns = columns
    }

    mutating func add(_ cells: String...) {
        rows.append(cells)
    }

    func render(_ output: CLIOutput) -> String {
        let gap = 2
        var widths = columns.enumerated().map { index, column in
            rows.reduce(TextWidth.columns(of: column.title)) { max($0, TextWidth.columns(of: TextSanitizer.sanitizeLine($1[index]))) }
        }
        // Too wide: take a column at a time from the widest flexible column, down to 6.
        var excess = widths.reduce(0, +) + gap * max(columns.count - 1, 0) - output.width
        let flexible = columns.indices.filter { columns[$0].flexible }
        while excess > 0, let widest = flexible.filter({ widths[$0] > 6 }).max(by: { widths[$0] < widths[$1] }) {
            widths[widest] -= 1
            excess -= 1
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                TextWidth.fit(cell, toColumns: widths[index], alignment: columns[index].alignment)
            }.joined(separator: String(repeating: " ", count: gap)).trailingSpacesTrimmed
        }
        var lines = [output.bold(line(columns.map(\.title)))]
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}

/// `key: value` lines with the keys aligned, for one record (a product, an order).
struct Details {
    var pairs: [(String, String)] = []

    mutating func add(_ key: String, _ value: String?) {
        if let value { pairs.append((key, value)) }
    }

    func render(_ output: CLIOutput) -> String {
        let keyWidth = pairs.map { TextWidth.columns(of: $0.0) }.max() ?? 0
        let valueWidth = max(output.width - keyWidth - 2, 10)
        return pairs.map { key, value in
            output.bold(TextWidth.fit(key, toColumns: keyWidth)) + "  " + TextWidth.truncate(value, toColumns: valueWidth)
        }.joined(separator: "\n")
    }
}

extension String {
    var trailingSpacesTrimmed: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
