import Foundation
import ShopMockServer
import Testing

extension Reliability {
    /// Every operation of the contract, called with every kind of credential that must not get in.
    @Suite("Authorisation matrix generated from the contract")
    struct AuthorizationMatrixTests {
        /// The victim's account, with one of everything that has an id.
        struct Victim: Sendable {
            var token: String
            var values: [String: String]
            /// Strings that must never show up in someone else's answer.
            var markers: [String]
        }

        static func makeVictim(_ raw: RawGateway) async throws -> Victim {
            let email = "victim-\(UUID().uuidString.prefix(8).lowercased())@example.com"
            let name = "Victim Vexillologist"
            let response = try await raw.send(
                "POST", "/v1/users", json: #"{"email":"\#(email)","password":"victim password 1","name":"\#(name)"}"#)
            guard response.status == 201, let token = response.string("token"),
                let user = (response.object["user"] as? [String: Any])?["id"] as? String
            else { throw HarnessFailure("victim: \(response.text)") }
            let address = try await raw.send(
                "POST", "/v1/me/addresses", token: token,
                json: #"{"name":"Victim Home","line1":"7 Secret Lane","city":"Hiddenville","postalCode":"99999","country":"PT"}"#)
            let product = try await Gateways.product(raw, minimumStock: 20)
            _ = try await raw.send("POST", "/v1/cart/items", token: token, json: #"{"productId":"\#(product)","quantity":2}"#)
            let order = try await raw.send(
                "POST", "/v1/checkout/orders", token: token, json: RawGateway.orderJSON, headers: [("Idempotency-Key", "victim-order")])
            _ = try await raw.send("POST", "/v1/cart/items", token: token, json: #"{"productId":"\#(product)","quantity":1}"#)
            let inbox = try await raw.send("GET", "/v1/notifications", token: token)
            guard address.status == 201, order.status == 201, let orderId = order.string("id"),
                let trackingId = order.string("trackingId"), let addressId = address.string("id"),
                let notificationId = inbox.items().first?["id"] as? String
            else { throw HarnessFailure("victim setup: \(address.text) \(order.text)") }
            return Victim(
                token: token,
                values: [
                    "orderId": orderId, "addressId": addressId, "trackingId": trackingId, "notificationId": notificationId,
                    "productId": product,
                ],
                markers: [user, email, name, orderId, addressId, trackingId, notificationId, "Secret Lane", order.string("transactionId") ?? orderId])
        }

        /// What must answer a call made with a credential that may not have the victim's data.
        enum Refusal: String { case unauthorized, forbidden, notFoundOrForbidden, ownDataOnly }

        struct Finding: Sendable, CustomStringConvertible {
            var operation: String
            var credential: String
            var problem: String
            var description: String { "\(operation) with \(credential): \(problem)" }
        }

        @Test func anIdempotencyKeyCannotFetchSomeoneElsesSession() async throws {
            try await Gateways.with { gateway in
                let raw = RawGateway(gateway.url)
                // Two anonymous callers who happen to (or one who tries to) use the same key.
                let first = try await raw.send("POST", "/v1/sessions/guest", headers: [("Idempotency-Key", "k-1")])
                let second = try await raw.send("POST", "/v1/sessions/guest", headers: [("Idempotency-Key", "k-1")])
                #expect(first.status == 201 && second.status == 201)
                #expect(first.string("token") != nil && first.string("token") != second.string("token"))
                #expect(second.header("Idempotent-Replayed") == nil)
                // Sign-in and refresh replay only to whoever sends the same secret in the body.
                let email = "replay-\(UUID().uuidString.prefix(6))@example.com"
                _ = try await raw.register(email: email)
                let signIn = #"{"email":"\#(email)","password":"correct horse battery"}"#
                let signedIn = try await raw.send("POST", "/v1/sessions", json: signIn, headers: [("Idempotency-Key", "k-2")])
                let guess = try await raw.send(
                    "POST", "/v1/sessions", json: #"{"email":"\#(email)","password":"wrong"}"#, headers: [("Idempotency-Key", "k-2")])
                #expect(signedIn.status == 200)
                #expect(guess.status == 422 && guess.string("token") == nil, "another body with the key is refused, not replayed")
            }
        }

        @Test func noForeignMissingExpiredOrSignedOutTokenReachesAnAccountsData() async throws {
            let operations = try Contract.load().operations
            try await Gateways.with(tokenLifetime: 600) { gateway in
                try await Self.runMatrix(gateway, operations)
            }
        }

        static func runMatrix(_ gateway: RunningGateway, _ operations: [ContractOperation]) async throws {
            do {
                let raw = RawGateway(gateway.url)

                // Tokens that are no longer good: expired (clock moved past their lifetime) and signed out.
                let expiring = try await raw.register(email: "expiring-\(UUID().uuidString.prefix(6))@example.com")
                let expiringGuest = try await raw.guestToken()
                gateway.clock.advance(by: 700)
                let signedOut = try await raw.register(email: "leaver-\(UUID().uuidString.prefix(6))@example.com")
                let signOut = try await raw.send("DELETE", "/v1/sessions/current", token: signedOut)
                #expect(signOut.status == 204)

                let victim = try await Self.makeVictim(raw)
                let outsiderEmail = "outsider-\(UUID().uuidString.prefix(6))@example.com"
                _ = try await raw.register(email: outsiderEmail)

                var findings: [Finding] = []
                var calls = 0
                var covered: [ContractOperation.Access: Int] = [:]
                for operation in operations {
                    covered[operation.access, default: 0] += 1
                    guard operation.access == .bearer || operation.access == .admin else { continue }
                    // A fresh outsider session per operation, so signOut and refresh cannot spoil the next one.
                    let outsider = try await raw.send(
                        "POST", "/v1/sessions", json: #"{"email":"\#(outsiderEmail)","password":"correct horse battery"}"#
                    ).string("token")
                    let guest = try await raw.guestToken()

                    var credentials: [(String, String?, Refusal)] = [
                        ("no token", nil, .unauthorized),
                        ("a made-up token", "tok_" + UUID().uuidString, .unauthorized),
                        ("an expired account token", expiring, .unauthorized),
                        ("an expired guest token", expiringGuest, .unauthorized),
                        ("a signed-out token", signedOut, .unauthorized),
                    ]
                    if operation.access == .admin {
                        credentials += [("an account token", outsider, .forbidden), ("a guest token", guest, .forbidden)]
                    } else {
                        let touchesVictim = !operation.pathParameters.filter { $0 != "productId" }.isEmpty
                        credentials += [
                            ("another account's token", outsider, touchesVictim ? .notFoundOrForbidden : .ownDataOnly),
                            ("a guest token", guest, touchesVictim ? .notFoundOrForbidden : .ownDataOnly),
                        ]
                    }
                    // Without a token, even a malformed body is answered 401 (nothing about the shape leaks).
                    if operation.sampleBody != nil {
                        let response = try await raw.send(
                            operation.method, operation.path(victim.values), json: #"{"unexpected": [1, "#,
                            headers: [("Idempotency-Key", "matrix-\(UUID().uuidString)")])
                        calls += 1
                        if response.status != 401 {
                            findings.append(Finding(operation: operation.description, credential: "no token and a malformed body", problem: "status \(response.status), expected 401"))
                        }
                    }
                    for (label, token, refusal) in credentials {
                        var headers: [(String, String)] = operation.requiredHeaders.map { ($0, "matrix-\(UUID().uuidString)") }
                        if operation.method == "POST", !headers.contains(where: { $0.0 == "Idempotency-Key" }) {
                            headers.append(("Idempotency-Key", "matrix-\(UUID().uuidString)"))
                        }
                        let response = try await raw.send(
                            operation.method, operation.path(victim.values), token: token, json: operation.sampleBody,
                            headers: headers)
                        calls += 1
                        let status = response.status
                        let path = operation.path(victim.values)
                        // Problems echo the path as `instance`: an id the caller sent is not a leak.
                        let leaked = victim.markers.filter { response.text.contains($0) && !path.contains($0) }
                        if !leaked.isEmpty {
                            findings.append(Finding(operation: operation.description, credential: label, problem: "leaked \(leaked)"))
                        }
                        switch refusal {
                        case .unauthorized where status != 401:
                            findings.append(Finding(operation: operation.description, credential: label, problem: "status \(status), expected 401: \(response.text.prefix(200))"))
                        case .forbidden where status != 403:
                            findings.append(Finding(operation: operation.description, credential: label, problem: "status \(status), expected 403"))
                        case .notFoundOrForbidden where status != 404 && status != 403:
                            findings.append(Finding(operation: operation.description, credential: label, problem: "status \(status), expected 404 or 403"))
                        default:
                            break
                        }
                    }
                }
                #expect(findings.isEmpty, "\(findings.count) findings:\n\(findings.map(\.description).joined(separator: "\n"))")

                // The victim's things are all still there and untouched.
                let order = try await raw.send("GET", "/v1/orders/\(victim.values["orderId"]!)", token: victim.token)
                #expect(order.status == 200 && order.string("status") != "cancelled")
                let addresses = try await raw.send("GET", "/v1/me/addresses", token: victim.token)
                #expect(addresses.items().map { $0["id"] as? String } == [victim.values["addressId"]])
                let cart = try await raw.send("GET", "/v1/cart", token: victim.token)
                #expect(cart.object["itemCount"] as? Int == 1)
                let profile = try await raw.send("GET", "/v1/me", token: victim.token)
                #expect(profile.string("name") == "Victim Vexillologist")

                #expect(covered[.bearer, default: 0] >= 25, "\(covered)")
                #expect(covered[.admin, default: 0] >= 5, "\(covered)")
                print("authorisation matrix: \(operations.count) operations (\(covered[.bearer, default: 0]) account, \(covered[.admin, default: 0]) admin, \(covered[.publicOperation, default: 0] + covered[.optionalToken, default: 0]) public), \(calls) refused calls checked")
            }
        }
    }
}
