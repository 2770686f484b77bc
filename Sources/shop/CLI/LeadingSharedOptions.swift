import ArgumentParser

/// Lets the options every subcommand shares come before the subcommand too, as people type them
/// (`shop --gateway URL cart add LMP-01`, like `git -C DIR status`).
///
/// The subcommands parse from a root without options (see `ShopCommand.main`), so a leading
/// shared option is moved to just after the subcommand's words, where that subcommand's own
/// `CLIOptions` reads it; its meaning is the same in either place.
enum LeadingSharedOptions {
    /// The `CLIOptions` names that take a value, and those that do not.
    static let valued: Set<String> = ["--gateway", "--currency"]
    static let flags: Set<String> = ["--json", "--no-color"]

    /// `arguments` with the shared options before the subcommand moved behind its words, or
    /// nil when the first argument that is not a shared option does not name a subcommand
    /// (then the arguments are the full-screen client's, and are left as they are).
    static func reordered(_ arguments: [String], root: any ParsableCommand.Type) -> [String]? {
        var leading: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let word = arguments[index]
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if flags.contains(word) {
                leading.append(word)
                index += 1
            } else if valued.contains(name), word.contains("=") {
                leading.append(word)
                index += 1
            } else if valued.contains(word), index + 1 < arguments.endIndex {
                leading += arguments[index...index + 1]
                index += 2
            } else {
                break
            }
        }
        let rest = Array(arguments[index...])
        let path = commandPath(rest, root: root)
        guard !path.isEmpty else { return nil }
        // Behind every subcommand word (`cart add`), so the options reach the command that runs.
        return path + leading + Array(rest[path.count...])
    }

    /// The subcommand words at the start of `arguments`, e.g. `cart add` for `cart add LMP-01 0`.
    static func commandPath(_ arguments: [String], root: any ParsableCommand.Type) -> [String] {
        var path: [String] = []
        var command = root
        for word in arguments {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
            path.append(word)
            command = next
        }
        return path
    }
}
