import Foundation

/// Client-side card checks for a checkout form: the same rules as the gateway's payment
/// service (strip spaces and dashes, Luhn, length, Visa/Mastercard only, valid through the
/// expiry month), plus brand detection as you type and display helpers.
///
/// Checking locally gives instant feedback; the gateway still checks again on payment.
public enum CardValidator {
    /// The number with spaces and dashes removed (other characters are kept, and make it invalid).
    public static func normalized(_ number: String) -> String {
        number.filter { $0 != " " && $0 != "-" }
    }

    /// Only the digits of the number.
    public static func digits(of number: String) -> String {
        number.filter { $0.isASCII && $0.isNumber }
    }

    /// The brand recognised from the leading digits; works on a partly typed number.
    public static func brand(of number: String) -> CardBrand {
        let digits = digits(of: normalized(number))
        func prefix(_ length: Int) -> Int? {
            digits.count >= length ? Int(digits.prefix(length)) : nil
        }
        if digits.hasPrefix("4") { return .visa }
        if digits.hasPrefix("34") || digits.hasPrefix("37") { return .amex }
        if let two = prefix(2), (51...55).contains(two) { return .mastercard }
        if let four = prefix(4), (2221...2720).contains(four) { return .mastercard }
        if digits.hasPrefix("6011") || digits.hasPrefix("65") { return .discover }
        if let three = prefix(3), (644...649).contains(three) { return .discover }
        return .unknown
    }

    /// True when the digits pass the Luhn checksum.
    public static func passesLuhn(_ number: String) -> Bool {
        let digits = normalized(number)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        var sum = 0
        for (offset, character) in digits.reversed().enumerated() {
            var value = character.wholeNumberValue!
            if offset % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    /// The lengths a number of a brand can have.
    public static func validLengths(for brand: CardBrand) -> Set<Int> {
        switch brand {
        case .visa: [13, 16, 19]
        case .mastercard: [16]
        case .amex: [15]
        case .discover: [16, 17, 18, 19]
        case .unknown: Set(12...19)
        }
    }

    /// True when the number has only digits (after stripping) and a length its brand allows.
    public static func hasValidLength(_ number: String) -> Bool {
        let digits = normalized(number)
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return validLengths(for: brand(of: digits)).contains(digits.count)
    }

    /// The CVV length of a brand (4 for Amex, 3 otherwise).
    public static func cvvLength(for brand: CardBrand) -> Int {
        brand == .amex ? 4 : 3
    }

    /// True when the CVV is all digits and as long as the brand needs.
    public static func isValidCVV(_ cvv: String, for brand: CardBrand) -> Bool {
        cvv.count == cvvLength(for: brand) && cvv.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// True when the card's expiry month is over at `date` (a card is valid through its
    /// expiry month). Months are counted in `timeZone` (UTC by default, like the gateway).
    public static func isExpired(month: Int, year: Int, at date: Date, timeZone: TimeZone = .gmt) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let now = calendar.dateComponents([.year, .month], from: date)
        return (now.year! * 12 + now.month!) > (year * 12 + month)
    }

    /// Every problem of a card, in the gateway's order and with its messages: the number
    /// (Luhn, length, brand), the CVV, the expiry month, and, only when all of those are fine,
    /// the expiry (a card is valid through its expiry month). Empty when the card can be charged.
    public static func problems(with card: CardInput, at date: Date, timeZone: TimeZone = .gmt) -> [CardValidationError] {
        var problems: [CardValidationError] = []
        let brand = brand(of: card.number)
        if !passesLuhn(card.number) || !hasValidLength(card.number) || brand == .unknown {
            problems.append(.invalidNumber)
        } else if !brand.isAccepted {
            problems.append(.unsupportedBrand(brand))
        }
        // The gateway charges only Visa and Mastercard, whose codes have 3 digits.
        if !isValidCVV(card.cvv, for: brand.isAccepted ? brand : .visa) {
            problems.append(.invalidCVV(expectedLength: 3))
        }
        if !(1...12).contains(card.expMonth) {
            problems.append(.invalidExpiryMonth)
        }
        if problems.isEmpty && isExpired(month: card.expMonth, year: card.expYear, at: date, timeZone: timeZone) {
            problems.append(.expired(last4: card.last4, month: card.expMonth, year: card.expYear))
        }
        return problems
    }

    /// The first of ``problems(with:at:timeZone:)``, or `nil` when the card can be charged.
    public static func problem(with card: CardInput, at date: Date, timeZone: TimeZone = .gmt) -> CardValidationError? {
        problems(with: card, at: date, timeZone: timeZone).first
    }

    /// Throws the first problem of ``problem(with:at:timeZone:)``.
    public static func validate(_ card: CardInput, at date: Date, timeZone: TimeZone = .gmt) throws(CardValidationError) {
        if let problem = problem(with: card, at: date, timeZone: timeZone) { throw problem }
    }

    /// The digits in groups as printed on the card: 4-4-4-4 (`"4242 4242 4242 4242"`),
    /// 4-6-5 for Amex. Works on a partly typed number, for formatting as you type.
    public static func grouped(_ number: String) -> String {
        let digits = Array(digits(of: number))
        let groups = brand(of: String(digits)) == .amex ? [4, 6, 5] : [4, 4, 4, 4, 3]
        var result: [String] = []
        var index = 0
        for size in groups where index < digits.count {
            let end = min(index + size, digits.count)
            result.append(String(digits[index..<end]))
            index = end
        }
        if index < digits.count { result.append(String(digits[index...])) }
        return result.joined(separator: " ")
    }

    /// The last 4 digits behind bullets: `"•••• 4242"`. Safe to show and to log.
    public static func masked(_ number: String) -> String {
        "•••• " + String(digits(of: number).suffix(4))
    }
}
