import Foundation
import Logging

/// What every service shares: the generated wire client behind the middleware stack, the
/// session manager and the configuration. Internal: the public face is the services.
final class Gateway: Sendable {
    let wire: Client
    let sessions: SessionManager
    let configuration: ShopClientConfiguration

    init(wire: Client, sessions: SessionManager, configuration: ShopClientConfiguration) {
        self.wire = wire
        self.sessions = sessions
        self.configuration = configuration
    }

    /// Runs one call of the wire client, maps whatever it throws to ``ShopError``, and checks
    /// the answer against the contract's rules (see ``CheckedAnswer``): nothing from the wire
    /// reaches the caller unchecked.
    func call<Value>(_ body: (Client) async throws -> Value) async throws(ShopError) -> Value {
        let operation = OperationName()
        let undecodable = UndecodableItems()
        let value: Value
        do {
            value = try await OperationName.$current.withValue(operation) {
                try await UndecodableItems.$current.withValue(undecodable) { try await body(wire) }
            }
        } catch {
            let failure = ShopError.from(error)
            configuration.logger.debug("call failed", metadata: ["error": "\(failure)"])
            throw failure
        }
        guard let checked = value as? any CheckedAnswer else { return value }
        do {
            // Opened here so the checked value keeps its type.
            return try validate(checked, operation: operation.name ?? "unknown", undecodable: undecodable) as! Value
        } catch {
            configuration.logger.warning("refused an answer that breaks the contract", metadata: ["error": "\(error)"])
            throw error
        }
    }

    private func validate<Answer: CheckedAnswer>(_ answer: Answer, operation: String,
                                                 undecodable: UndecodableItems) throws(ShopError) -> Answer {
        try answer.validated(operation: operation, undecodable: undecodable, logger: configuration.logger)
    }
}
