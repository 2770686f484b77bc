import Foundation
import ShopKit
import Testing
@testable import TerminalUI
@testable import ShopApp

/// Checks a rendered screen for the defects a person notices at once: a word cut without "…",
/// an error message that cannot be read whole, a footer or on-screen hint naming a key that
/// does nothing here, a search match that cannot be told from its background or the selection.
///
/// ScreenSnapshotTests runs it over every state it pictures, at every lint size and theme.
enum LayoutLint {
    static let sizes = [(60, 20), (80, 24), (120, 40), (250, 70)]
    static var themes: [Theme] { ThemeLoader.builtInNames().compactMap { try? ThemeLoader.builtIn(named: $0) } }

    /// The problems of `buffer`, the picture of `state`; empty when it is clean.
    static func problems(_ state: AppState, _ buffer: Buffer) -> [String] {
        if state.isTooSmall { return cutWords(buffer) }
        var problems = cutWords(buffer)
        if state.overlay == nil {
            problems += hiddenErrors(state, buffer)
            problems += wrongKeys(state, buffer)
        }
        return problems
    }

    /// Renders `build` at every lint size and theme and records every problem found.
    static func expectClean(_ name: String, sourceLocation: SourceLocation = #_sourceLocation, _ build: (Int, Int) -> AppState) {
        for (width, height) in sizes {
            let state = build(width, height)
            for theme in themes {
                let recorder = BufferWriteRecorder()
                let buffer = BufferWriteRecorder.$current.withValue(recorder) {
                    AppView.render(state, size: Size(width: width, height: height), theme: theme)
                }
                var found = problems(state, buffer)
                // Under a dialog, text is hidden, not cut (see isLeftSide).
                if state.overlay == nil { found += coveredWords(recorder.writes, buffer) }
                #expect(found.isEmpty, "\(name) at \(width)x\(height) in \(theme.name):\n\(found.joined(separator: "\n"))\n\(picture(buffer))",
                        sourceLocation: sourceLocation)
                if !found.isEmpty { return }  // one picture of a broken state is enough
            }
        }
    }

    static func picture(_ buffer: Buffer) -> String {
        (0..<buffer.height).map { "|" + buffer.text(ofRow: $0) + "|" }.joined(separator: "\n")
    }

    // MARK: Cut words

    private static let borders: Set<String> = ["│", "┃", "║", "|"]

    /// A letter right against a panel's side or the screen's edge was cut there: text inside a
    /// panel keeps a column of padding, and cut text ends in "…".
    static func cutWords(_ buffer: Buffer) -> [String] {
        var problems: [String] = []
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let symbol = buffer[x, y].symbol
                guard let scalar = symbol.unicodeScalars.first, symbol.unicodeScalars.count == 1,
                      CharacterSet.letters.contains(scalar) else { continue }
                let atEdge = x == buffer.width - 1
                let againstBorder = x + 1 < buffer.width && borders.contains(buffer[x + 1, y].symbol)
                    && x > 0 && buffer[x - 1, y].symbol.unicodeScalars.allSatisfy { CharacterSet.letters.contains($0) }
                    && !isLeftSide(column: x + 1, row: y, of: buffer)
                if atEdge || againstBorder {
                    problems.append("row \(y): a word cut without an ellipsis at column \(x): \"\(buffer.text(ofRow: y).trimmingCharacters(in: .whitespaces))\"")
                    break
                }
            }
        }
        return problems
    }

    /// A word a later write covered in part: what is left of it reads as a whole word
    /// ("Enter to ch $5"), wherever it is on the screen, not only at a border. A word covered
    /// whole is hidden, not cut; a cover that starts with "…" says the cut is there.
    static func coveredWords(_ writes: [BufferWriteRecorder.Write], _ buffer: Buffer) -> [String] {
        var problems: [String] = []
        for write in writes {
            let symbols = write.symbols
            var start = 0
            while start < symbols.count {
                guard isWordSymbol(symbols[start]) else { start += 1; continue }
                var end = start + 1
                // A wide letter's covered half ("") belongs to its word.
                while end < symbols.count, isWordSymbol(symbols[end]) || symbols[end].isEmpty { end += 1 }
                let shown = (start..<end).map { buffer[write.x + $0, write.y].symbol == symbols[$0] }
                if shown.contains(true), let hidden = shown.firstIndex(of: false),
                   buffer[write.x + start + hidden, write.y].symbol != "…"
                {
                    let word = symbols[start..<end].joined()
                    problems.append("row \(write.y): \"\(word)\" at column \(write.x + start) is partly covered by a later write: \"\(buffer.text(ofRow: write.y).trimmingCharacters(in: .whitespaces))\"")
                }
                start = end
            }
        }
        return problems
    }

    private static func isWordSymbol(_ symbol: String) -> Bool {
        guard let scalar = symbol.unicodeScalars.first, symbol.unicodeScalars.count == 1 else { return false }
        return CharacterSet.alphanumerics.contains(scalar)
    }

    /// The border at (column, row) is the left side of a box, which covers what is under it (a
    /// dialog over a list): text there is hidden, not cut.
    private static func isLeftSide(column x: Int, row y: Int, of buffer: Buffer) -> Bool {
        var row = y - 1
        while row >= 0, borders.contains(buffer[x, row].symbol) { row -= 1 }
        return row >= 0 && ["╭", "┌", "╔", "┏", "+"].contains(buffer[x, row].symbol)
    }

    // MARK: Errors

    /// The error messages the state says are on screen.
    static func errors(_ state: AppState) -> [String] {
        var errors: [String] = []
        switch state.screen {
        case .checkout:
            guard let checkout = state.checkout else { break }
            if let message = checkout.stepMessage { errors.append(message) }
            switch checkout.step {
            case .contact: errors += [checkout.emailError].compactMap { $0 }
            case .address where checkout.isEditingNewAddress:
                // The form scrolls to the focused field: that one's error must be whole.
                errors += [checkout.addressForm.errors[checkout.addressForm.focus]].compactMap { $0 }
            case .payment: errors += checkout.card.errors.values.sorted()
            default: break
            }
        case .account:
            if !state.isSignedIn, let error = state.account.formError { errors.append(error) }
        default:
            break
        }
        return errors
    }

    /// Every error must be readable whole: its words in order, wrapped onto rows that start
    /// where its first row starts.
    static func hiddenErrors(_ state: AppState, _ buffer: Buffer) -> [String] {
        errors(state).filter { !isShownWhole($0, in: buffer) }.map { "error not fully visible: \"\($0)\"" }
    }

    static func isShownWhole(_ message: String, in buffer: Buffer) -> Bool {
        let words = message.split(separator: " ").map(String.init)
        guard let first = words.first else { return true }
        let rows = (0..<buffer.height).map { y in (0..<buffer.width).map { buffer[$0, y].symbol } }
        for y in rows.indices {
            let text = rows[y].joined()
            var searchStart = text.startIndex
            while let range = text.range(of: first, range: searchStart..<text.endIndex) {
                searchStart = range.upperBound
                let startColumn = columnIndex(of: range.lowerBound, in: rows[y])
                if follows(words, rows: rows, row: y, column: startColumn) { return true }
            }
        }
        return false
    }

    /// The cell column where the string index `index` of the row's joined text falls.
    private static func columnIndex(of index: String.Index, in row: [String]) -> Int {
        let text = row.joined()
        let offset = text.distance(from: text.startIndex, to: index)
        var count = 0
        for (column, symbol) in row.enumerated() {
            if count >= offset { return column }
            count += symbol.count
        }
        return row.count
    }

    /// The words read from (row, column) on, continuing at the same left edge on the next rows.
    private static func follows(_ words: [String], rows: [[String]], row: Int, column: Int) -> Bool {
        // The left edge of the text block: back over the prefix ("✖ ") on the first row.
        var left = column
        if left >= 2, rows[row][left - 1] == " ", rows[row][left - 2] == "✖" { left -= 2 }
        var remaining = words[...]
        var y = row
        var x = column
        while y < rows.count {
            var line = ""
            var cursor = x
            while cursor < rows[y].count, !borders.contains(rows[y][cursor]) {
                // Two spaces end the text (another column of content may follow).
                if rows[y][cursor] == " ", cursor + 1 < rows[y].count, rows[y][cursor + 1] == " " { break }
                line += rows[y][cursor]
                cursor += 1
            }
            let shown = line.split(separator: " ").map(String.init)
            if shown.isEmpty { return false }
            for word in shown {
                guard let next = remaining.first else { return true }
                guard word == next else { return false }
                remaining = remaining.dropFirst()
            }
            if remaining.isEmpty { return true }
            y += 1
            x = left
            while x < rows[min(y, rows.count - 1)].count, y < rows.count, rows[y][x] == " " { x += 1 }
        }
        return remaining.isEmpty
    }

    // MARK: Keys

    /// Every key the keymap knows, by the name the screen shows for it.
    static let keysByName: [String: Key] = {
        var keys: [String: Key] = [:]
        for binding in Keymap.bindings {
            for key in binding.keys { keys[key.displayName] = key }
        }
        return keys
    }()

    /// Footer hints and advice ("Enter to …", "Press a …", "x delete · e edit") must name keys
    /// that do something here.
    static func wrongKeys(_ state: AppState, _ buffer: Buffer) -> [String] {
        let context = state.keyContext
        var problems: [String] = []
        func check(_ name: Substring, where place: String) {
            guard let key = keysByName[String(name)] else { return }
            if Keymap.command(for: key, in: context) == nil {
                problems.append("\(place) offers \(name), which does nothing here (\(context.scope), typing: \(context.typing))")
            }
        }
        // The footer: "KEY label" hints two spaces apart.
        let footer = buffer.text(ofRow: buffer.height - 2)
        for hint in footer.components(separatedBy: "  ") where !hint.trimmingCharacters(in: .whitespaces).isEmpty {
            let trimmed = hint.trimmingCharacters(in: .whitespaces)
            if let name = trimmed.split(separator: " ").first { check(name, where: "the footer") }
        }
        // The screen: named keys followed by what they do, "Press X", and "X word" hints in a
        // " · " list.
        let named = ["Enter", "Esc", "Tab", "Shift-Tab", "PgUp", "PgDn", "Home", "End", "Del"] + (0..<26).map { "Ctrl-" + String(UnicodeScalar(65 + $0)!) }
        for y in 1..<(buffer.height - 2) {
            let row = buffer.text(ofRow: y)
            for name in named {
                var start = row.startIndex
                while let range = row.range(of: name + " ", range: start..<row.endIndex) {
                    start = range.upperBound
                    let before = range.lowerBound == row.startIndex ? " " : row[row.index(before: range.lowerBound)]
                    let after = row[range.upperBound...].first
                    guard !before.isLetter, before != "-", let after, after.isLowercase else { continue }
                    check(Substring(name), where: "row \(y)")
                }
            }
            for match in row.matches(of: #/Press (\S+) /#) { check(match.output.1, where: "row \(y)") }
            guard row.contains(" · ") else { continue }
            for segment in row.components(separatedBy: " · ") {
                // The hint's key opens the segment: "x delete", "v invoice".
                let trimmed = segment.trimmingCharacters(in: CharacterSet(charactersIn: " │┃║|(…"))
                let parts = trimmed.split(separator: " ", maxSplits: 1)
                guard parts.count == 2, parts[0].count == 1, let word = parts[1].first, word.isLowercase else { continue }
                check(parts[0], where: "row \(y)")
            }
        }
        return problems
    }

    // MARK: Highlight

    /// How far apart two resolved styles look: attributes, or background colours far enough
    /// apart to see (the light theme's match was 230 on 231).
    static func distinguishable(_ a: ResolvedStyle, _ b: ResolvedStyle) -> Bool {
        if a.attributes != b.attributes { return true }
        guard let first = rgb(a.background), let second = rgb(b.background) else { return a.background != b.background }
        let difference = max(abs(Int(first.0) - Int(second.0)), abs(Int(first.1) - Int(second.1)), abs(Int(first.2) - Int(second.2)))
        return difference >= 48
    }

    static func rgb(_ color: Color) -> (UInt8, UInt8, UInt8)? {
        switch color {
        case .terminalDefault: nil
        case .ansi(let index): Int(index) < Color.ansiRGB.count ? Color.ansiRGB[Int(index)] : nil
        case .indexed(let index): Color.paletteRGB(index)
        case .rgb(let red, let green, let blue): (red, green, blue)
        }
    }
}
