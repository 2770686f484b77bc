import ShopKit
import ShopFlows

/// A subcommand that failed: the one-line message for standard error, the exit status, and the
/// gateway's problem when there was one.
struct CLIFailure: Error {
    var status: ExitStatus
    var message: String
    var problem: ProblemDetails?
    /// For checkout: the key the attempt used, so a script can retry with it.
    var idempotencyKey: String?

    init(_ status: ExitStatus, _ message: String, problem: ProblemDetails? = nil, idempotencyKey: String? = nil) {
        self.status = status
        self.message = message
        self.problem = problem
        self.idempotencyKey = idempotencyKey
    }

    /// A ShopKit error, classified by the rule the full-screen client uses too. `signInHint`
    /// adds how to sign in to a sign-in-needed message (not wanted when signing in failed).
    init(_ error: ShopError, idempotencyKey: String? = nil, signInHint: Bool = true) {
        var status = ExitStatus(FailureKind(error))
        // The CLI uses no admin operations: a 403 is a guest asking for an account's things.
        if error.status == 403 { status = .signInNeeded }
        var message = error.userMessage
        if let problem = error.problem, let field = problem.fieldErrors.first {
            message = "\(field.field): \(field.message)"
        } else if status == .signInNeeded && signInHint {
            message += " (sign in with `shop account login`)"
        }
        self.init(status, message, problem: error.problem, idempotencyKey: idempotencyKey)
    }
}
