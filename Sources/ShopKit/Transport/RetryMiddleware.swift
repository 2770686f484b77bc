import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

/// Repeats a request that failed in a way worth retrying (connection failure, timeout, 408,
/// 429, 5xx), with the backoff of a ``RetryPolicy`` and honouring `Retry-After`.
///
/// Only requests that are safe to repeat are retried: idempotent methods, and requests that
/// carry an `Idempotency-Key` (every retry sends the same key, so the gateway replays instead
/// of acting twice). The body is buffered once so it can be sent again.
struct RetryMiddleware: ClientMiddleware {
    let policy: RetryPolicy
    let logger: Logger

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let safeToRepeat = request.method.isIdempotent || request.headerFields[.idempotencyKey] != nil
        guard safeToRepeat, policy.maxAttempts > 1 else {
            return try await next(request, body, baseURL)
        }
        let body = try await HTTPBody.replayable(body)
        var attempt = 1
        while true {
            let outcome: (HTTPResponse, HTTPBody?)
            do {
                let (response, responseBody) = try await next(request, body, baseURL)
                // Read the whole answer here: a connection that breaks after the head (a truncated
                // body) must fail inside the loop, where it is retried with the same key, not later
                // in the decoder, where the caller could only repeat the call under a new key.
                var buffered: HTTPBody?
                if let responseBody {
                    buffered = HTTPBody(try await Data(collecting: responseBody, upTo: maximumBufferedBodyBytes))
                }
                outcome = (response, buffered)
            } catch {
                let failure = ShopError.fromTransport(error)
                guard failure.isRetryable, attempt < policy.maxAttempts else { throw error }
                try await wait(afterAttempt: attempt, retryAfter: nil, operationID: operationID,
                               request: request, reason: failure.description)
                attempt += 1
                continue
            }
            let response = outcome.0
            let retryAfter = response.headerFields[.retryAfter].flatMap { RetryAfter.delay($0) }
            // A 409 with Retry-After to a keyed request: the same key is still being handled
            // (say, the attempt this one replaces after a timeout); asked again, it replays.
            let isKeyInFlight = response.status.code == 409 && retryAfter != nil && request.headerFields[.idempotencyKey] != nil
            guard RetryPolicy.isRetryableStatus(response.status.code) || isKeyInFlight, attempt < policy.maxAttempts else {
                return outcome
            }
            if let retryAfter, !policy.accepts(retryAfter: retryAfter) {
                return outcome  // the gateway wants a longer pause than we are willing to block for
            }
            try await wait(afterAttempt: attempt, retryAfter: retryAfter, operationID: operationID,
                           request: request, reason: "status \(response.status.code)")
            attempt += 1
        }
    }

    private func wait(afterAttempt attempt: Int, retryAfter: Duration?, operationID: String,
                      request: HTTPRequest, reason: String) async throws {
        let delay = policy.delay(afterAttempt: attempt, retryAfter: retryAfter)
        logger.debug("retrying", metadata: [
            "operation": "\(operationID)", "attempt": "\(attempt + 1)", "reason": "\(reason)",
            "delay": "\(delay)", "requestID": "\(request.headerFields[.requestID] ?? "-")",
        ])
        if delay > .zero {
            do { try await Task.sleep(for: delay) } catch { throw ShopError.cancelled }
        } else {
            try Task.checkCancellation()
        }
    }
}
