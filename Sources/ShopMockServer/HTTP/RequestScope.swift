/// What the middleware learned about the request in progress, for the handlers.
///
/// A task-local because the generated handlers see only their typed input; the
/// middleware chain and the handler run in the same task.
struct RequestScope: Sendable {
    var requestID: String
    var path: String
    var caller: Caller = .anonymous
    /// Set while a POST holds an `Idempotency-Key` claim (placing an order commits it).
    var idempotencyClaim: IdempotencyClaim?

    @TaskLocal static var current = RequestScope(requestID: "", path: "")
}
