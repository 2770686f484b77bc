import ShopKit

/// One attempt to turn the cart into an order, under one idempotency key.
///
/// The rule both front ends follow: retrying the *same* request reuses the attempt's key, so the
/// gateway answers the first order again instead of charging twice; a *changed* request (another
/// card, address or shipping option) is a new attempt with a fresh key, because the gateway
/// refuses a key reused with a different body. The full-screen client keeps the attempt in its
/// checkout state across Enter presses; `shop checkout` takes it from `--idempotency-key`.
public struct CheckoutAttempt: Sendable, Hashable {
    public let request: PlaceOrderRequest
    public let idempotencyKey: String

    public init(request: PlaceOrderRequest, idempotencyKey: String) {
        self.request = request
        self.idempotencyKey = idempotencyKey
    }

    /// Places the order under this attempt's key. ShopKit already retries lost connections and
    /// busy answers; on top of that, while the gateway says the same key is still being handled
    /// (409 with Retry-After), this waits as asked and asks again, up to `inFlightWaits` times.
    /// Any answer it gives is for this key, so nothing here can charge twice.
    public func place(with client: ShopClient, inFlightWaits: Int = 5) async throws(ShopError) -> Order {
        var waits = 0
        while true {
            do {
                return try await client.checkout.placeOrder(request, idempotencyKey: idempotencyKey).order
            } catch {
                guard let problem = error.problem, problem.code == .idempotencyKeyInFlight, waits < inFlightWaits else { throw error }
                waits += 1
                let seconds = min(max(problem.retryAfterSeconds ?? 1, 1), 10)
                do { try await Task.sleep(for: .seconds(seconds)) } catch { throw ShopError.cancelled }
            }
        }
    }
}
