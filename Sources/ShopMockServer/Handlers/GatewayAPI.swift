import Foundation
import Logging

/// The contract's operations. The generated `APIProtocol` makes a missing one a compile
/// error; each handler checks what the generator does not (lengths, ranges, who may call)
/// and hands the business part to ``GatewayStore``. Failures are thrown as
/// ``GatewayProblem`` and rendered by `ProblemMiddleware`.
struct GatewayAPI: APIProtocol {
    let store: GatewayStore
    let clock: GatewayClock
    /// bcrypt, on its own threads (never where requests are handled).
    let passwords: PasswordHasher
    /// The growing wait after repeated wrong passwords for one account.
    let signInThrottle: SignInThrottle
    let logger: Logger
    /// A bcrypt hash of a random string, verified against when an email is unknown.
    let decoyHash: String

    typealias Issue = GatewayProblem.FieldIssue

    var caller: Caller { RequestScope.current.caller }

    /// A shopper's session (guest or account), or the 401 that explains why not.
    func requireShopper() throws(GatewayProblem) -> (userId: String, isGuest: Bool, tokenDigest: String) {
        switch caller {
        case .anonymous: throw .unauthorized()
        case .rejected(let problem): throw problem
        case .admin: throw .forbidden("The admin token is not a shopper session.")
        case .user(let userId, let isGuest, let tokenDigest): return (userId, isGuest, tokenDigest)
        }
    }

    /// A signed-in account; guests get 403.
    func requireAccount() throws(GatewayProblem) -> String {
        let shopper = try requireShopper()
        guard !shopper.isGuest else { throw .forbidden("Sign in or register to do this; guests cannot.") }
        return shopper.userId
    }

    /// The admin token; none is 401, anyone else 403.
    func requireAdmin() throws(GatewayProblem) {
        switch caller {
        case .admin: return
        case .anonymous: throw .unauthorized("Admin operations need the gateway's admin token.")
        case .rejected(let problem): throw problem
        case .user: throw .forbidden("Only the admin token may do this.")
        }
    }

    /// `limit` is 1...100, 20 when absent.
    func pageLimit(_ limit: Int?) throws(GatewayProblem) -> Int {
        guard let limit else { return 20 }
        guard (1...100).contains(limit) else { throw .badRequest("limit must be between 1 and 100.", field: "limit") }
        return limit
    }

    /// Checks a path or query string parameter's length (a bad one is 400).
    func checkParameter(_ value: String?, _ name: String, max: Int) throws(GatewayProblem) {
        guard let value else { return }
        guard (1...max).contains(value.count) else {
            throw .badRequest("\(name) must be 1 to \(max) characters.", field: name)
        }
    }

    /// Throws 422 with every field issue found.
    func reject(_ issues: [Issue]) throws(GatewayProblem) {
        if !issues.isEmpty { throw .validation(issues) }
    }

    func currency(_ wire: Components.Schemas.CurrencyCode?) -> Currency {
        wire.map(Currency.init) ?? .USD
    }
}
