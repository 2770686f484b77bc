import Foundation

/// Card details as they arrive; they live only as long as one request.
struct CardDetails: Sendable {
    var number: String
    var cvv: String
    var expMonth: Int
    var expYear: Int
}

/// A card that passed validation: what may be kept about it, plus the digits to charge.
struct ValidatedCard: Sendable {
    var brand: CardBrand
    var last4: String
    var expMonth: Int
    var expYear: Int
    fileprivate var digits: String
}

/// Online Boutique's payment rules plus Stripe-style test cards.
enum PaymentProcessor {
    static let invalidCardMessage = "Credit card info is invalid"

    /// Luhn, length, brand, expiry (valid through its month on the gateway clock) and CVV.
    /// `fieldPrefix` is where the card sits in the request body (`card.` in an order).
    static func validate(_ card: CardDetails, now: Date, fieldPrefix: String = "card.") throws(GatewayProblem) -> ValidatedCard {
        let digits = card.number.filter { $0 != " " && $0 != "-" }
        var issues: [GatewayProblem.FieldIssue] = []
        var brand: CardBrand?
        if !digits.allSatisfy(\.isASCIIDigit) || !(12...19).contains(digits.count) || !passesLuhn(digits) {
            issues.append(.init(field: fieldPrefix + "number", message: invalidCardMessage))
        } else {
            switch detectBrand(digits) {
            case .accepted(let accepted): brand = accepted
            case .refused(let name):
                issues.append(
                    .init(field: fieldPrefix + "number",
                          message: "Sorry, we cannot process \(name) credit cards. Only VISA or MasterCard is accepted."))
            case .unknown:
                issues.append(.init(field: fieldPrefix + "number", message: invalidCardMessage))
            }
        }
        if card.cvv.count != 3 || !card.cvv.allSatisfy(\.isASCIIDigit) {
            issues.append(.init(field: fieldPrefix + "cvv", message: "The security code must be 3 digits."))
        }
        if !(1...12).contains(card.expMonth) {
            issues.append(.init(field: fieldPrefix + "expMonth", message: "The expiry month must be 1 to 12."))
        }
        if let brand, issues.isEmpty {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let today = calendar.dateComponents([.year, .month], from: now)
            let (year, month) = (today.year ?? 0, today.month ?? 0)
            if card.expYear < year || (card.expYear == year && card.expMonth < month) {
                let last4 = String(digits.suffix(4))
                issues.append(
                    .init(field: fieldPrefix + "expMonth",
                          message: "Your credit card (ending \(last4)) expired on \(card.expMonth)/\(card.expYear)"))
            }
            if issues.isEmpty {
                return ValidatedCard(
                    brand: brand, last4: String(digits.suffix(4)), expMonth: card.expMonth, expYear: card.expYear,
                    digits: digits)
            }
        }
        throw GatewayProblem.validation(issues)
    }

    /// Charges a validated card; the Stripe test numbers decline the way Stripe's do.
    static func charge(_ card: ValidatedCard, amount: Money) throws(GatewayProblem) -> String {
        switch card.digits {
        case "4000000000000002":
            throw .payment("card-declined", "Card declined", "Your card was declined.")
        case "4000000000009995":
            throw .payment("insufficient-funds", "Insufficient funds", "Your card has insufficient funds.")
        case "4000000000000127":
            throw .payment("incorrect-cvc", "Incorrect CVC", "Your card's security code is incorrect.")
        default:
            return "txn_" + RandomToken.hex(byteCount: 12)
        }
    }

    static func passesLuhn(_ digits: String) -> Bool {
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            guard var value = character.wholeNumberValue else { return false }
            if index % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    private enum BrandDetection {
        case accepted(CardBrand)
        case refused(String)
        case unknown
    }

    private static func detectBrand(_ digits: String) -> BrandDetection {
        func prefix(_ n: Int) -> Int { Int(digits.prefix(n)) ?? -1 }
        let length = digits.count
        if digits.hasPrefix("4") && [13, 16, 19].contains(length) { return .accepted(.visa) }
        if length == 16 && ((51...55).contains(prefix(2)) || (2221...2720).contains(prefix(4))) {
            return .accepted(.mastercard)
        }
        if [34, 37].contains(prefix(2)) { return .refused("amex") }
        if prefix(4) == 6011 || prefix(2) == 65 || (644...649).contains(prefix(3)) { return .refused("discover") }
        if (3528...3589).contains(prefix(4)) { return .refused("jcb") }
        if prefix(2) == 36 || (300...305).contains(prefix(3)) || prefix(2) == 38 { return .refused("diners") }
        if prefix(2) == 62 { return .refused("unionpay") }
        if [50, 56, 57, 58, 63, 67].contains(prefix(2)) { return .refused("maestro") }
        return .unknown
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
