import Foundation
import Hummingbird

/// Reads `Authorization: Bearer …` and records who is calling in ``RequestScope``.
///
/// It rejects nothing by itself: public operations ignore a bad token, and the handlers
/// that need a caller turn a rejected token into its 401.
struct AuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let store: GatewayStore
    let adminToken: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var scope = RequestScope.current
        scope.caller = await caller(for: request.headers[.authorization])
        return try await RequestScope.$current.withValue(scope) { try await next(request, context) }
    }

    private func caller(for header: String?) async -> Caller {
        guard let header else { return .anonymous }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            return .rejected(.unauthorized("Authorization must be a Bearer token."))
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
