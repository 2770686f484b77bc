import ArgumentParser
import Foundation
import ShopKit

/// The checks of the options the full-screen client and every subcommand share.
enum SharedOptionRules {
    static func validate(gateway: String?, currency: String?) throws {
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
