import CNcurses
import Foundation
import TerminalUI

/// Turns changed cells into the terminal's own terminfo strings and writes them to the tty in
/// one write(2) per frame.
///
/// The renderer already sends only the cells that changed; handing them to ncurses made it
/// compare every touched line a second time before writing, a third of a key's time at 200x60.
/// ncurses keeps everything else: the modes, the alternate screen, keypad and mouse, the input.
/// It never draws after ``CursesTerminal/start()``, so it believes the cursor is where it left
/// it, at the top left, and the writer puts it back there before ncurses writes again
/// (``homeCursor()``).
struct TerminfoFrameWriter {
    /// The strings of the terminal, read from terminfo once.
    struct Strings {
        var cursorAddress: String?
        var exitAttributes: [UInt8]
        var bold: [UInt8]
        var dim: [UInt8]
        var italic: [UInt8]
        var underline: [UInt8]
        var reverse: [UInt8]
        var foreground: String?
        var background: String?
        /// The colour strings are the old `setf`/`setb`, which number blue and red the other way round.
        var colorsAreBGR = false
        var clearScreen: [UInt8]
        var hideCursor: [UInt8]
        var showCursor: [UInt8]
        /// Writing the bottom right cell scrolls the screen (auto margins without the VT100's
        /// pending wrap): that cell is left alone.
        var scrollsAtLastCell: Bool

        /// The current terminal's (after newterm).
        static func current() -> Strings {
            func bytes(_ name: String) -> [UInt8] {
                cnc_terminfo_string(name).map { withoutPadding(Array(String(cString: $0).utf8)) } ?? []
            }
            func format(_ name: String) -> String? { cnc_terminfo_string(name).map { String(cString: $0) } }
            return Strings(
                cursorAddress: format("cup"), exitAttributes: bytes("sgr0"), bold: bytes("bold"), dim: bytes("dim"),
                italic: bytes("sitm"), underline: bytes("smul"), reverse: bytes("rev"),
                foreground: format("setaf") ?? format("setf"), background: format("setab") ?? format("setb"),
                colorsAreBGR: format("setaf") == nil && format("setf") != nil,
                clearScreen: bytes("clear"), hideCursor: bytes("civis"), showCursor: bytes("cnorm"),
                scrollsAtLastCell: cnc_terminfo_flag("am") != 0 && cnc_terminfo_flag("xenl") == 0)
        }
    }

    /// `bytes` without terminfo's padding delays (`$<5>`, `$<2*/>`): tputs turns them into pauses
    /// for slow terminals, which none of ours is; written out they would show as text.
    static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x24) else { return bytes }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x24, index + 1 < bytes.count, bytes[index + 1] == 0x3C,
               let close = bytes[(index + 2)...].firstIndex(of: 0x3E),
               bytes[(index + 2)..<close].allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2A || $0 == 0x2F }) {
                index = close + 1
                continue
            }
            kept.append(bytes[index])
            index += 1
        }
        return kept
    }

    private let strings: Strings
    /// `cup` as the C string tiparm takes, made once rather than for every move.
    private let cursorAddress: ContiguousArray<CChar>?
    /// Whether `cup` asks for padding (vt100's does), to be left out of every move.
    private let cursorAddressIsPadded: Bool
    /// Colours the terminal has (0 without colour): how colours become numbers.
    private let colorCount: Int32
    private var output: [UInt8] = []
    /// Where the terminal's cursor is, when known.
    private var cursor: Position?
    private var style: ResolvedStyle?
    private var styleSequences: [ResolvedStyle: [UInt8]] = [:]
    private var cursorShown: Bool?
    private var characters = [wchar_t](repeating: 0, count: 8)

    init(strings: Strings, colorCount: Int32) {
        self.strings = strings
        self.colorCount = colorCount
        cursorAddress = strings.cursorAddress.map { ContiguousArray($0.utf8CString) }
        cursorAddressIsPadded = strings.cursorAddress?.contains("$<") ?? false
        output.reserveCapacity(16 * 1024)
    }

    /// Appends the cells, each at its place in its style, for a screen of `size`.
    mutating func draw(_ updates: [CellUpdate], size: Size) {
        for update in updates where update.y < size.height && update.x < size.width {
            if strings.scrollsAtLastCell && update.y == size.height - 1 && update.x + update.width >= size.width { continue }
            if cursor != Position(x: update.x, y: update.y) { move(to: update.x, update.y) }
            if update.style != style { setStyle(update.style) }
            let fits = update.x + update.width <= size.width
            if appendSymbol(update.symbol, width: fits ? update.width : 1) {
                cursor = Position(x: update.x + update.width, y: update.y)
            } else {
                // The C library measures this grapheme otherwise than we do: the terminal's
                // cursor may be anywhere on the row, so the next cell says where it goes.
                cursor = nil
            }
        }
    }

    /// Shows the cursor at `position` (a focused text field) or hides it.
    mutating func setCursor(_ position: Position?, size: Size) {
        if let position, position.x < size.width, position.y < size.height {
            move(to: position.x, position.y)
            if cursorShown != true { output += strings.showCursor }
            cursorShown = true
        } else {
            if cursorShown != false { output += strings.hideCursor }
            cursorShown = false
        }
    }

    /// Blanks the screen (before a whole frame).
    mutating func clear() {
        output += strings.exitAttributes
        output += strings.clearScreen
        style = nil
        cursor = Position(x: 0, y: 0)
    }

    /// Forgets the terminal's state (after ncurses wrote to it: a resume, a resize).
    mutating func forgetTerminalState() {
        style = nil
        cursor = nil
        cursorShown = nil
    }

    /// Puts the cursor back at the top left in the plain style, where ncurses believes it is,
    /// before ncurses writes again (suspending, stopping).
    mutating func homeCursor() {
        output += strings.exitAttributes
        style = nil
        move(to: 0, 0)
    }

    /// What ``flush()`` will write.
    var pending: [UInt8] { output }

    /// Writes what was appended, in one write(2) when the terminal takes it.
    mutating func flush() {
        guard !output.isEmpty else { return }
        var offset = 0
        while offset < output.count {
            let written = output[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { break }  // the terminal is gone: nothing to save the frame for
            offset += written
        }
        output.removeAll(keepingCapacity: true)
    }

    // MARK: Encoding

    private mutating func move(to x: Int, _ y: Int) {
        guard let sequence = cursorAddress?.withUnsafeBufferPointer({ cnc_tiparm2($0.baseAddress, Int32(y), Int32(x)) }) else { return }
        if cursorAddressIsPadded {
            output += Self.withoutPadding(Array(String(cString: sequence).utf8))
        } else {
            appendCString(sequence)
        }
        cursor = Position(x: x, y: y)
    }

    private mutating func setStyle(_ resolved: ResolvedStyle) {
        if let known = styleSequences[resolved] {
            output += known
        } else {
            var sequence = strings.exitAttributes
            if resolved.attributes.contains(.bold) { sequence += strings.bold }
            if resolved.attributes.contains(.dim) { sequence += strings.dim }
            if resolved.attributes.contains(.italic) { sequence += strings.italic }
            if resolved.attributes.contains(.underline) { sequence += strings.underline }
            if resolved.attributes.contains(.reverse) { sequence += strings.reverse }
            if colorCount > 0 {
                var foreground = CursesColor.number(for: resolved.foreground, colors: colorCount)
                var background = CursesColor.number(for: resolved.background, colors: colorCount)
                if strings.colorsAreBGR {
                    foreground = Self.swappingBlueAndRed(foreground)
                    background = Self.swappingBlueAndRed(background)
                }
                if foreground >= 0, let format = strings.foreground, let text = cnc_tiparm1(format, foreground) {
                    sequence += Self.withoutPadding(Array(String(cString: text).utf8))
                }
                if background >= 0, let format = strings.background, let text = cnc_tiparm1(format, background) {
                    sequence += Self.withoutPadding(Array(String(cString: text).utf8))
                }
            }
            styleSequences[resolved] = sequence
            output += sequence
        }
        style = resolved
    }

    /// The `setf` number of an ANSI colour number (blue 1 and red 4, cyan 3 and yellow 6 swap).
    static func swappingBlueAndRed(_ number: Int32) -> Int32 {
        guard number >= 0, number < 16 else { return number }
        return [0, 4, 2, 6, 1, 5, 3, 7][Int(number & 7)] + (number & 8)
    }

    private mutating func appendCString(_ text: UnsafePointer<CChar>) {
        var pointer = text
        while pointer.pointee != 0 {
            output.append(UInt8(bitPattern: pointer.pointee))
            pointer += 1
        }
    }

    /// Appends the grapheme in UTF-8, padded to `width` when the C library thinks it narrower;
    /// returns false when the terminal's cursor may not have moved by `width` columns.
    private mutating func appendSymbol(_ symbol: String, width: Int) -> Bool {
        let utf8 = symbol.utf8
        if let byte = utf8.first, utf8.count == 1, byte >= 0x20, byte < 0x7F, width == 1 {
            output.append(byte)  // printable ASCII, most of every frame
            return true
        }
        let libraryWidth = CursesTerminal.encode(symbol, into: &characters, width: width)
        var index = 0
        while characters[index] != 0 {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: characters[index])) {
                output.append(contentsOf: String(scalar).utf8)
            }
            index += 1
        }
        if libraryWidth < width {
            output.append(0x20)
            return libraryWidth + 1 == width
        }
        return libraryWidth == width
    }
}
