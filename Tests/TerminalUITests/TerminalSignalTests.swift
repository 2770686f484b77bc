import Testing
@testable import TerminalUI

@Suite("Terminal signals: OSC 52 copy, bell, OSC 9 and OSC 777")
struct TerminalSignalTests {
    @Test("The ANSI backend writes the exact bytes of an OSC 52 copy, after the frame it had queued")
    func copyBytes() {
        let sink = ByteSink()
        let backend = AnsiBackend(capabilities: .full, size: Size(width: 10, height: 2)) { sink.append($0) }
        backend.setCursor(nil)
        backend.send(.copy("ord-1001"))
        // "ord-1001" in base64 is "b3JkLTEwMDE=".
        #expect(sink.bytes == Array("\u{1B}[?25l\u{1B}]52;c;b3JkLTEwMDE=\u{07}".utf8))
    }

    @Test("Base64 as OSC 52 wants it, padding included, for every remainder")
    func base64() {
        #expect(TerminalSignal.base64(Array("".utf8)) == "")
        #expect(TerminalSignal.base64(Array("f".utf8)) == "Zg==")
        #expect(TerminalSignal.base64(Array("fo".utf8)) == "Zm8=")
        #expect(TerminalSignal.base64(Array("foo".utf8)) == "Zm9v")
        #expect(TerminalSignal.base64(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(TerminalSignal.base64(Array("Crème".utf8)) == "Q3LDqG1l")
    }

    @Test("Bell and notifications; text from the gateway cannot end the sequence or start another")
    func notifications() {
        #expect(TerminalSignal.bell.bytes == [0x07])
        #expect(TerminalSignal.notify(message: "Order shipped").bytes == Array("\u{1B}]9;Order shipped\u{07}".utf8))
        #expect(TerminalSignal.notifyTitled(title: "shop", body: "Order shipped").bytes == Array("\u{1B}]777;notify;shop;Order shipped\u{07}".utf8))
        let hostile = TerminalSignal.notify(message: "a\u{07}\u{1B}]52;c;ZXZpbA==\u{07}b\u{9C}c").bytes
        #expect(hostile.filter { $0 == 0x07 }.count == 1 && hostile.last == 0x07)
        #expect(hostile.filter { $0 == 0x1B }.count == 1 && hostile.first == 0x1B)
        let titled = TerminalSignal.notifyTitled(title: "a;b", body: "c").bytes
        #expect(titled == Array("\u{1B}]777;notify;a,b;c\u{07}".utf8))
        let long = TerminalSignal.notify(message: String(repeating: "x", count: 1000)).bytes
        #expect(long.count == 4 + TerminalSignal.notificationLimit + 1)
    }
}
