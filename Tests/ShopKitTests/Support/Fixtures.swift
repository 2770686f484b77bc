import Foundation
import ShopKit

/// Cards, addresses and products the tests share.
enum Fixtures {
    static let visa = CardInput(number: "4242 4242 4242 4242", cvv: "123", expMonth: 12, expYear: 2099, holderName: "Ada Lovelace")
    static let mastercard = CardInput(number: "5555-5555-5555-4444", cvv: "123", expMonth: 1, expYear: 2099)
    static let declined = CardInput(number: "4000 0000 0000 0002", cvv: "123", expMonth: 12, expYear: 2099)
    static let insufficientFunds = CardInput(number: "4000 0000 0000 9995", cvv: "123", expMonth: 12, expYear: 2099)
    static let amex = CardInput(number: "3782 822463 10005", cvv: "1234", expMonth: 12, expYear: 2099)
    static let expired = CardInput(number: "4432 8015 6152 0454", cvv: "672", expMonth: 1, expYear: 2024)

    static let address = AddressInput(
        name: "Ada Lovelace", line1: "12 Analytical Row", city: "Springfield", region: "IL",
        postalCode: "62701", country: "US", phone: "+1 555 0100")

    /// In stock well beyond 10 units, 34.99 USD.
    static let skillet = "p001-cast-iron-skillet-26-cm"
    /// 42.00 USD, plenty of stock.
    static let coffeeSet = "p002-pour-over-coffee-set"
    /// Only 3 units on hand.
    static let cuttingBoard = "p003-bamboo-cutting-board"
    /// Out of stock.
    static let chefsKnife = "p006-chefs-knife-20-cm"

    static func uniqueEmail(_ prefix: String = "buyer") -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())@example.com"
    }
}
