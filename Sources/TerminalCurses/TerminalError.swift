/// Why the terminal UI cannot start; the app prints ``message`` and exits non-zero.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected, run by a service).
    case notATerminal(stream: String)
    /// `TERM` is unset or `dumb`: the terminal cannot position the cursor.
    case dumbTerminal(term: String)
    /// curses could not set up the terminal, e.g. `TERM` names a type terminfo does not know.
    case initialisationFailed(term: String)

    /// A sentence for the user saying what is wrong and what to do.
    public var message: String {
        switch self {
        case .notATerminal(let stream):
            "shop needs an interactive terminal, but standard \(stream) is not a terminal. Run it directly in a terminal window (not through a pipe or redirection)."
        case .dumbTerminal(let term):
            "shop needs a full-screen terminal, but TERM is \(term.isEmpty ? "not set" : "'\(term)'"). Set TERM to your terminal's type, e.g. TERM=xterm-256color."
        case .initialisationFailed(let term):
            "shop could not set up the terminal '\(term)': terminfo does not know it. Set TERM to a known type, e.g. TERM=xterm-256color."
        }
    }

    public var description: String { message }
}
