import Foundation
import Synchronization
import Testing
import TerminalUI
import TerminalUITesting
@testable import ShopApp

/// Checks the ANSI backend against pyte, an emulator written by other people: a screen drawn
/// through ``AnsiBackend`` and replayed by pyte (`scripts/vt_replay.py`) must show, cell for cell,
/// the characters, colours, bold and reverse that the renderer meant (what ``TestBackend`` holds
/// after the same frames). Two frames are drawn, Browse and then the screen under test, so the
/// second goes out as a diff, as it does in the app.
enum EmulatorReplay {
    static let sizes = [(80, 24), (200, 60)]

    private struct Replayed: Decodable {
        var rows: [String]
        /// Per cell: foreground, background (pyte's names or hex), bold, reverse.
        var styles: [[[Entry]]]

        enum Entry: Decodable {
            case text(String)
            case flag(Bool)
            init(from decoder: any Decoder) throws {
                let value = try decoder.singleValueContainer()
                if let flag = try? value.decode(Bool.self) { self = .flag(flag) } else { self = .text(try value.decode(String.self)) }
            }
            var text: String { if case .text(let text) = self { text } else { "" } }
            var flag: Bool { if case .flag(let flag) = self { flag } else { false } }
        }
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/vt_replay.py")

    /// Whether pyte can be imported; `.ci/run` installs it. Locally a missing pyte skips the check
    /// with a note; on CI it fails.
    static let pyteAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import pyte"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    static func expectReproduced(_ name: String, sourceLocation: SourceLocation = #_sourceLocation,
                                 _ build: (Int, Int) -> AppState) {
        // Each replay waits for a Python process; beside the whole suite those waits held the
        // cooperative pool and other tests' gateways stalled for 80 s. `.ci/run` runs the
        // snapshot suite again alone with SHOP_EMULATOR_REPLAY=1.
        guard ProcessInfo.processInfo.environment["SHOP_EMULATOR_REPLAY"] == "1" else { return }
        guard pyteAvailable else {
            let ci = ProcessInfo.processInfo.environment["CI"].map { !["", "0", "false"].contains($0.lowercased()) } ?? false
            if ci { Issue.record("pyte is not installed (pip install pyte): the ANSI backend cannot be checked", sourceLocation: sourceLocation) }
            return
        }
        for (width, height) in sizes {
            let size = Size(width: width, height: height)
            let frames = [Fixtures.browsing(width: width, height: height), build(width, height)]
                .map { AppView.render($0, size: size, theme: .default) }
            let bytes = Sink()
            let ansi = AnsiBackend(capabilities: .full, size: size) { bytes.append($0) }
            let test = TestBackend(size: size, capabilities: .full)
            for backend in [ansi, test] as [any TerminalBackend] {
                let terminal = Terminal(backend: backend, theme: .default)
                for frame in frames { terminal.draw(frame) }
            }
            guard let replayed = replay(bytes.bytes, size: size, sourceLocation: sourceLocation) else { return }
            #expect(replayed.rows == test.lines, "\(name) \(width)x\(height): pyte shows\n\(replayed.rows.joined(separator: "\n"))",
                    sourceLocation: sourceLocation)
            var wrong: [String] = []
            for y in 0..<height {
                for x in 0..<width {
                    let meant = test.styles[y * width + x]
                    let cell = replayed.styles[y][x]
                    let shown = (cell[0].text, cell[1].text, cell[2].flag, cell[3].flag)
                    let expected = (pyteName(meant.foreground), pyteName(meant.background),
                                    meant.attributes.contains(.bold), meant.attributes.contains(.reverse))
                    if shown != expected { wrong.append("(\(x),\(y)) meant \(expected) shown \(shown)") }
                }
            }
            #expect(wrong.isEmpty, "\(name) \(width)x\(height): \(wrong.count) cells styled differently, first \(wrong.prefix(3))",
                    sourceLocation: sourceLocation)
        }
    }

    private static func replay(_ bytes: [UInt8], size: Size, sourceLocation: SourceLocation) -> Replayed? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vt-replay-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try Data(bytes).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path, "\(size.width)", "\(size.height)", file.path]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return try JSONDecoder().decode(Replayed.self, from: data)
        } catch {
            Issue.record("replaying through pyte failed: \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// A colour as pyte reports it.
    static func pyteName(_ color: Color) -> String {
        let names = ["black", "red", "green", "brown", "blue", "magenta", "cyan", "white"]
        switch color {
        case .terminalDefault: return "default"
        case .ansi(let index) where index < 8: return names[Int(index)]
        case .ansi(let index): return "bright" + names[Int(index & 7)]
        case .indexed(let index): return xterm256[Int(index)]
        case .rgb(let red, let green, let blue): return String(format: "%02x%02x%02x", red, green, blue)
        }
    }

    /// The xterm palette pyte uses for `38;5;n`.
    static let xterm256: [String] = {
        var palette = ["000000", "cd0000", "00cd00", "cdcd00", "0000ee", "cd00cd", "00cdcd", "e5e5e5",
                       "7f7f7f", "ff0000", "00ff00", "ffff00", "5c5cff", "ff00ff", "00ffff", "ffffff"]
        let steps = [0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff]
        for red in steps { for green in steps { for blue in steps { palette.append(String(format: "%02x%02x%02x", red, green, blue)) } } }
        for gray in 0..<24 { let value = 8 + gray * 10; palette.append(String(format: "%02x%02x%02x", value, value, value)) }
        return palette
    }()

    private final class Sink: Sendable {
        private let storage = Mutex<[UInt8]>([])
        var bytes: [UInt8] { storage.withLock { $0 } }
        func append(_ more: [UInt8]) { storage.withLock { $0 += more } }
    }
}
