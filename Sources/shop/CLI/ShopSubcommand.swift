import ArgumentParser
import Foundation
import ShopKit

/// A subcommand that talks to the gateway: it opens the shared context, runs, prints its answer
/// (table or JSON) and exits with the documented status.
protocol ShopSubcommand: ParsableCommand {
    /// The words after `shop`, e.g. `cart add`, named in messages and JSON answers.
    static var path: String { get }
    var options: CLIOptions { get }
    func execute(_ context: CLIContext) async throws
}

extension ShopSubcommand {
    func run() throws {
        let output = CLIOutput(command: Self.path, options: options)
        let command = UncheckedSendable(self)
        let status = try runBlocking { () async -> ExitStatus in
            let context: CLIContext
            do {
                context = try await CLIContext.open(command.value.options, output: output)
            } catch {
                return Self.report(error, output)
            }
            do {
                try await command.value.execute(context)
                await context.close()
                return .success
            } catch {
                await context.close()
                return Self.report(error, output)
            }
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }

    private static func report(_ error: any Error, _ output: CLIOutput) -> ExitStatus {
        let failure: CLIFailure = switch error {
        case let failure as CLIFailure: failure
        case let error as ShopError: CLIFailure(error)
        default: CLIFailure(.failure, "\(error)")
        }
        output.report(failure)
        return failure.status
    }
}

/// Hands a parsed command (a value the parser filled in and nothing else touches) to the task
/// that runs it.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
