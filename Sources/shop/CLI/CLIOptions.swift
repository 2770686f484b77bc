import ArgumentParser
import Foundation
import ShopKit

/// Options every subcommand takes.
struct CLIOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Use the gateway at this http(s) URL instead of the offline demo.", valueName: "URL"))
    var gateway: String?

    @Option(help: ArgumentHelp("Show prices in USD, EUR, CAD, JPY, GBP or TRY.", valueName: "CODE"))
    var currency: String?

    @Flag(help: "Print the result as JSON (see docs/cli.md for the shapes).")
    var json = false

    @Flag(name: .customLong("no-color"), help: "No colours (same as NO_COLOR).")
    var noColor = false

    func validate() throws {
        try SharedOptionRules.validate(gateway: gateway, currency: currency)
    }
}
