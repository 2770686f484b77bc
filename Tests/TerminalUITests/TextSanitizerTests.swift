import Testing
import TerminalUI

/// Untrusted text must never reach the terminal as anything but visible characters.
@Suite struct TextSanitizerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let input: String
        let expected: String
        let note: String
        init(_ input: String, _ expected: String, _ note: String) {
            self.input = input
            self.expected = expected
            self.note = note
        }
        var testDescription: String { note }
    }

    static let cases: [Case] = [
        Case("plain text", "plain text", "plain ASCII unchanged"),
        Case("Café 中文 🍜", "Café 中文 🍜", "Unicode text unchanged"),
        Case("👨‍👩‍👧", "👨‍👩‍👧", "ZWJ sequence kept"),
        Case("🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "tag flag sequence kept"),
        Case("e\u{301}", "e\u{301}", "combining mark kept"),
        Case("a\u{0}b", "ab", "NUL removed"),
        Case("ding\u{7}", "ding", "BEL removed"),
        Case("back\u{8}\u{8}space", "backspace", "backspace removed"),
        Case("line\rover", "line over", "lone CR becomes a space"),
        Case("a\tb", "a b", "tab becomes a space"),
        Case("one\ntwo", "one two", "newline becomes a space on one line"),
        Case("x\u{7F}y", "xy", "DEL removed"),
        Case("a\u{85}b", "ab", "C1 NEL removed"),
        Case("a\u{1B}[31mred\u{1B}[0m", "ared", "CSI SGR colour removed"),
        Case("\u{1B}[2J\u{1B}[Hcleared", "cleared", "CSI clear screen and home removed"),
        Case("\u{1B}[10;20Hmoved", "moved", "CSI cursor position removed"),
        Case("\u{1B}[?1049hscreen", "screen", "private mode CSI removed"),
        Case("\u{1B}[38;2;255;0;0mrgb", "rgb", "truecolor SGR removed"),
        Case("a\u{9B}31mb", "ab", "8-bit CSI removed"),
        Case("\u{1B}]0;pwned\u{7}title", "title", "OSC 0 window title (BEL) removed"),
        Case("\u{1B}]2;pwned\u{1B}\\title", "title", "OSC 2 title (ST) removed"),
        Case("\u{1B}]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u{7}copy", "copy", "OSC 52 clipboard write removed"),
        Case("\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\", "click", "OSC 8 hyperlink removed, text kept"),
        Case("a\u{9D}0;x\u{9C}b", "ab", "8-bit OSC with 8-bit ST removed"),
        Case("\u{1B}P+q544e\u{1B}\\dcs", "dcs", "DCS request removed"),
        Case("\u{1B}_apc\u{1B}\\x", "x", "APC string removed"),
        Case("\u{1B}^pm\u{1B}\\x", "x", "PM string removed"),
        Case("\u{1B}Xsos\u{1B}\\x", "x", "SOS string removed"),
        Case("\u{1B}7saved\u{1B}8", "saved", "DECSC/DECRC removed"),
        Case("\u{1B}(0lqk", "lqk", "charset designation removed"),
        Case("\u{1B}c", "", "RIS reset removed"),
        Case("tail\u{1B}", "tail", "trailing lone ESC removed"),
        Case("\u{1B}]0;unterminated title", "", "unterminated OSC swallows the rest"),
        Case("\u{1B}[31", "", "truncated CSI removed"),
        Case("\u{1B}[1;2\u{1B}[0mx", "x", "CSI interrupted by ESC"),
        Case("abc\u{202E}fed", "abcfed", "RLO bidi override removed"),
        Case("\u{202D}ltr\u{202C}", "ltr", "LRO and PDF removed"),
        Case("\u{2067}isolate\u{2069}", "isolate", "RLI and PDI isolates removed"),
        Case("\u{2066}\u{2068}x", "x", "LRI and FSI removed"),
        Case("\u{200F}\u{200E}\u{61C}marks", "marks", "RLM, LRM and ALM removed"),
        Case("zero\u{200B}width", "zerowidth", "zero width space removed"),
        Case("\u{FEFF}bom", "bom", "BOM removed"),
        Case("soft\u{AD}hyphen", "softhyphen", "soft hyphen removed"),
        Case("word\u{2060}joiner", "wordjoiner", "word joiner removed"),
        Case("a\u{3164}b", "ab", "Hangul filler removed"),
        Case("x\u{E0041}y", "xy", "stray tag character removed"),
        Case("p1\u{2028}p2", "p1 p2", "line separator becomes a space"),
    ]

    @Test(arguments: cases)
    func sanitisesOneLine(_ testCase: Case) {
        #expect(TextSanitizer.sanitizeLine(testCase.input) == testCase.expected, "\(testCase.note)")
    }

    @Test(arguments: cases)
    func resultHasNoControlsOrEscapes(_ testCase: Case) {
        let result = TextSanitizer.sanitizeLine(testCase.input)
        for scalar in result.unicodeScalars {
            #expect(!(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)), "\(testCase.note): U+\(String(scalar.value, radix: 16))")
            #expect(!(0x202A...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value))
        }
    }

    @Test func multiLineKeepsLineBreaks() {
        #expect(TextSanitizer.sanitizeLines("a\r\nb\rc\nd\u{2029}e") == "a\nb\nc\nd\ne")
        #expect(TextSanitizer.sanitizeLines("x\u{1B}[2Ky\n\u{1B}]0;t\u{7}z") == "xy\nz")
    }

    @Test func writingIntoABufferAlwaysSanitises() {
        var buffer = Buffer(width: 20, height: 1)
        buffer.write("\u{1B}]0;evil\u{7}\u{1B}[31mok\u{202E}!", x: 0, y: 0)
        #expect(buffer.text(ofRow: 0) == "ok!" + String(repeating: " ", count: 17))
        buffer.fill(buffer.area, symbol: "\u{1B}")
        #expect(buffer.text(ofRow: 0) == String(repeating: " ", count: 20))
    }
}
