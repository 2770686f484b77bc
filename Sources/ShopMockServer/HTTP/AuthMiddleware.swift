import Foundation
import Hummingbird

/// Reads `Authorization: Bearer …` and records who is calling in ``RequestScope``.
///
/// Public operations ignore a bad token. On an operation that needs one, a missing or rejected
/// token is answered 401 here, before the body is decoded: an unauthenticated caller learns
/// nothing about what a valid request would look like (contract fuzzing found 400 and 422
/// answers to token-less calls). Handlers still check what kind of caller they need.
struct AuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let store: GatewayStore
    let adminToken: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var scope = RequestScope.current
        scope.caller = await caller(for: request.headers[.authorization])
        if RouteTable.needsToken(method: request.method.rawValue, path: request.uri.path) {
            switch scope.caller {
            case .anonymous:
                throw request.uri.path.hasPrefix("/v1/admin/")
                    ? GatewayProblem.unauthorized("Admin operations need the gateway's admin token.") : GatewayProblem.unauthorized()
            case .rejected(let problem):
                throw problem
            case .admin, .user:
                break
            }
        }
        return try await RequestScope.$current.withValue(scope) { try await next(request, context) }
    }

    private func caller(for header: String?) async -> Caller {
        guard let header else { return .anonymous }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            return .rejected(.invalidToken("Authorization must be a Bearer token."))
        }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        if Self.constantTimeEquals(token, adminToken) { return .admin }
        return await store.resolve(token: token)
    }

    /// Compares without an early exit, so timing does not reveal the admin token.
    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }
}
