import ShopKit
import TerminalUI

/// A field of a postal address form.
public enum AddressField: String, Equatable, Sendable, CaseIterable {
    case name, line1, line2, city, region, postalCode, country, phone

    public var label: String {
        switch self {
        case .name: "Full name"
        case .line1: "Street"
        case .line2: "Apt, suite"
        case .city: "City"
        case .region: "Region"
        case .postalCode: "Postal code"
        case .country: "Country"
        case .phone: "Phone"
        }
    }

    public var isRequired: Bool {
        switch self {
        case .name, .line1, .city, .postalCode, .country: true
        case .line2, .region, .phone: false
        }
    }

    public var maxLength: Int {
        switch self {
        case .name, .city, .region: 100
        case .line1, .line2: 200
        case .postalCode: 20
        case .country: 2
        case .phone: 40
        }
    }

    /// The gateway's field-error path for this field.
    public var gatewayPath: String { "address.\(rawValue)" }

    public var placeholder: String {
        switch self {
        case .country: "2-letter code"
        case .line2, .region, .phone: "optional"
        default: ""
        }
    }
}

/// An address being typed, with one input per field and the field that has focus.
public struct AddressForm: Equatable, Sendable {
    public var inputs: [AddressField: TextInputState]
    public var focus: AddressField = .name
    /// Problems found by the form's own checks or reported by the gateway, by field.
    public var errors: [AddressField: String] = [:]

    public init() {
        inputs = Dictionary(uniqueKeysWithValues: AddressField.allCases.map { ($0, TextInputState(maxLength: $0.maxLength)) })
        // A real value rather than a placeholder: a grey "US" looked filled in, then was "required".
        setText("US", for: .country)
    }

    /// A form filled in with a saved address, to edit it.
    public init(_ address: Address) {
        self.init()
        let values: [AddressField: String?] = [
            .name: address.name, .line1: address.line1, .line2: address.line2, .city: address.city, .region: address.region,
            .postalCode: address.postalCode, .country: address.country, .phone: address.phone,
        ]
        for (field, value) in values { setText(value ?? "", for: field) }
    }

    public func text(_ field: AddressField) -> String {
        (inputs[field]?.text ?? "").trimmingCharacters(in: .whitespaces)
    }

    public mutating func setText(_ text: String, for field: AddressField) {
        inputs[field, default: TextInputState(maxLength: field.maxLength)].setText(text)
    }

    /// Checks the fields the way the gateway will; fills `errors` and returns the address
    /// when it can be sent.
    public mutating func validated() -> AddressInput? {
        errors = [:]
        for field in AddressField.allCases where field.isRequired && text(field).isEmpty {
            errors[field] = "\(field.label) is required"
        }
        let country = text(.country)
        if !country.isEmpty && (country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter })) {
            errors[.country] = "Use the 2-letter country code, e.g. US"
        }
        let postal = text(.postalCode)
        if !postal.isEmpty && !postal.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }) {
            errors[.postalCode] = "Letters, digits, spaces and dashes only"
        }
        guard errors.isEmpty else {
            if let first = AddressField.allCases.first(where: { errors[$0] != nil }) { focus = first }
            return nil
        }
        func optional(_ field: AddressField) -> String? { text(field).isEmpty ? nil : text(field) }
        return AddressInput(name: text(.name), line1: text(.line1), line2: optional(.line2), city: text(.city),
                            region: optional(.region), postalCode: text(.postalCode), country: country.uppercased(),
                            phone: optional(.phone))
    }

    /// Moves focus to the next (or previous) field; false at the end of the form.
    public mutating func moveFocus(by delta: Int) -> Bool {
        let all = AddressField.allCases
        let index = all.firstIndex(of: focus)! + delta
        guard index >= 0, index < all.count else { return false }
        focus = all[index]
        return true
    }

    /// Sends a key to the focused field.
    public mutating func type(_ key: Key) -> Bool {
        let handled = inputs[focus, default: TextInputState(maxLength: focus.maxLength)].handle(key)
        if handled { errors[focus] = nil }
        return handled
    }
}
