import Hummingbird

/// Answers the requests ``RequestGuardHandler`` refused (413 by `Content-Length`, 429) before
/// anything reads their body or looks at their token.
struct GuardVerdictMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let value = request.headers[GuardVerdict.field], let verdict = GuardVerdict(headerValue: value) {
            throw verdict.problem
        }
        return try await next(request, context)
    }
}
