import Foundation
import ShopKit
import Testing

@Suite("CardValidator")
struct CardValidatorTests {
    let january2025 = ISO8601DateFormatter().date(from: "2025-01-15T12:00:00Z")!

    @Test("detects the brand as you type", arguments: [
        ("4", CardBrand.visa), ("4242 42", .visa), ("51", .mastercard), ("5555-5555", .mastercard),
        ("2221 00", .mastercard), ("2720", .mastercard), ("2721", .unknown), ("34", .amex), ("37", .amex),
        ("6011", .discover), ("65", .discover), ("644", .discover), ("", .unknown), ("9", .unknown), ("3", .unknown),
    ])
    func brandDetection(number: String, brand: CardBrand) {
        #expect(CardValidator.brand(of: number) == brand)
    }

    @Test func luhnAndLength() {
        #expect(CardValidator.passesLuhn("4242 4242 4242 4242"))
        #expect(CardValidator.passesLuhn("4242-4242-4242-4242"))
        #expect(!CardValidator.passesLuhn("4242 4242 4242 4241"))
        #expect(!CardValidator.passesLuhn("4242 4242 4242 424a"))
        #expect(!CardValidator.passesLuhn(""))
        #expect(CardValidator.hasValidLength("4242424242424242"))
        #expect(!CardValidator.hasValidLength("42424242424242"))  // 14 digits is no Visa length
        #expect(CardValidator.hasValidLength("378282246310005"))
        #expect(CardValidator.normalized("4242 4242-4242") == "424242424242")
    }

    @Test func groupingAndMasking() {
        #expect(CardValidator.grouped("4242424242424242") == "4242 4242 4242 4242")
        #expect(CardValidator.grouped("4242-4242-42") == "4242 4242 42")
        #expect(CardValidator.grouped("378282246310005") == "3782 822463 10005")
        #expect(CardValidator.grouped("4242424242424242123") == "4242 4242 4242 4242 123")
        #expect(CardValidator.masked("4242 4242 4242 4242") == "•••• 4242")
    }

    @Test func messagesMatchTheGateway() {
        #expect(CardValidator.problem(with: Fixtures.visa, at: january2025) == nil)
        #expect(CardValidator.problem(with: Fixtures.mastercard, at: january2025) == nil)

        let bad = CardInput(number: "4242 4242 4242 4241", cvv: "123", expMonth: 1, expYear: 2099)
        #expect(CardValidator.problem(with: bad, at: january2025)?.message == "Credit card info is invalid")

        #expect(CardValidator.problem(with: Fixtures.amex, at: january2025)?.message
            == "Sorry, we cannot process amex credit cards. Only VISA or MasterCard is accepted.")

        let expired = CardValidator.problem(with: Fixtures.expired, at: january2025)
        #expect(expired == .expired(last4: "0454", month: 1, year: 2024))
        #expect(expired?.message == "Your credit card (ending 0454) expired on 1/2024")
        #expect(expired?.field == "card.expMonth")
    }

    @Test func aCardIsValidThroughItsExpiryMonth() {
        let endOfMonth = ISO8601DateFormatter().date(from: "2024-01-31T23:59:59Z")!
        let nextMonth = ISO8601DateFormatter().date(from: "2024-02-01T00:00:00Z")!
        #expect(!CardValidator.isExpired(month: 1, year: 2024, at: endOfMonth))
        #expect(CardValidator.isExpired(month: 1, year: 2024, at: nextMonth))
        #expect(CardValidator.isExpired(month: 12, year: 2023, at: endOfMonth))
    }

    @Test func cvvAndMonthAreChecked() {
        let shortCVV = CardInput(number: "4242424242424242", cvv: "12", expMonth: 1, expYear: 2099)
        #expect(CardValidator.problem(with: shortCVV, at: january2025) == .invalidCVV(expectedLength: 3))
        let badMonth = CardInput(number: "4242424242424242", cvv: "123", expMonth: 13, expYear: 2099)
        #expect(CardValidator.problem(with: badMonth, at: january2025) == .invalidExpiryMonth)
        #expect(CardValidator.isValidCVV("1234", for: .amex))
        #expect(!CardValidator.isValidCVV("12a", for: .visa))
    }

    @Test func cardDescriptionsNeverRevealTheNumberOrCVV() {
        let card = CardInput(number: "4242 4242 4242 4242", cvv: "987", expMonth: 12, expYear: 2099, holderName: "Ada")
        let request = PlaceOrderRequest(email: "a@example.com", address: Fixtures.address, card: card)
        var dumped = ""
        dump(card, to: &dumped)
        var dumpedRequest = ""
        dump(request, to: &dumpedRequest)
        let renderings = [
            card.description, card.debugDescription, String(describing: card), String(reflecting: card), "\(card)",
            dumped, request.description, String(reflecting: request), dumpedRequest,
            String(describing: Mirror(reflecting: card).children.map { "\($0.label ?? ""):\($0.value)" }),
        ]
        for text in renderings {
            #expect(!text.contains("4242 4242 4242 4242"))
            #expect(!text.contains("4242424242424242"))
            #expect(!text.contains("4242 4242"))
            #expect(!text.contains("987"))
        }
        #expect(card.description.contains("4242"))
        #expect(card.description.contains("Visa"))
        #expect(card.masked == "Visa •••• 4242")
    }
}
