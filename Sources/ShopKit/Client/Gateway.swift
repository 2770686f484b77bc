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

    /// Runs one call of the wire client and maps whatever it throws to ``ShopError``.
    func call<Value>(_ body: (Client) async throws -> Value) async throws(ShopError) -> Value {
        do {
            return try await body(wire)
        } catch {
            let failure = ShopError.from(error)
            configuration.logger.debug("call failed", metadata: ["error": "\(failure)"])
            throw failure
        }
    }
}
