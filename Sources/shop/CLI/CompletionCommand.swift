import ArgumentParser

/// `shop completion bash|zsh|fish`: the shell completion script ArgumentParser writes from the
/// command tree, so it never falls behind the subcommands.
struct CompletionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion", abstract: "Print a shell completion script.",
        discussion: "e.g. `shop completion bash > ~/.local/share/bash-completion/completions/shop`")

    @Argument(help: "bash, zsh or fish.") var shell: CompletionShell

    func run() throws {
        print(ShopCommand.completionScript(for: shell), terminator: "")
    }
}

extension CompletionShell: @retroactive ExpressibleByArgument {}
