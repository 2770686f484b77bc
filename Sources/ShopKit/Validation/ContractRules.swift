/// Collects the contract rules a decoded answer breaks, field by field. The generated wire
/// layer already refuses missing fields, wrong types and unknown currency codes; these are the
/// rules it does not check: minimums and maximums, and money that is never negative.
struct ContractRules {
    /// The path of the value being checked, e.g. `items[3]`.
    private(set) var path: String
    /// What is broken so far: (field path, rule).
    private(set) var broken: [(field: String, rule: String)] = []

    init(path: String = "") {
        self.path = path
    }

    private func field(_ name: String) -> String {
        path.isEmpty ? name : name.hasPrefix("[") ? path + name : path + "." + name
    }

    /// `minimum:` in the contract.
    mutating func atLeast(_ value: Int, _ minimum: Int, _ name: String) {
        if value < minimum { broken.append((field(name), "must be at least \(minimum), was \(value)")) }
    }

    /// A number with a minimum and a maximum (ratings: 0 to 5).
    mutating func within(_ value: Double, _ range: ClosedRange<Double>, _ name: String) {
        if !(value.isFinite && range.contains(value)) {
            broken.append((field(name), "must be within \(range.lowerBound)...\(range.upperBound), was \(value)"))
        }
    }

    /// Money is never negative.
    mutating func money(_ value: Money, _ name: String) {
        if value.amount < 0 { broken.append((field(name + ".amount"), "must not be negative, was \(value.amount)")) }
    }

    /// A nested value: its broken rules are reported under `name`.
    mutating func nested(_ value: some ContractChecked, _ name: String) {
        var inner = ContractRules(path: field(name))
        value.check(&inner)
        broken += inner.broken
    }

    /// Every element of a nested array (inside one object, a bad element breaks the object).
    mutating func each(_ values: [some ContractChecked], _ name: String) {
        for (index, value) in values.enumerated() { nested(value, "\(name)[\(index)]") }
    }
}

/// A model whose contract rules ShopKit checks on every answer.
protocol ContractChecked {
    func check(_ rules: inout ContractRules)
}

extension ContractChecked {
    /// The rules this value breaks, at `path`.
    func brokenRules(at path: String = "") -> [(field: String, rule: String)] {
        var rules = ContractRules(path: path)
        check(&rules)
        return rules.broken
    }
}
