import Testing
@testable import TerminalUI

/// Display width by grapheme cluster: the table every layout decision rests on.
@Suite struct TextWidthTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let columns: Int
        let note: String
        init(_ text: String, _ columns: Int, _ note: String) {
            self.text = text
            self.columns = columns
            self.note = note
        }
        var testDescription: String { note }
    }

    static let cases: [Case] = [
        Case("", 0, "empty"),
        Case("a", 1, "ASCII letter"),
        Case("Hello, world", 12, "ASCII sentence"),
        Case(" ", 1, "space"),
        Case("é", 1, "precomposed e acute"),
        Case("e\u{301}", 1, "e + combining acute"),
        Case("a\u{301}\u{302}\u{303}", 1, "three stacked combining marks"),
        Case("\u{301}", 0, "lone combining mark"),
        Case("Ünïcödé", 7, "Latin with diacritics"),
        Case("中", 2, "CJK ideograph"),
        Case("中文字", 6, "three CJK ideographs"),
        Case("日本語テキスト", 14, "Japanese kanji and katakana"),
        Case("ｱ", 1, "halfwidth katakana"),
        Case("Ａ", 2, "fullwidth Latin A"),
        Case("한국어", 6, "Hangul syllables"),
        Case("\u{1100}\u{1161}", 2, "Hangul conjoining jamo L+V"),
        Case("\u{3000}", 2, "ideographic space"),
        Case("abc中文", 7, "mixed ASCII and CJK"),
        Case("😀", 2, "emoji with default emoji presentation"),
        Case("🍜", 2, "food emoji"),
        Case("❤", 1, "heart without VS16 (text presentation)"),
        Case("❤️", 2, "heart with VS16"),
        Case("☺️", 2, "smiley with VS16"),
        Case("✔", 1, "check mark, text by default"),
        Case("✔️", 2, "check mark with VS16"),
        Case("⌚", 2, "watch, emoji presentation by default"),
        Case("⌚︎", 1, "watch with VS15 (text presentation)"),
        Case("1️⃣", 2, "keycap sequence"),
        Case("#️⃣", 2, "keycap number sign"),
        Case("👍🏽", 2, "emoji with skin tone modifier"),
        Case("👨‍👩‍👧‍👦", 2, "ZWJ family sequence"),
        Case("👩‍💻", 2, "ZWJ woman technologist"),
        Case("🏳️‍🌈", 2, "ZWJ rainbow flag"),
        Case("🇯🇵", 2, "regional indicator flag"),
        Case("🇯🇵🇫🇷", 4, "two flags"),
        Case("🏴󠁧󠁢󠁳󠁣󠁴󠁿", 2, "tag sequence flag (Scotland)"),
        Case("a😀b", 4, "emoji between letters"),
        Case("\u{200B}", 0, "zero width space"),
        Case("\u{200D}", 0, "lone zero width joiner"),
        Case("\u{FEFF}", 0, "byte order mark"),
        Case("\u{0007}", 0, "BEL control"),
        Case("\u{009B}", 0, "C1 CSI control"),
        Case("א", 1, "Hebrew letter"),
        Case("مرحبا", 5, "Arabic word"),
        Case("👨🏻‍🦰", 2, "ZWJ with skin tone and hair component"),
    ]

    @Test(arguments: cases)
    func width(_ testCase: Case) {
        #expect(TextWidth.columns(of: testCase.text) == testCase.columns, "\(testCase.note): \(testCase.text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func truncatesWithEllipsis() {
        #expect(TextWidth.truncate("Hello, world", toColumns: 8) == "Hello, …")
        #expect(TextWidth.truncate("short", toColumns: 8) == "short")
        #expect(TextWidth.truncate("exactly8", toColumns: 8) == "exactly8")
        #expect(TextWidth.truncate("中文字体", toColumns: 6) == "中文…")
        #expect(TextWidth.truncate("中文字体", toColumns: 4) == "中…")
        #expect(TextWidth.truncate("a中文", toColumns: 3) == "a…")
        #expect(TextWidth.truncate("👨‍👩‍👧‍👦👨‍👩‍👧‍👦", toColumns: 3) == "👨‍👩‍👧‍👦…")
        #expect(TextWidth.truncate("anything", toColumns: 0) == "")
        #expect(TextWidth.truncate("abc", toColumns: 1, ellipsis: "...") == "a")
    }

    @Test("Truncating and fitting measure the text as shown: an escape sequence is neither counted nor cut in half")
    func truncationMeasuresSanitisedText() {
        let link = "\u{1B}]8;;https://evil.example/\u{1B}\\Link kettle\u{1B}]8;;\u{1B}\\"
        #expect(TextWidth.truncate(link, toColumns: 20) == "Link kettle")
        #expect(TextWidth.truncate(link, toColumns: 6) == "Link …")
        #expect(TextWidth.fit("\u{1B}[31mRed\u{1B}[0m\tx", toColumns: 8) == "Red x   ")
    }

    @Test func truncationNeverExceedsTheWidth() {
        for text in ["Hello 世界 🍜 e\u{301}", "ＡＢＣＤ", "🇯🇵🇫🇷🇩🇪"] {
            for width in 0...12 {
                #expect(TextWidth.columns(of: TextWidth.truncate(text, toColumns: width)) <= width)
            }
        }
    }

    @Test func fitsWithAlignment() {
        #expect(TextWidth.fit("ab", toColumns: 5) == "ab   ")
        #expect(TextWidth.fit("ab", toColumns: 5, alignment: .right) == "   ab")
        #expect(TextWidth.fit("ab", toColumns: 5, alignment: .center) == " ab  ")
        #expect(TextWidth.fit("中", toColumns: 3, alignment: .right) == " 中")
    }

    @Test func wrapsAtSpaces() {
        #expect(TextWidth.wrap("the quick brown fox jumps", toColumns: 10) == ["the quick", "brown fox", "jumps"])
        #expect(TextWidth.wrap("one\n\ntwo", toColumns: 10) == ["one", "", "two"])
        #expect(TextWidth.wrap("", toColumns: 10) == [""])
        #expect(TextWidth.wrap("x", toColumns: 0) == [])
    }

    @Test func wrapsLongWordsAndWideCharacters() {
        #expect(TextWidth.wrap("abcdefghij", toColumns: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWidth.wrap("日本語のテキスト", toColumns: 5) == ["日本", "語の", "テキ", "スト"])
        #expect(TextWidth.wrap("ramen 🍜🍜🍜 bowl", toColumns: 6) == ["ramen", "🍜🍜🍜", "bowl"])
        for line in TextWidth.wrap("Every line fits: 中文 and 🍜 and ｆｕｌｌｗｉｄｔｈ words", toColumns: 7) {
            #expect(TextWidth.columns(of: line) <= 7)
        }
    }

    /// The scalar shortcut must agree with the per-character rules for every scalar it takes,
    /// alone and in a run, and step aside for anything that joins a cluster.
    @Test func singleColumnShortcutAgreesWithTheRules() {
        for value in UInt32(0x20)...0x2FFF {
            guard let scalar = Unicode.Scalar(value), TextWidth.singleColumnScalarCount(String(scalar)) != nil else { continue }
            #expect(TextWidth.columns(of: Character(scalar)) == 1, "U+\(String(value, radix: 16))")
        }
        #expect(TextWidth.columns(of: "Crème Brûlée ★4.5 — 12 €") == 24)
        #expect(TextWidth.singleColumnScalarCount("e\u{301}") == nil)
        #expect(TextWidth.singleColumnScalarCount("‼\u{FE0F}") == nil)
        #expect(TextWidth.singleColumnScalarCount("a\u{AD}b") == nil)
    }
}
