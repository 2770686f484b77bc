import Testing
import TerminalUI
import TerminalUITesting

@Suite("Renderer, degradation and the ANSI backend")
struct RendererTests {
    static let ascii = TerminalCapabilities(colors: .ansi16, unicode: false)

    static func sample(width: Int = 30) -> Buffer {
        var buffer = Buffer(width: width, height: 5)
        Panel(title: "Crème Brûlée Torch").render(into: &buffer, area: buffer.area, theme: .default)
        buffer.write("› ★★★★☆ ● ‹ › — … 漢字 •••", x: 1, y: 1)
        buffer.write("Ünïcödé façade ß", x: 1, y: 2)
        return buffer
    }

    @Test("In the C locale every symbol has an ASCII stand-in; wide characters become ? padded to their width")
    func asciiStandIns() {
        let shown = Self.sample().degraded(for: Self.ascii)
        #expect(shown.text(ofRow: 1) == "|> ****- * < > - . ? ?  ***  |")
        #expect(shown.text(ofRow: 2).hasPrefix("|Unicode facade s"))
        #expect(shown.text(ofRow: 0).hasPrefix("+"))
        #expect(shown.text(ofRow: 0).contains("Creme Brulee Torch"))
        for cell in shown.cells { #expect(SymbolDegradation.canShow(cell.symbol, capabilities: Self.ascii)) }
    }

    @Test("Where rounded corners cannot be shown, square ones are")
    func squareCorners() {
        let linux = TerminalCapabilities.detect(environment: ["TERM": "linux"], codeset: "UTF-8")
        #expect(linux.unicode && !linux.roundedCorners)
        let shown = Self.sample().degraded(for: linux)
        #expect(shown.text(ofRow: 0).hasPrefix("┌"))
        #expect(shown.text(ofRow: 4).hasPrefix("└"))
        #expect(shown.text(ofRow: 1).contains("漢字"))
    }

    @Test("Locale character sets", arguments: [("UTF-8", true), ("utf8", true), ("ANSI_X3.4-1968", false), ("ISO-8859-1", false), ("", false)])
    func codesets(_ codeset: String, _ unicode: Bool) {
        #expect(TerminalCapabilities.isUTF8(codeset: codeset) == unicode)
    }

    @Test("On 8 and 16 colours, gray text is the default colour dimmed, never black", arguments: [ColorCapability.ansi8, .ansi16])
    func mutedIsVisible(_ capability: ColorCapability) {
        for role in [ThemeRole.muted, .border, .footer, .scrollbar] {
            let resolved = Theme.default.resolve(.foreground(role), capability: capability)
            #expect(resolved.foreground == .terminalDefault, "\(role)")
            #expect(resolved.attributes.contains(.dim), "\(role)")
        }
        // Black on a colour stays: it is readable there.
        #expect(Theme.default.resolve(.role(.selection), capability: capability).foreground == .ansi(0))
    }

    @Test("The renderer sends only changed cells, and everything after a resize or an invalidation")
    func diffing() {
        let backend = TestBackend(size: Size(width: 30, height: 5))
        let terminal = Terminal(backend: backend, theme: .default)
        var buffer = Self.sample()
        terminal.draw(buffer)
        #expect(terminal.lastDrawCellCount == buffer.cells.filter { !$0.isContinuation }.count)
        buffer.write("X", x: 1, y: 3)
        terminal.draw(buffer)
        #expect(terminal.lastDrawCellCount == 1)
        #expect(backend.lines[3].hasPrefix("│X"))
        terminal.invalidate()
        terminal.draw(buffer)
        #expect(terminal.lastDrawCellCount > 100)
    }

    @Test("Frames drawn into the recycled buffer show exactly what fresh buffers would, at any size")
    func recycledFrames() {
        let backend = TestBackend(size: Size(width: 30, height: 5))
        let terminal = Terminal(backend: backend, theme: .default)
        let frames: [(Size, (inout Buffer) -> Void)] = [
            (Size(width: 30, height: 5), { $0.write("first frame, long text", x: 0, y: 0) }),
            (Size(width: 30, height: 5), { $0.write("second", x: 3, y: 2); $0.cursor = Position(x: 1, y: 1) }),
            (Size(width: 30, height: 5), { $0.write("third", x: 0, y: 4) }),
            (Size(width: 20, height: 3), { $0.write("smaller", x: 0, y: 1) }),
            (Size(width: 20, height: 3), { $0.write("漢字 wide", x: 0, y: 0) }),
        ]
        for (size, render) in frames {
            var fresh = Buffer(size: size)
            render(&fresh)
            backend.resize(to: size)
            var drawn: Buffer?
            terminal.draw(size: size) { buffer in
                render(&buffer)
                drawn = buffer
            }
            // Nothing of an older frame is left behind in the recycled cells or the cursor.
            #expect(drawn == fresh)
            #expect(backend.lines == (0..<size.height).map { fresh.text(ofRow: $0) })
            #expect(backend.cursor == fresh.cursor)
        }
    }

    @Test("The ANSI backend's output, replayed by a small VT parser, is the frame")
    func ansiRoundTrip() {
        let sink = ByteSink()
        let backend = AnsiBackend(capabilities: .full, size: Size(width: 30, height: 5)) { sink.append($0) }
        let terminal = Terminal(backend: backend, theme: .default)
        var buffer = Self.sample()
        terminal.draw(buffer)
        buffer.write("changed", x: 2, y: 3)
        terminal.draw(buffer)
        let screen = VTScreen(width: 30, height: 5)
        screen.apply(sink.bytes)
        for y in 0..<5 { #expect(screen.row(y) == buffer.text(ofRow: y)) }
    }
}

/// Collects the bytes a backend writes.
final class ByteSink: @unchecked Sendable {
    private(set) var bytes: [UInt8] = []
    func append(_ more: [UInt8]) { bytes += more }
}

/// Just enough of a VT100 to check what the ANSI backend writes: cursor positioning, SGR
/// (ignored), erase display, and text, with wide characters taking two columns.
final class VTScreen {
    let width: Int
    let height: Int
    private var cells: [String]
    private var x = 0
    private var y = 0

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        cells = Array(repeating: " ", count: width * height)
    }

    func row(_ y: Int) -> String { cells[(y * width)..<((y + 1) * width)].joined() }

    func apply(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        var characters = Array(text)[...]
        while let character = characters.first {
            characters = characters.dropFirst()
            if character == "\u{1B}" {
                guard characters.first == "[" else { continue }
                characters = characters.dropFirst()
                var parameters = ""
                while let next = characters.first, !next.isLetter && next != "~" {
                    parameters.append(next)
                    characters = characters.dropFirst()
                }
                guard let final = characters.first else { return }
                characters = characters.dropFirst()
                let numbers = parameters.split(separator: ";").compactMap { Int($0) }
                if final == "H" {
                    y = (numbers.first ?? 1) - 1
                    x = (numbers.count > 1 ? numbers[1] : 1) - 1
                } else if final == "J" {
                    cells = Array(repeating: " ", count: width * height)
                }
                continue
            }
            guard x < width, y < height else { continue }
            let columns = TextWidth.columns(of: character)
            cells[y * width + x] = String(character)
            if columns == 2 && x + 1 < width { cells[y * width + x + 1] = "" }
            x += columns
        }
    }
}

