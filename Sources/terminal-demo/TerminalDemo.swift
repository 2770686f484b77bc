import Foundation
import TerminalCurses
import TerminalUI

/// `terminal-demo`: the toolkit's widgets on one screen, driven by ncurses. The tmux tests run
/// it; `--bench` measures rendering without a terminal and `--bench-flush` with one.
///
///     terminal-demo [--theme NAME|PATH] [--no-mouse] [--pid-file PATH]
///     terminal-demo --bench [--frames N]        # render + diff of 200x60 frames
///     terminal-demo --bench-flush [--frames N]  # draw (diff + ncurses flush) in this terminal
@main
struct TerminalDemo {
    static func main() {
        let arguments = CommandLine.arguments
        func value(after flag: String) -> String? {
            guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
            return arguments[index + 1]
        }
        let frames = value(after: "--frames").flatMap(Int.init) ?? 2_000
        var themes = ThemeLoader.builtInNames().compactMap { try? ThemeLoader.builtIn(named: $0) }
        if let name = value(after: "--theme") {
            do {
                themes.insert(try ThemeLoader.named(name), at: 0)
            } catch {
                try? FileHandle.standardError.write(contentsOf: Data("terminal-demo: \(error)\n".utf8))
                exit(2)
            }
        } else if let index = themes.firstIndex(where: { $0.name == "default" }) {
            themes.insert(themes.remove(at: index), at: 0)
        }
        if themes.isEmpty { themes = [.default] }

        if arguments.contains("--bench") {
            DemoBenchmark.renderAndDiff(frames: frames, theme: themes[0])
            return
        }
        if let pidFile = value(after: "--pid-file") {
            try? "\(getpid())\n".write(toFile: pidFile, atomically: true, encoding: .utf8)
        }
        let terminal = CursesTerminal(theme: themes[0], options: .init(mouse: !arguments.contains("--no-mouse")))
        do {
            try terminal.start()
        } catch let error as TerminalError {
            try? FileHandle.standardError.write(contentsOf: Data("terminal-demo: \(error.message)\n".utf8))
            exit(1)
        } catch {
            try? FileHandle.standardError.write(contentsOf: Data("terminal-demo: \(error)\n".utf8))
            exit(1)
        }
        if arguments.contains("--bench-flush") {
            let report = DemoBenchmark.flush(frames: frames, terminal: terminal)
            terminal.stop()
            print(report)
            return
        }
        var state = DemoState()
        while state.isRunning {
            let theme = themes[state.themeIndex % themes.count]
            if theme != terminal.theme { terminal.theme = theme }  // a new theme repaints everything
            terminal.draw(DemoScreen.render(state, size: terminal.size, theme: terminal.theme))
            if let event = terminal.nextEvent(timeout: .milliseconds(120)) {
                DemoApp.handle(event, state: &state, size: terminal.size, themeCount: themes.count)
            } else {
                state.tick += 1
            }
        }
        terminal.stop()
    }
}
