import ArgumentParser
import ShopApp
import ShopKit

/// `shop currency [CODE]`: the currency prices are shown in, kept in config.yaml exactly as the
/// full-screen client keeps it, so choosing it here chooses it there.
struct CurrencyCommand: ShopSubcommand {
    static let configuration = CommandConfiguration(commandName: "currency", abstract: "Show or choose the currency of prices.")
    static let path = "currency"
    @Argument(help: "USD, EUR, CAD, JPY, GBP or TRY.") var code: String?
    @OptionGroup var options: CLIOptions

    struct Result: Encodable {
        var current: CurrencyCode
        var offered: [Currency]
    }

    func validate() throws {
        if let code, CurrencyCode(code: code) == nil { throw ValidationError("the currency must be one of USD, EUR, CAD, JPY, GBP, TRY") }
    }

    func execute(_ context: CLIContext) async throws {
        var current = context.currency
        if let code, let chosen = CurrencyCode(code: code) {
            do {
                try SettingsWriter.setValue(chosen.code, forKey: "currency", in: context.directories.configFile)
            } catch {
                throw CLIFailure(.failure, "cannot save the currency in \(context.directories.configFile.path): \(error)")
            }
            current = chosen
        }
        let offered = try await context.client.currency.list()
        context.output.emit(Result(current: current, offered: offered)) { output in
            var table = Table([.init(title: ""), .init(title: "CODE"), .init(title: "NAME", flexible: true), .init(title: "PER EURO", alignment: .right)])
            for currency in offered { table.add(currency.code == current ? "*" : " ", currency.code.code, currency.name, currency.perEuro) }
            return "Prices are shown in \(current.code).\n\n" + table.render(output)
        }
    }
}
