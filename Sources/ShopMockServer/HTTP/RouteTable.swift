/// The contract's paths and their methods, to tell "no such route" (404) from "wrong
/// method" (405 with `Allow`) when the router finds nothing. A test checks it against
/// docs/openapi.yaml.
enum RouteTable {
    static let routes: [(template: String, methods: [String])] = [
        ("/healthz", ["GET"]),
        ("/v1/sessions/guest", ["POST"]),
        ("/v1/sessions", ["POST"]),
        ("/v1/sessions/current", ["DELETE"]),
        ("/v1/sessions/refresh", ["POST"]),
        ("/v1/users", ["POST"]),
        ("/v1/me", ["GET", "PATCH"]),
        ("/v1/me/addresses", ["GET", "POST"]),
        ("/v1/me/addresses/{addressId}", ["PUT", "DELETE"]),
        ("/v1/me/activity", ["GET"]),
        ("/v1/categories", ["GET"]),
        ("/v1/products", ["GET"]),
        ("/v1/products/{productId}", ["GET"]),
        ("/v1/search", ["GET"]),
        ("/v1/inventory/{productId}", ["GET"]),
        ("/v1/currencies", ["GET"]),
        ("/v1/currencies/convert", ["GET"]),
        ("/v1/cart", ["GET", "DELETE"]),
        ("/v1/cart/items", ["POST"]),
        ("/v1/cart/items/{productId}", ["PUT", "DELETE"]),
        ("/v1/shipping/quotes", ["POST"]),
        ("/v1/shipping/tracking/{trackingId}", ["GET"]),
        ("/v1/payment/cards/validate", ["POST"]),
        ("/v1/checkout/orders", ["POST"]),
        ("/v1/orders", ["GET"]),
        ("/v1/orders/{orderId}", ["GET"]),
        ("/v1/orders/{orderId}/cancel", ["POST"]),
        ("/v1/orders/{orderId}/tracking", ["GET"]),
        ("/v1/orders/{orderId}/invoice", ["GET"]),
        ("/v1/notifications", ["GET"]),
        ("/v1/notifications/{notificationId}/read", ["POST"]),
        ("/v1/notifications/read-all", ["POST"]),
        ("/v1/recommendations", ["GET"]),
        ("/v1/ads", ["GET"]),
        ("/v1/admin/products", ["POST"]),
        ("/v1/admin/products/{productId}", ["PUT", "DELETE"]),
        ("/v1/admin/activity", ["GET"]),
        ("/v1/admin/clock/advance", ["POST"]),
        ("/v1/admin/key-sessions", ["POST"]),
    ]

    /// Operations that take no token (`security: []` or an optional one in the contract).
    static let publicOperations: Set<String> = [
        "GET /healthz", "POST /v1/sessions/guest", "POST /v1/sessions", "POST /v1/sessions/refresh", "POST /v1/users",
        "GET /v1/categories", "GET /v1/products", "GET /v1/products/{productId}", "GET /v1/search",
        "GET /v1/inventory/{productId}", "GET /v1/currencies", "GET /v1/currencies/convert", "GET /v1/recommendations",
        "GET /v1/ads",
    ]

    /// Operations whose contract has a `requestBody`; every other one takes none (see
    /// ``BodylessOperationMiddleware``).
    static let operationsWithBody: Set<String> = [
        "POST /v1/sessions", "POST /v1/sessions/refresh", "POST /v1/users", "PATCH /v1/me", "POST /v1/me/addresses",
        "PUT /v1/me/addresses/{addressId}", "POST /v1/cart/items", "PUT /v1/cart/items/{productId}",
        "POST /v1/shipping/quotes", "POST /v1/payment/cards/validate", "POST /v1/checkout/orders",
        "POST /v1/admin/products", "PUT /v1/admin/products/{productId}", "POST /v1/admin/clock/advance",
        "POST /v1/admin/key-sessions",
    ]

    /// True when `method path` is a contract operation that requires a bearer token.
    static func needsToken(method: String, path: String) -> Bool {
        guard let operation = operation(method: method, path: path) else { return false }
        return !publicOperations.contains(operation)
    }

    /// The contract operation `method path` is a request for, as `METHOD /template`, or nil.
    static func operation(method: String, path: String) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for route in routes where route.methods.contains(method) {
            let template = route.template.split(separator: "/", omittingEmptySubsequences: false)
            guard template.count == segments.count else { continue }
            let matches = zip(template, segments).allSatisfy { pattern, segment in
                pattern.hasPrefix("{") ? !segment.isEmpty : pattern == segment
            }
            if matches { return "\(method) \(route.template)" }
        }
        return nil
    }

    /// The methods the contract allows on `path`, or nil when no route has that shape.
    static func allowedMethods(for path: String) -> [String]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        var allowed: [String] = []
        for route in routes {
            let template = route.template.split(separator: "/", omittingEmptySubsequences: false)
            guard template.count == segments.count else { continue }
            let matches = zip(template, segments).allSatisfy { pattern, segment in
                pattern.hasPrefix("{") ? !segment.isEmpty : pattern == segment
            }
            if matches { allowed += route.methods }
        }
        return allowed.isEmpty ? nil : allowed
    }
}
