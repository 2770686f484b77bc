/// A gateway answer that decoded but breaks a rule of the contract (`docs/openapi.yaml`): a
/// count below its minimum, a rating outside 0...5, a negative amount of money.
public struct ContractViolation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The contract's operation id, e.g. `listProducts`.
    public var operation: String
    /// A dotted path into the answer, e.g. `items[3].stock`.
    public var field: String
    /// What is wrong, e.g. `must be at least 0, was -2`.
    public var rule: String

    public init(operation: String, field: String, rule: String) {
        self.operation = operation
        self.field = field
        self.rule = rule
    }

    public var description: String { "\(operation): \(field) \(rule)" }
}
