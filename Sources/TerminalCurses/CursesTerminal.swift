import CNcurses
import Foundation
import TerminalUI

/// The ncurses backend: owns the terminal while the app runs, shows ``Buffer``s and reads
/// ``Event``s.
///
/// ```swift
/// let terminal = CursesTerminal(theme: theme)
/// try terminal.start()                 // throws TerminalError without a usable terminal
/// defer { terminal.stop() }
/// while running {
///     terminal.draw(view(state, terminal.size))
///     if let event = terminal.nextEvent(timeout: .milliseconds(50)) { … }
/// }
/// ```
///
/// The terminal is restored by ``stop()``, at process exit, and on SIGINT, SIGTERM, SIGHUP and
/// SIGQUIT (the handler restores it, then re-raises the signal so the exit status is
/// 128+signal). A crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP) restores it too,
/// with async-signal-safe code only, notes the signal in ``Options/crashLogPath`` and dies of
/// the signal. Ctrl-Z suspends and resumes with a full redraw. Use it from one thread only.
public final class CursesTerminal {
    /// How the terminal is set up.
    public struct Options: Sendable {
        /// Report mouse clicks and the wheel. (The terminal's own text selection then needs Shift.)
        public var mouse: Bool
        /// Raw mode: Ctrl-C, Ctrl-S, Ctrl-Q and Ctrl-\ arrive as keys instead of signals and flow
        /// control, so the app can confirm before quitting. Ctrl-Z still suspends.
        public var rawKeys: Bool
        /// How long a lone Esc waits for the rest of an escape sequence.
        public var escapeDelay: Duration
        /// Where the colour capability comes from before terminfo narrows it (NO_COLOR, COLORTERM).
        public var environment: [String: String]
        /// A file that gets one line ("shop: crashed with signal 11") if the process crashes
        /// while the terminal is taken; opened for appending at ``start()``.
        public var crashLogPath: String?

        public init(
            mouse: Bool = true, rawKeys: Bool = true, escapeDelay: Duration = .milliseconds(25),
            environment: [String: String] = ProcessInfo.processInfo.environment, crashLogPath: String? = nil
        ) {
            self.mouse = mouse
            self.rawKeys = rawKeys
            self.escapeDelay = escapeDelay
            self.environment = environment
            self.crashLogPath = crashLogPath
        }
    }

    /// The theme frames are shown in; setting it redraws everything on the next ``draw(_:)``.
    public var theme: Theme {
        didSet {
            resolvedStyles = [:]
            previousFrame = nil
        }
    }

    public let options: Options
    /// What the terminal can show, known after ``start()``.
    public private(set) var colorCapability: ColorCapability = .none
    /// Whether the terminal is currently in curses mode.
    public private(set) var isRunning = false
    /// Cells written by the last ``draw(_:)``: a whole screen after a resize, few otherwise.
    public private(set) var lastDrawCellCount = 0

    private var screen: OpaquePointer?
    /// Writes the frames; ncurses only sets the terminal up and reads it.
    private var writer: TerminfoFrameWriter?
    private var previousFrame: Buffer?
    private var resolvedStyles: [Style: ResolvedStyle] = [:]
    private var cursorVisible: Int32 = -1
    private var colorCount: Int32 = 0
    private var crashLogDescriptor: Int32 = -1

    public init(theme: Theme = .default, options: Options = Options()) {
        self.theme = theme
        self.options = options
    }

    deinit {
        stop()
        if crashLogDescriptor >= 0 { close(crashLogDescriptor) }
    }

    /// The screen size in cells.
    public var size: Size {
        guard isRunning else {
            var rows: Int32 = 0
            var columns: Int32 = 0
            return cnc_terminal_size(&rows, &columns) == 0 ? Size(width: Int(columns), height: Int(rows)) : Size(width: 80, height: 24)
        }
        var rows: Int32 = 0
        var columns: Int32 = 0
        cnc_getmaxyx(cnc_stdscr(), &rows, &columns)
        return Size(width: Int(columns), height: Int(rows))
    }

    // MARK: Start and stop

    /// Takes over the terminal: checks it is one, then sets up ncursesw (locale, keypad, no echo,
    /// raw or cbreak, short ESCDELAY, colours, mouse) and hides the cursor.
    public func start() throws {
        guard !isRunning else { return }
        guard isatty(STDIN_FILENO) != 0 else { throw TerminalError.notATerminal(stream: "input") }
        guard isatty(STDOUT_FILENO) != 0 else { throw TerminalError.notATerminal(stream: "output") }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else { throw TerminalError.dumbTerminal(term: term) }

        setlocale(LC_ALL, "")
        // In the C locale ncurses cannot read the UTF-8 a terminal sends: `è` was dropped with
        // the keys typed after it. Read input as UTF-8 there; what is drawn stays ASCII (the
        // caller decided the capabilities from the locale's own character set).
        if String(cString: nl_langinfo(nl_item(CODESET))) == "ANSI_X3.4-1968" { setlocale(LC_CTYPE, "C.UTF-8") }
        // Ours first: ncurses only installs its own SIGINT/SIGTERM handlers when none is set.
        cnc_install_restore_handlers()
        cnc_register_atexit_restore_once()
        // The shell's modes, before curses changes them: what a crash puts back.
        cnc_crash_save_modes()
        set_escdelay(Int32(options.escapeDelay.components.seconds * 1000 + options.escapeDelay.components.attoseconds / 1_000_000_000_000_000))
        guard let screen = cnc_newterm(nil) else { throw TerminalError.initialisationFailed(term: term) }
        self.screen = screen
        set_term(screen)
        isRunning = true

        if options.rawKeys { raw() } else { cbreak() }
        noecho()
        nonl()
        keypad(cnc_stdscr(), true)
        defineExtraKeySpellings()
        intrflush(cnc_stdscr(), false)
        setUpColors()
        if options.mouse {
            mousemask(cnc_click_and_wheel_events(), nil)
            mouseinterval(0)
        }
        setCursorVisible(false)
        previousFrame = nil
        resolvedStyles = [:]
        // ncurses sends its setup and a blank screen now, and never draws again: frames go
        // out through the writer. It leaves the cursor at the top left (see TerminfoFrameWriter).
        wclear(cnc_stdscr())
        wnoutrefresh(cnc_stdscr())
        doupdate()
        writer = TerminfoFrameWriter(strings: .current(), colorCount: colorCount)
        if crashLogDescriptor < 0, let path = options.crashLogPath {
            crashLogDescriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        }
        setBracketedPaste(true)
        cnc_crash_install(crashLogDescriptor)
    }

    /// Bracketed paste: a paste arrives between `\e[200~` and `\e[201~`, which
    /// `KeyMapping.joined` turns into one `.paste`, so a line break in it never presses Enter
    /// (a three-line address pasted into the form submitted it twice).
    private func setBracketedPaste(_ on: Bool) {
        let bytes = Array((on ? "\u{1B}[?2004h" : "\u{1B}[?2004l").utf8)
        _ = bytes.withUnsafeBytes { unistdWrite(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    /// Gives the terminal back: the modes the shell had, the cursor, the normal screen.
    /// Safe to call more than once.
    public func stop() {
        guard isRunning else { return }
        isRunning = false
        cnc_crash_disarm()
        if options.mouse { mousemask(0, nil) }
        if cnc_has_alternate_screen() == 0 {
            // Nothing to switch back to (the Linux console): the last frame would stay, with
            // the shell's prompt written over its status bar. Leave a blank screen instead.
            writer?.clear()
        }
        writer?.homeCursor()
        writer?.flush()
        writer = nil
        curs_set(1)
        setBracketedPaste(false)
        endwin()
        if let screen {
            delscreen(screen)
            self.screen = nil
        }
        previousFrame = nil
    }

    /// Runs `body` with the terminal started, and stops it however `body` ends (return or throw).
    public func run<Result>(_ body: (CursesTerminal) throws -> Result) throws -> Result {
        try start()
        defer { stop() }
        return try body(self)
    }

    /// Suspends like Ctrl-Z in a shell: restores the terminal, stops the process, and when the
    /// shell continues it (fg), takes the terminal back and redraws everything.
    public func suspend() {
        guard isRunning else { return }
        // Without an alternate screen the shell would write over the frame (see stop()).
        if cnc_has_alternate_screen() == 0 { writer?.clear() }
        writer?.homeCursor()
        writer?.flush()
        setBracketedPaste(false)
        endwin()
        cnc_stop_self()
        // Continued: the terminal may have been resized while we were stopped.
        var rows: Int32 = 0
        var columns: Int32 = 0
        if cnc_terminal_size(&rows, &columns) == 0 { resizeterm(rows, columns) }
        refresh()
        // endwin turned keypad-transmit mode off and ncurses only turns it back on at the next
        // getch — after the redraw, so a key pressed as the screen reappears would arrive in
        // the other cursor-key mode and be misread. Turn it on now.
        keypad(cnc_stdscr(), true)
        setBracketedPaste(true)
        writer?.forgetTerminalState()
        previousFrame = nil
    }

    /// Home and End as VT220 (`\e[1~`, `\e[4~`), rxvt (`\e[7~`, `\e[8~`) and xterm
    /// (`\e[H`, `\e[F`, `\eOH`, `\eOF`) send them: tmux and many terminals send a spelling the
    /// terminfo entry of TERM does not list, which would otherwise arrive as Esc plus junk.
    private func defineExtraKeySpellings() {
        for (sequence, code) in [("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
                                 ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END)] {
            if key_defined(sequence) == 0 { define_key(sequence, code) }
        }
    }

    private func setUpColors() {
        colorCount = 0
        var capability = ColorCapability.detect(environment: options.environment)
        if capability != .none && has_colors() {
            start_color()
            use_default_colors()
            colorCount = cnc_colors()
            capability = min(capability, ColorCapability.fromColorCount(Int(colorCount)))
        } else {
            capability = .none
        }
        colorCapability = capability
    }

    // MARK: Drawing

    /// Shows `buffer`, writing only the cells that changed since the last frame, then one
    /// `doupdate` so ncurses sends the smallest update it can.
    public func draw(_ buffer: Buffer) {
        guard isRunning else { return }
        let changes = buffer.changes(from: previousFrame)
        draw(changes.map { change in
            CellUpdate(x: change.x, y: change.y, symbol: change.cell.symbol, width: change.width,
                       style: resolved(change.cell.style))
        })
        setCursor(buffer.cursor)
        flush()
        previousFrame = buffer
    }

    /// Writes changed cells (styles already resolved) to the terminal; ``flush()`` sends them.
    /// This is what ``CursesBackend`` hands the renderer's diff to.
    public func draw(_ updates: [CellUpdate]) {
        guard isRunning else { return }
        writer?.draw(updates, size: size)
        lastDrawCellCount = updates.count
    }

    /// Shows the cursor at `position` (a focused text field), or hides it.
    public func setCursor(_ position: Position?) {
        guard isRunning else { return }
        writer?.setCursor(position, size: size)
    }

    /// Sends what was drawn, in one write.
    public func flush() {
        guard isRunning else { return }
        writer?.flush()
    }

    /// Writes a signal straight to the terminal after the last update ncurses sent (it moves
    /// no cursor, so ncurses' idea of the screen stays right).
    public func send(_ signal: TerminalSignal) {
        guard isRunning else { return }
        let bytes = signal.bytes
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { unistdWrite(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// Blanks the screen; the cells drawn next are all that shows.
    public func clear() {
        guard isRunning else { return }
        writer?.clear()
    }

    /// Takes the new size from the kernel after a SIGWINCH (when ncurses' own handler is not
    /// installed, see ``CursesBackend``).
    public func adoptKernelSize() -> Size {
        guard isRunning else { return size }
        var rows: Int32 = 0
        var columns: Int32 = 0
        if cnc_terminal_size(&rows, &columns) == 0 { resizeterm(rows, columns) }
        settleAfterResize()
        return size
    }

    /// resizeterm touched ncurses' screen, which it would repaint (blank) at the next read and
    /// wipe the next frame: let it do that now, then redraw everything.
    private func settleAfterResize() {
        wnoutrefresh(cnc_stdscr())
        doupdate()
        writer?.forgetTerminalState()
        invalidate()
    }

    /// Forgets what is on screen, so the next ``draw(_:)`` repaints every cell.
    public func invalidate() {
        previousFrame = nil
    }

    /// Puts `symbol` into `buffer` as a NUL-terminated wide string curses will accept, and
    /// returns the width the C library will give it (which the caller pads up to `width`).
    ///
    /// A cchar_t is one spacing character plus up to four zero-width ones, so the grapheme is
    /// cut at the first scalar the C library does not see as zero-width: a ZWJ sequence (👨‍👩‍👧)
    /// shows its first emoji, which keeps ncurses' idea of the line the same as the buffer's.
    static func encode(_ symbol: String, into buffer: inout [wchar_t], width: Int) -> Int {
        if width == 1, let byte = symbol.utf8.first, byte >= 0x20, byte < 0x7F, symbol.utf8.count == 1 {
            buffer[0] = wchar_t(byte)  // printable ASCII, most of every frame
            buffer[1] = 0
            return 1
        }
        let limit = Int(cnc_ccharw_max())
        var count = 0
        for scalar in symbol.unicodeScalars {
            let character = wchar_t(bitPattern: scalar.value)
            if count > 0 {
                if count >= limit || scalar.value == 0x200D || cnc_wcwidth(character) != 0 { break }
            }
            buffer[count] = character
            count += 1
        }
        if count == 0 {
            buffer[0] = 0x20
            count = 1
        }
        buffer[count] = 0
        let libraryWidth = Int(cnc_wcwidth(buffer[0]))
        if libraryWidth == width { return width }
        if libraryWidth == 1 && width == 2 {
            // An emoji made wide by VS16 (or a flag) that the C library measures as narrow: show
            // it in text presentation, one column, and let the caller pad the second.
            buffer[1] = 0
            return 1
        }
        // Unprintable for the C library, or wider than we measured: a replacement character.
        buffer[0] = 0xFFFD
        buffer[1] = 0
        return 1
    }

    private func resolved(_ style: Style) -> ResolvedStyle {
        if let known = resolvedStyles[style] { return known }
        let value = theme.resolve(style, capability: colorCapability)
        resolvedStyles[style] = value
        return value
    }

    private func setCursorVisible(_ visible: Bool) {
        let wanted: Int32 = visible ? 1 : 0
        guard wanted != cursorVisible else { return }
        curs_set(wanted)
        cursorVisible = wanted
    }

    // MARK: Input

    /// Waits up to `timeout` (forever when nil) for the next event; nil when none came, so the
    /// app loop can handle results of async work between keys.
    ///
    /// A resize comes back as ``Event/resize(_:)`` and makes the next draw a full redraw.
    /// Ctrl-Z suspends the process and also comes back as a resize, to redraw everything.
    public func nextEvent(timeout: Duration? = nil) -> Event? {
        guard isRunning else { return nil }
        let window = cnc_stdscr()
        if let timeout {
            let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
            wtimeout(window, Int32(clamping: max(0, milliseconds)))
        } else {
            wtimeout(window, -1)
        }
        while true {
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            if status == cnc_err() { return nil }
            if status == cnc_key_code_yes() {
                let code = Int32(bitPattern: value)
                if code == KEY_RESIZE {
                    settleAfterResize()
                    return .resize(size)
                }
                if code == KEY_MOUSE {
                    if let event = mouseEvent() { return .mouse(event) }
                    continue
                }
                if code == KEY_SUSPEND {
                    // Ctrl-Z where terminfo names it the suspend key (`kspd` on the Linux console).
                    suspend()
                    return .resize(size)
                }
                if let key = KeyMapping.key(forKeyCode: code) { return .key(key) }
                continue
            }
            guard let key = KeyMapping.key(forCharacter: UInt32(value)) else { continue }
            if key == .ctrl("z") {
                suspend()
                return .resize(size)
            }
            return .key(key)
        }
    }

    private func mouseEvent() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == cnc_ok() else { return nil }
        let state = event.bstate
        let x = Int(event.x)
        let y = Int(event.y)
        if state & cnc_button4_pressed() != 0 { return MouseEvent(.wheelUp, x: x, y: y) }
        if cnc_button5_pressed() != 0 && state & cnc_button5_pressed() != 0 { return MouseEvent(.wheelDown, x: x, y: y) }
        if state & cnc_button1_pressed() != 0 { return MouseEvent(.click, x: x, y: y) }
        if state & cnc_button3_pressed() != 0 { return MouseEvent(.rightClick, x: x, y: y) }
        return nil
    }
}

/// atexit handlers cannot be unregistered; register the restoring one once per process.
private let atexitRegistration: Void = cnc_register_atexit_restore()

private func cnc_register_atexit_restore_once() {
    _ = atexitRegistration
}

/// `write(2)`, named apart from anything called `write` in scope.
private func unistdWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
