import Foundation

/// Reads what must never be a command-line argument (a card, a password): arguments are visible
/// to every user of the machine through `ps` and stay in shell history. From standard input when
/// it is a pipe or a file, one value a line; on a terminal, from prompts that do not echo secrets.
enum SecretInput {
    struct Field {
        var prompt: String
        var secret: Bool
        var optional = false
    }

    static var isTerminal: Bool { isatty(STDIN_FILENO) != 0 }

    /// One value per field, in order; an optional field missing at the end reads as "".
    static func read(_ fields: [Field], what: String) throws -> [String] {
        var values: [String] = []
        for field in fields {
            let line = isTerminal ? prompt(field) : readLine(strippingNewline: true)
            let value = line?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !value.isEmpty || field.optional else {
                let expected = fields.filter { !$0.optional }.map(\.prompt).joined(separator: ", ")
                throw CLIFailure(.usage, "\(what) is read from standard input, one value a line (\(expected)); \(field.prompt.lowercased()) is missing")
            }
            values.append(value)
        }
        return values
    }

    private static func prompt(_ field: Field) -> String? {
        try? FileHandle.standardError.write(contentsOf: Data("\(field.prompt): ".utf8))
        guard field.secret else { return readLine(strippingNewline: true) }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return readLine(strippingNewline: true) }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            try? FileHandle.standardError.write(contentsOf: Data("\n".utf8))
        }
        return readLine(strippingNewline: true)
    }
}
