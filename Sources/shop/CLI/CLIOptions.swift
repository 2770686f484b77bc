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
        if let gateway {
            guard let url = URL(string: gateway), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw ValidationError("--gateway must be an http(s) URL, e.g. http://127.0.0.1:8080")
            }
        }
        if let currency, CurrencyCode(code: currency) == nil {
            throw ValidationError("--currency must be one of USD, EUR, CAD, JPY, GBP, TRY")
        }
    }
}
