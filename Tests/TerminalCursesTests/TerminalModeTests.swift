import Foundation
import ShopTestSupport
import Testing

/// Runs terminal-demo in a real pseudo-terminal (a tmux pane): checks what it draws, that keys
/// reach it, and that the terminal's modes (`stty -g`, taken inside the pane) are the same
/// after it ends as before — on a normal exit, on fatal signals and around a Ctrl-Z suspend.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed: skipping the pseudo-terminal tests (CI installs tmux)"))
struct TerminalModeTests {
    /// A pane script: record the modes, run the demo, record its exit status and the modes
    /// again, then stay alive so the screen can still be read.
    ///
    /// The demo's environment is pinned: `swift test` runs tests with NO_COLOR=1, which the
    /// tmux server and its panes would otherwise inherit.
    private func script(in directory: URL, demoArguments: String = "", environment: String = "") -> String {
        let dir = DemoProgram.quoted(directory.path)
        return """
            cd \(dir) && stty -g > before && \
            env -u NO_COLOR -u COLORTERM LANG=C.UTF-8 TERM=tmux-256color \(environment) \(DemoProgram.quoted(DemoProgram.path)) --pid-file pid \(demoArguments); \
            echo $? > status.tmp; stty -g > after; mv status.tmp status; sleep 600
            """
    }

    @Test func drawsTheWidgetsAndFollowsKeys() async throws {
        try await offThePool {
            let directory = try DemoProgram.scratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let session = try TmuxSession(width: 120, height: 36, command: script(in: directory))
            defer { session.close() }

            let everything = [
                "Catalog │ Cart (2) │ Orders", "✓ Cart › ✓ Address › Shipping", "╭─ Products", "› Espresso cup #1", "抹茶 Matcha whisk set #2",
                "Order #1042", "✔ Placed", "◉ Shipped", "Search:", "↑↓ Move", "q Quit", "theme default", "1 of 100000",
            ]
            // Wait for the whole first frame: on a busy machine a capture can land while it is still
            // being written, with "1 of 100000" already there and other rows not yet.
            let screen = (try? session.waitForScreen("the whole first frame") { screen in everything.allSatisfy { screen.contains($0) } })
                ?? (try? session.capture()) ?? ""
            for expected in everything {
                #expect(screen.contains(expected), "missing '\(expected)' in:\n\(screen)")
            }
            // Text from the network is sanitised before it reaches the screen.
            #expect(screen.contains("Untrusted text is sanitised"))
            #expect(!screen.contains("evil") && !screen.contains("[2J"))

            // 36 rows leave 29 for the list, so PgDn moves exactly one page: from #3 to #32.
            try session.send("Down", "Down", "PageDown")
            let moved = try session.waitFor("32 of 100000")
            #expect(moved.contains("› 抹茶 Matcha whisk set #32"))

            try session.send("/")
            try session.send("ramen 🍜", literally: true)
            try session.waitFor("Search: ramen 🍜")
            try session.send("BSpace", "BSpace", "C-w")
            try session.waitForScreen("search cleared by Ctrl-W") { $0.contains("Search:") && !$0.contains("ramen") }
            try session.send("Escape", "Enter")
            try session.waitFor("[ Add ]")
            try session.send("Enter")
            try session.waitFor("to your cart")

            try session.send("q")
            #expect(try DemoProgram.waitForFile(directory.appendingPathComponent("status")) == "0")
            let before = try String(contentsOf: directory.appendingPathComponent("before"), encoding: .utf8)
            let after = try String(contentsOf: directory.appendingPathComponent("after"), encoding: .utf8)
            #expect(before == after, "terminal modes changed by a normal exit")
        }
    }

    /// The SGR parameters of every escape sequence in a `capture-pane -e` dump.
    private func sgrParameters(_ capture: String) -> [Int] {
        var parameters: [Int] = []
        var rest = capture[...]
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "m") else { break }
            parameters += rest[..<end].split(separator: ";").compactMap { Int($0) }
            rest = rest[rest.index(after: end)...]
        }
        return parameters
    }

    @Test func noColorDrawsWithAttributesOnly() async throws {
        try await offThePool {
            let coloredDirectory = try DemoProgram.scratchDirectory()
            let plainDirectory = try DemoProgram.scratchDirectory()
            defer {
                try? FileManager.default.removeItem(at: coloredDirectory)
                try? FileManager.default.removeItem(at: plainDirectory)
            }
            let colored = try TmuxSession(command: script(in: coloredDirectory))
            defer { colored.close() }
            let plain = try TmuxSession(command: script(in: plainDirectory, environment: "NO_COLOR=1"))
            defer { plain.close() }
            try colored.waitFor("1 of 100000")
            try plain.waitFor("1 of 100000")

            let isColor: (Int) -> Bool = { (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0) }
            let coloredParameters = sgrParameters(try colored.captureWithEscapes())
            let plainParameters = sgrParameters(try plain.captureWithEscapes())
            #expect(coloredParameters.contains(where: isColor), "the default theme should use colours")
            #expect(!plainParameters.contains(where: isColor), "NO_COLOR screen used colours: \(Set(plainParameters.filter(isColor)))")
            #expect(plainParameters.contains(7), "the mono theme marks the selection in reverse video")
            #expect(try plain.capture().contains("theme default"))
        }
    }

    /// vt100's terminfo strings ask for padding (`$<5>`), a pause ncurses made and a frame
    /// written straight from terminfo must leave out rather than print.
    @Test(arguments: ["vt100", "vt220", "linux", "xterm", "screen"])
    func framesOnOlderTerminalsCarryNoTerminfoSyntax(term: String) async throws {
        try await offThePool {
            let directory = try DemoProgram.scratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let session = try TmuxSession(command: script(in: directory, environment: "TERM=\(term)"))
            defer { session.close() }
            try session.waitFor("1 of 100000")
            let screen = try session.capture()
            #expect(!screen.contains("$<"), "TERM=\(term):\n\(screen)")
            #expect(screen.contains("theme default"), "TERM=\(term):\n\(screen)")
        }
    }

    @Test func redrawsEverythingAtTheNewSizeAfterAResize() async throws {
        try await offThePool {
            let directory = try DemoProgram.scratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let session = try TmuxSession(width: 120, height: 36, command: script(in: directory))
            defer { session.close() }
            try session.waitFor("1 of 100000")
            try session.resize(width: 80, height: 24)
            let screen = try session.waitForScreen("a layout 80 columns wide") { screen in
                let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
                return lines.count >= 24 && lines[2].hasPrefix("╭─ Products") && lines[2].hasSuffix("╮") && lines[23].contains("q Quit")
            }
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.prefix(24).allSatisfy { $0.count <= 80 }, "wider than the new size:\n\(screen)")
            try session.send("q")
            #expect(try DemoProgram.waitForFile(directory.appendingPathComponent("status")) == "0")
        }
    }

    @Test(arguments: [(SIGTERM, "TERM"), (SIGINT, "INT"), (SIGHUP, "HUP")])
    func restoresTheTerminalOnAFatalSignal(signal: Int32, name: String) async throws {
        try await offThePool {
            let directory = try DemoProgram.scratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let session = try TmuxSession(command: script(in: directory))
            defer { session.close() }

            try session.waitFor("1 of 100000")
            let pid = try #require(Int32(DemoProgram.waitForFile(directory.appendingPathComponent("pid"))))
            // While the demo runs, the pane is in curses modes: proof that the check below can fail.
            let before = try String(contentsOf: directory.appendingPathComponent("before"), encoding: .utf8)
            let tty = try session.paneTTY()
            let during = try TmuxSession.runProcess(try #require(TmuxSession.executable(named: "stty")), ["-g", "-F", tty])
            #expect(during != before, "the demo did not change the terminal modes")

            #expect(kill(pid, signal) == 0)
            #expect(try DemoProgram.waitForFile(directory.appendingPathComponent("status")) == "\(128 + signal)", "SIG\(name)")
            let after = try String(contentsOf: directory.appendingPathComponent("after"), encoding: .utf8)
            #expect(before == after, "terminal modes not restored after SIG\(name)")
        }
    }

    @Test func suspendsOnCtrlZAndRedrawsOnResume() async throws {
        try await offThePool {
            let directory = try DemoProgram.scratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            // An interactive shell provides the job control Ctrl-Z needs.
            let session = try TmuxSession(command: "env PS1='$ ' bash --norc --noprofile -i")
            defer { session.close() }
            try session.waitFor("$")
            try session.send("cd \(DemoProgram.quoted(directory.path)) && stty -g > before && LANG=C.UTF-8 TERM=tmux-256color \(DemoProgram.quoted(DemoProgram.path)) --pid-file pid", "Enter")
            try session.waitFor("1 of 100000")
            try session.send("C-z")
            try session.waitForScreen("the shell to report the stopped job") { $0.contains("Stopped") && !$0.contains("1 of 100000") }
            try session.send("stty -g > during; fg", "Enter")
            try session.waitFor("1 of 100000")
            try session.send("Down")
            do {
                try session.waitFor("2 of 100000", timeout: .seconds(5))
            } catch {
                let pid = (try? String(contentsOf: directory.appendingPathComponent("pid"), encoding: .utf8)) ?? "?"
                let state = (try? String(contentsOfFile: "/proc/\(pid.trimmingCharacters(in: .whitespacesAndNewlines))/stat", encoding: .utf8)) ?? "?"
                Issue.record("key after resume lost; demo stat: \(state)")
                throw error
            }
            try session.send("q")
            try session.send("stty -g > after; echo done > finished", "Enter")
            _ = try DemoProgram.waitForFile(directory.appendingPathComponent("finished"))
            let before = try String(contentsOf: directory.appendingPathComponent("before"), encoding: .utf8)
            let during = try String(contentsOf: directory.appendingPathComponent("during"), encoding: .utf8)
            let after = try String(contentsOf: directory.appendingPathComponent("after"), encoding: .utf8)
            #expect(before == during, "terminal modes not restored while suspended")
            #expect(before == after, "terminal modes not restored after resuming and quitting")
        }
    }

    @Test func refusesADumbTerminalWithAClearMessage() async throws {
        try await offThePool {
            let directory = try DemoProgram.scratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let command = "cd \(DemoProgram.quoted(directory.path)) && TERM=dumb \(DemoProgram.quoted(DemoProgram.path)); echo $? > status; sleep 600"
            let session = try TmuxSession(command: command)
            defer { session.close() }
            #expect(try DemoProgram.waitForFile(directory.appendingPathComponent("status")) == "1")
            let screen = try session.waitFor("TERM is 'dumb'")
            #expect(screen.contains("needs a full-screen terminal"))
        }
    }
}

/// Without a terminal at all (a pipe, as under CI or a service), start() fails cleanly.
@Suite struct NoTerminalTests {
    @Test func refusesToStartWithoutATerminal() async throws {
        try await offThePool {
            let result = try ChildProcess.run(DemoProgram.path, [])
            #expect(result.status == 1)
            #expect(result.output.contains("standard input is not a terminal"), "\(result.output)")
        }
    }
}
