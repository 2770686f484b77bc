import ShopTestSupport
import Testing
@testable import TerminalUI

@Suite("Input decoding")
struct InputDecoderTests {
    static func decode(_ text: String) -> [Event] {
        var decoder = InputDecoder()
        return decoder.feed(Array(text.utf8)) + decoder.flushPending()
    }

    @Test("Home and End in every spelling: xterm, VT220, rxvt, application mode",
          arguments: ["\u{1B}[H", "\u{1B}[1~", "\u{1B}[7~", "\u{1B}OH", "\u{1B}[1;2H"])
    func home(_ sequence: String) {
        #expect(Self.decode(sequence) == [.key(.home)])
    }

    @Test("End in every spelling", arguments: ["\u{1B}[F", "\u{1B}[4~", "\u{1B}[8~", "\u{1B}OF"])
    func end(_ sequence: String) {
        #expect(Self.decode(sequence) == [.key(.end)])
    }

    @Test("F1 to F12 as xterm, VT220 and the Linux console send them")
    func functionKeys() {
        let spellings: [(String, Int)] = [
            ("\u{1B}OP", 1), ("\u{1B}OQ", 2), ("\u{1B}OR", 3), ("\u{1B}OS", 4), ("\u{1B}[11~", 1), ("\u{1B}[12~", 2),
            ("\u{1B}[15~", 5), ("\u{1B}[17~", 6), ("\u{1B}[21~", 10), ("\u{1B}[23~", 11), ("\u{1B}[24~", 12),
            ("\u{1B}[[A", 1), ("\u{1B}[[E", 5), ("\u{1B}[1;5P", 1),
        ]
        for (sequence, number) in spellings {
            #expect(Self.decode(sequence) == [.key(.function(number))], "\(sequence.debugDescription)")
        }
    }

    @Test("Cursor keys, paging, Shift-Tab, Insert and Delete")
    func editingKeys() {
        #expect(Self.decode("\u{1B}[A\u{1B}[B\u{1B}OC\u{1B}OD") == [.key(.up), .key(.down), .key(.right), .key(.left)])
        #expect(Self.decode("\u{1B}[5~\u{1B}[6~\u{1B}[Z\u{1B}[2~\u{1B}[3~") == [.key(.pageUp), .key(.pageDown), .key(.backTab), .key(.insert), .key(.delete)])
        #expect(Self.decode("\u{1B}[1;5A") == [.key(.up)])
    }

    @Test("Alt plus a character, a lone Esc, control bytes and UTF-8 text")
    func altAndText() {
        #expect(Self.decode("\u{1B}x") == [.key(.alt("x"))])
        #expect(Self.decode("\u{1B}") == [.key(.escape)])
        #expect(Self.decode("\u{1B}\u{1B}[A") == [.key(.escape), .key(.up)])
        #expect(Self.decode("\r\t\u{7F}\u{03}") == [.key(.enter), .key(.tab), .key(.backspace), .key(.ctrl("c"))])
        #expect(Self.decode("Crème ☆") == "Crème ☆".map { .key(.character($0)) })
    }

    @Test("Unknown sequences are dropped whole, never Esc plus junk")
    func unknownSequences() {
        #expect(Self.decode("\u{1B}[99~a") == [.key(.character("a"))])
        #expect(Self.decode("\u{1B}[?1;2c") == [])
        #expect(Self.decode("\u{1B}[1;2;3;4;5;6q") == [])
        // Shift-Tab with a modifier the app has no name for is not Shift-Tab.
        #expect(Self.decode("\u{1B}[1;9Zb") == [.key(.character("b"))])
        #expect(Self.decode("\u{1B}[1;2Z") == [.key(.backTab)])
    }

    @Test("String sequences (a title, a terminal's answer) are dropped up to their BEL or ST",
          arguments: ["\u{1B}]0;x\u{07}", "\u{1B}]0;shop — Crème\u{1B}\\", "\u{1B}P1$r0m\u{1B}\\", "\u{1B}_app\u{07}", "\u{1B}^pm\u{07}"])
    func stringSequences(_ sequence: String) {
        #expect(Self.decode("a" + sequence + "b") == [.key(.character("a")), .key(.character("b"))])
        let bytes = Array(("a" + sequence + "b").utf8)
        for split in 1..<bytes.count {
            var decoder = InputDecoder()
            let events = decoder.feed(bytes[..<split]) + decoder.feed(bytes[split...])
            #expect(events == [.key(.character("a")), .key(.character("b"))], "split at \(split)")
        }
    }

    @Test("A string sequence cut short by another Esc gives that Esc's key; Alt-] alone stays Alt-]")
    func stringSequenceCutShort() {
        #expect(Self.decode("\u{1B}]0;x\u{1B}[A") == [.key(.up)])
        #expect(Self.decode("\u{1B}]") == [.key(.alt("]"))])
        #expect(Self.decode("\u{1B}P") == [.key(.alt("P"))])
    }

    @Test("SGR mouse: clicks, the wheel; releases and motion ignored")
    func sgrMouse() {
        #expect(Self.decode("\u{1B}[<0;10;5M") == [.mouse(MouseEvent(.click, x: 9, y: 4))])
        #expect(Self.decode("\u{1B}[<2;1;1M") == [.mouse(MouseEvent(.rightClick, x: 0, y: 0))])
        #expect(Self.decode("\u{1B}[<64;3;4M\u{1B}[<65;3;4M") == [.mouse(MouseEvent(.wheelUp, x: 2, y: 3)), .mouse(MouseEvent(.wheelDown, x: 2, y: 3))])
        #expect(Self.decode("\u{1B}[<0;10;5m\u{1B}[<32;10;5M") == [])
    }

    @Test("A 10 KB bracketed paste arrives whole, even split into small reads")
    func paste() {
        let text = String(repeating: "Crème brûlée, 10 € — ", count: 10_240 / 24 + 1)
        let bytes = Array(("\u{1B}[200~" + text + "\u{1B}[201~x").utf8)
        var decoder = InputDecoder()
        var events: [Event] = []
        var index = 0
        var chunk = 1
        while index < bytes.count {
            let end = min(bytes.count, index + chunk)
            events += decoder.feed(bytes[index..<end])
            index = end
            chunk = chunk % 7 + 1
        }
        #expect(events == [.paste(text), .key(.character("x"))])
        #expect(text.utf8.count >= 10_240)
    }

    @Test("Every sequence split at every byte decodes the same")
    func splitAnywhere() {
        let input = "a\u{1B}[1~é\u{1B}[<0;3;4M\u{1B}OP\u{1B}[4~"
        let whole = Self.decode(input)
        let bytes = Array(input.utf8)
        for split in 1..<bytes.count {
            var decoder = InputDecoder()
            let events = decoder.feed(bytes[..<split]) + decoder.feed(bytes[split...]) + decoder.flushPending()
            #expect(events == whole, "split at \(split)")
        }
    }

    @Test("10,000 random byte strings: no crash, no Esc key that was not a lone Esc")
    func randomBytes() {
        var generator = SplitMix64(seed: 13)
        for _ in 0..<10_000 {
            let count = Int.random(in: 1...24, using: &generator)
            let pool: [UInt8] = [0x1B, 0x5B, 0x4F, 0x3C, 0x3B, 0x7E, 0x31, 0x34, 0x4D, 0x61, 0xC3, 0xA9, 0xE2, 0x80, 0x00, 0xFF]
            let bytes = (0..<count).map { _ in
                Bool.random(using: &generator) ? pool.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
            }
            var decoder = InputDecoder()
            let events = decoder.feed(bytes) + decoder.flushPending()
            let escapes = events.filter { $0 == .key(.escape) }.count
            // An Esc key needs an Esc byte of its own: followed by another Esc, or last.
            let loneEscapes = bytes.indices.filter { bytes[$0] == 0x1B && ($0 + 1 == bytes.count || bytes[$0 + 1] == 0x1B) }.count
            #expect(escapes <= loneEscapes, "\(bytes)")
        }
    }
}

