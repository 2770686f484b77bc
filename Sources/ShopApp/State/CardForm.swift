import Foundation
import ShopKit
import TerminalUI

/// The payment card being typed. It lives only in memory for one checkout attempt: it is not
/// Codable, never logged, and its description shows the last four digits only.
public struct CardForm: Equatable, Sendable, CustomStringConvertible, CustomReflectable {
    public enum Field: Equatable, Sendable, CaseIterable {
        case number, expiry, cvv, holder

        public var label: String {
            switch self {
            case .number: "Card number"
            case .expiry: "Expiry (MM/YY)"
            case .cvv: "CVV"
            case .holder: "Name on card"
            }
        }
    }

    /// Digits only, at most 19.
    public private(set) var digits = ""
    public var expiry = TextInputState(maxLength: 7)
    public private(set) var cvv = ""
    public var holder = TextInputState(maxLength: 100)
    public var focus: Field = .number
    public var errors: [Field: String] = [:]

    public init() {}

    public var brand: CardBrand { CardValidator.brand(of: digits) }
    /// The number in groups as printed on the card, for showing while it is typed.
    public var groupedNumber: String { CardValidator.grouped(digits) }
    /// "Visa •••• 4242": how the card is shown once typed.
    public var masked: String { digits.isEmpty ? "" : "\(brand.displayName) \(CardValidator.masked(digits))" }
    public var last4: String { String(digits.suffix(4)) }

    /// The expiry as month and four-digit year, from "MM/YY", "MM/YYYY" or "MMYY".
    public var expiryParts: (month: Int, year: Int)? {
        let text = expiry.text.replacingOccurrences(of: " ", with: "")
        let pieces = text.contains("/") ? text.split(separator: "/").map(String.init)
            : (text.count >= 4 ? [String(text.prefix(2)), String(text.dropFirst(2))] : [])
        guard pieces.count == 2, let month = Int(pieces[0]), let rawYear = Int(pieces[1]) else { return nil }
        let year = pieces[1].count == 2 ? 2000 + rawYear : rawYear
        guard pieces[1].count == 2 || pieces[1].count == 4 else { return nil }
        return (month, year)
    }

    /// The card to send, when the fields can be read.
    public var input: CardInput? {
        guard let expiry = expiryParts else { return nil }
        let name = holder.text.trimmingCharacters(in: .whitespaces)
        return CardInput(number: digits, cvv: cvv, expMonth: expiry.month, expYear: expiry.year, holderName: name.isEmpty ? nil : name)
    }

    /// What is wrong with a number the gateway would call "invalid", in words that say what to
    /// fix: too short, too long, or a typo the check digit caught.
    static func numberProblem(_ digits: String) -> String {
        let lengths = CardValidator.validLengths(for: CardValidator.brand(of: digits)).sorted()
        if let shortest = lengths.first, digits.count < shortest {
            return "The number is too short: \(digits.count) digits of \(shortest)"
        }
        if let longest = lengths.last, digits.count > longest {
            return "The number is too long: \(digits.count) digits of \(longest)"
        }
        if !CardValidator.passesLuhn(digits) { return "A digit is wrong: the number fails its check digit" }
        return "This is not a card number we know"
    }

    /// Checks the card with ShopKit's CardValidator (Luhn, brand, expiry, CVV) at `date`;
    /// fills `errors` and returns the card when it can be charged.
    public mutating func validated(at date: Date) -> CardInput? {
        errors = [:]
        guard let card = input else {
            if digits.isEmpty { errors[.number] = "Enter the card number" }
            errors[.expiry] = "Enter the expiry as MM/YY"
            focus = errors[.number] != nil ? .number : .expiry
            return nil
        }
        if let problem = CardValidator.problem(with: card, at: date) {
            let field: Field = switch problem.field {
            case "card.cvv": .cvv
            case "card.expMonth", "card.expYear": .expiry
            default: .number
            }
            errors[field] = problem == .invalidNumber ? Self.numberProblem(digits) : problem.message
            focus = field
            return nil
        }
        return card
    }

    /// Sends a key to the focused field. The number and CVV take digits only; the number's
    /// cursor stays at the end so it can be shown grouped as it is typed.
    public mutating func type(_ key: Key) -> Bool {
        errors[focus] = nil
        switch focus {
        case .number: return Self.typeDigits(key, into: &digits, limit: 19)
        case .cvv: return Self.typeDigits(key, into: &cvv, limit: 4)
        case .expiry:
            // "1230" reads as 12/30 while it is typed: the slash comes by itself after the month.
            if case .character(let character) = key, character.isASCII, character.isNumber,
               expiry.text.count == 2, expiry.text.allSatisfy(\.isNumber) {
                expiry.setText(expiry.text + "/")
            }
            return expiry.handle(key)
        case .holder: return holder.handle(key)
        }
    }

    private static func typeDigits(_ key: Key, into text: inout String, limit: Int) -> Bool {
        switch key {
        case .character(let character):
            if character.isASCII && character.isNumber && text.count < limit { text.append(character) }
            return true
        case .backspace:
            if !text.isEmpty { text.removeLast() }
            return true
        case .ctrl("u"):
            text = ""
            return true
        default:
            return false
        }
    }

    /// Forgets the secrets (after the order is placed or checkout is left).
    public mutating func wipe() { self = CardForm() }

    public var description: String { "CardForm(\(masked.isEmpty ? "empty" : masked))" }
    public var customMirror: Mirror { Mirror(self, children: ["card": masked], displayStyle: .struct) }
}
